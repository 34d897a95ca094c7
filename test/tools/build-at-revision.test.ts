import { describe, expect, it } from "vitest";
import { buildAtRevision, type BuildTarget } from "../../src/tools/build-at-revision.js";
import type { BuildResult } from "../../src/tools/rendered.js";
import { makeRepo } from "../support/git-repo.js";
import { onCleanup, toolsPath } from "./support.js";

const np = (name: string, port: number) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{port: ${port}}]\n`;

describe("buildAtRevision", () => {
  it("builds kustomize and helm targets at base and head, one failing target leaving the others, each from its own tree", async () => {
    const r = makeRepo();
    onCleanup(() => r.cleanup());
    r.write("k/kustomization.yaml", "resources:\n- np.yaml\n");
    r.write("k/np.yaml", np("k", 80));
    r.write("chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n");
    r.write("chart/values.yaml", "port: 80\n");
    r.write("chart/templates/np.yaml", np("h", 0).replace("port: 0", "port: {{ .Values.port }}"));
    const base = r.commit("base");
    r.write("chart/values.yaml", "port: 443\n");
    r.write("k/np.yaml", np("k", 8080));
    const head = r.commit("head");

    const targets: BuildTarget[] = [
      { kind: "kustomize", dir: "k" },
      { kind: "kustomize", dir: "missing" },
      { kind: "helm", chart: "chart", release: "r", namespace: "apps" },
    ];
    const [b, h] = await Promise.all([base, head].map((rev) => buildAtRevision(r.dir, rev, targets, { searchPath: toolsPath() })));
    const port = (res: BuildResult) => (res.ok ? /port: (\d+)/.exec(res.files[0]!.text)?.[1] : res.failure);
    expect(b!.commit).toBe(base);
    expect(b!.results.map(port)).toEqual(["80", "invalid-target", "80"]);
    expect(h!.results.map(port)).toEqual(["8080", "invalid-target", "443"]);
    expect(h!.results[2]).toMatchObject({ ok: true, files: [{ path: "chart/templates/np.yaml" }] });
  });
});
