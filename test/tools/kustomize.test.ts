import * as fs from "node:fs";
import * as path from "node:path";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { kustomizeBuild } from "../../src/tools/kustomize.js";
import { copyFixture, toolsPath, tree } from "./support.js";

const np = (name: string, port: number) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  ingress:\n  - ports: [{port: ${port}}]\n`;

const overlayTree = () =>
  tree({
    "deploy/base/kustomization.yaml": "resources:\n- svc.yaml\n- np.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=b]\n",
    "deploy/base/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n",
    "deploy/base/np.yaml": `# the web policy\n${np("allow-web", 80)}---\n${np("deny-all", 1)}`,
    "deploy/overlays/prod/kustomization.yaml": "namespace: prod\nnamePrefix: prod-\nresources:\n- ../../base\npatches:\n- path: np-patch.yaml\n",
    "deploy/overlays/prod/np-patch.yaml": np("allow-web", 8080),
  });

describe("kustomizeBuild", () => {
  it("builds an overlay with kubectl's kustomize and traces each object to its source file", async () => {
    const root = overlayTree();
    const r = await kustomizeBuild(root, "deploy/overlays/prod", { searchPath: toolsPath() });
    if (!r.ok) throw new Error(`${r.error}\n${r.detail}`);
    expect(r.tool).toBe("kubectl kustomize");
    // A patched object is shown in its patch: that is the file a reviewer edits.
    expect(r.files.map((f) => f.path)).toEqual(["deploy/base/kustomization.yaml", "deploy/base/svc.yaml", "deploy/overlays/prod/np-patch.yaml", "deploy/base/np.yaml"]);
    const byName = new Map(r.objects.map((o) => [o.name, o]));
    // The patch changed the port; the prefix and namespace applied; the source line is the document's.
    const web = byName.get("prod-allow-web")!;
    expect(web).toMatchObject({ kind: "NetworkPolicy", namespace: "prod", file: "deploy/overlays/prod/np-patch.yaml", origin: { file: "deploy/base/np.yaml", line: 2, patch: { file: "deploy/overlays/prod/np-patch.yaml", line: 1 } } });
    // Each rendered line maps to the line that wrote it: the patch's port line, the base's selector.
    const patched = r.files.find((f) => f.path === web.file)!;
    const at = (needle: string, file = patched) => file.lines![file.text.split("\n").findIndex((l) => l.includes(needle))];
    expect(at("port: 8080")).toBe(9);
    const base = r.files.find((f) => f.path === "deploy/base/np.yaml")!;
    expect(at("port: 1", base)).toBe(20);
    expect(byName.get("prod-deny-all")!.origin).toEqual({ file: "deploy/base/np.yaml", line: 12 });
    expect(byName.get("prod-web")!.origin).toEqual({ file: "deploy/base/svc.yaml", line: 1 });
    const cfg = r.objects.find((o) => o.kind === "ConfigMap")!;
    expect(cfg.origin).toEqual({ file: "deploy/base/kustomization.yaml", generatedBy: "ConfigMapGenerator" });
    // Each object's line points at its own document in the grouped text; the annotation is gone.
    for (const o of r.objects) {
      const text = r.files.find((f) => f.path === o.file)!.text;
      const rest = text.split("\n").slice(o.line - 1).join("\n");
      expect(r.files.find((f) => f.path === o.file)!.lines!.length).toBe(text.split("\n").length - 1);
      expect(parseAllDocuments(rest)[0]!.toJS().metadata.name).toBe(o.name);
    }
    const npText = r.files.find((f) => f.path === "deploy/base/np.yaml")!.text;
    expect(npText).not.toContain("config.kubernetes.io/origin");
    expect(npText).not.toContain("annotations");
    expect(patched.text).toContain("port: 8080");
    // The wrapper is gone, the target untouched.
    expect(fs.readdirSync(root)).toEqual(["deploy"]);
  });

  it("keeps annotations the objects had themselves", async () => {
    const root = tree({
      "k/kustomization.yaml": "resources:\n- np.yaml\n",
      "k/np.yaml": "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n  annotations:\n    team: web\nspec:\n  podSelector: {}\n",
    });
    const r = await kustomizeBuild(root, "k", { searchPath: toolsPath() });
    if (!r.ok) throw new Error(r.error);
    expect(r.files[0]!.text).toContain("team: web");
    expect(r.files[0]!.text).not.toContain("origin");
  });

  it("fails fast and says why when a base is remote", async () => {
    const root = tree({
      "a/kustomization.yaml": "resources:\n- https://example.invalid/org/repo//base?ref=v1\n",
      "b/kustomization.yaml": "resources:\n- https://127.0.0.1:9/raw/np.yaml\n",
      "c/kustomization.yaml": "resources:\n- git@example.invalid:org/repo.git//base\n",
    });
    const started = Date.now();
    for (const target of ["a", "b", "c"]) {
      const r = await kustomizeBuild(root, target, { searchPath: toolsPath() });
      expect(r.ok, target).toBe(false);
      if (r.ok) continue;
      expect(r.failure, `${target}: ${r.detail}`).toBe("remote");
      expect(r.error).toMatch(/remote base .* netreach builds offline/);
      expect(r.detail).not.toBe("");
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("refuses files outside the kustomization root and unknown plugins", async () => {
    const root = tree({
      "secret.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\n",
      "k/kustomization.yaml": "resources:\n- ../secret.yaml\n",
      "h/kustomization.yaml": "helmCharts:\n- name: x\n  repo: https://127.0.0.1:9/charts\n  version: 1.0.0\n",
      // An exec KRM function: a program from the pull request, which must never run.
      "f/kustomization.yaml": "transformers:\n- fn.yaml\n",
      "f/fn.yaml": "apiVersion: example.com/v1\nkind: Fn\nmetadata:\n  name: x\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./run.sh\n",
      "f/run.sh": "#!/bin/sh\ntouch ran\n",
    });
    const outside = await kustomizeBuild(root, "k", { searchPath: toolsPath() });
    expect(outside).toMatchObject({ ok: false, failure: "failed" });
    if (!outside.ok) expect(outside.detail).toMatch(/security; file .* is not in or below/);
    const helm = await kustomizeBuild(root, "h", { searchPath: toolsPath() });
    expect(helm).toMatchObject({ ok: false, error: expect.stringMatching(/helmCharts/) });
    fs.chmodSync(path.join(root, "f/run.sh"), 0o755);
    const fn = await kustomizeBuild(root, "f", { searchPath: toolsPath() });
    expect(fn).toMatchObject({ ok: false, error: "f needs kustomize plugins or KRM functions, which netreach never runs" });
    expect(fs.existsSync(path.join(root, "f/ran"))).toBe(false);
  });

  it("reports a missing tool, a bad target and a broken kustomization without throwing", async () => {
    const root = tree({ "k/kustomization.yaml": "resources:\n- missing.yaml\n", "plain/np.yaml": np("a", 1) });
    const empty = tree({});
    const missing = await kustomizeBuild(root, "k", { searchPath: empty });
    expect(missing).toMatchObject({ ok: false, failure: "missing-tool", error: expect.stringMatching(/`kustomize` or `kubectl` not found on PATH: install kustomize/) });
    expect(await kustomizeBuild(root, "../x", { searchPath: toolsPath() })).toMatchObject({ ok: false, failure: "invalid-target" });
    expect(await kustomizeBuild(root, "plain", { searchPath: toolsPath() })).toMatchObject({ ok: false, failure: "invalid-target", error: expect.stringMatching(/no kustomization/) });
    const broken = await kustomizeBuild(root, "k", { searchPath: toolsPath() });
    expect(broken).toMatchObject({ ok: false, failure: "failed", error: "building k failed (kubectl kustomize exited with status 1)" });
    if (!broken.ok) expect(broken.detail).toContain("missing.yaml");
  });

  it("builds the real microservices-demo tree as kubectl kustomize does", async () => {
    const root = copyFixture("realworld/microservices-demo");
    const r = await kustomizeBuild(root, "kustomize/with-network-policies", { searchPath: toolsPath() });
    if (!r.ok) throw new Error(`${r.error}\n${r.detail}`);
    const expected = parseAllDocuments(fs.readFileSync(path.join(root, "rendered/with-network-policies.yaml"), "utf8")).map((d) => d.toJS());
    const got = r.objects.map((o) => {
      const text = r.files.find((f) => f.path === o.file)!.text;
      return parseAllDocuments(text.split("\n").slice(o.line - 1).join("\n"))[0]!.toJS();
    });
    expect(got).toEqual(expected);
    const policies = r.objects.filter((o) => o.kind === "NetworkPolicy");
    expect(policies.length).toBe(13);
    for (const p of policies) {
      expect(p.origin.file).toMatch(/^kustomize\/components\/network-policies\/network-policy-[a-z-]+\.yaml$/);
      expect(p.origin.line).toBeGreaterThan(0);
    }
  });

  it("builds the real flux policies and argo-cd trees, and says why flux's install does not build", async () => {
    const flux = copyFixture("realworld/flux/kustomize");
    const policies = await kustomizeBuild(flux, "policies", { searchPath: toolsPath() });
    if (!policies.ok) throw new Error(policies.error);
    expect(policies.objects.map((o) => `${o.kind}/${o.name} ${o.origin.file}:${o.origin.line}`)).toEqual([
      "NetworkPolicy/allow-egress policies/allow-egress.yaml:1",
      "NetworkPolicy/allow-scraping policies/allow-scraping.yaml:1",
      "NetworkPolicy/allow-webhooks policies/allow-webhooks.yaml:1",
    ]);
    // Its ../bases are not in the fixture.
    const install = await kustomizeBuild(flux, "install-reference", { searchPath: toolsPath() });
    expect(install).toMatchObject({ ok: false, failure: "failed" });
    if (!install.ok) expect(install.detail).toMatch(/bases/);

    const argo = copyFixture("realworld/argo-cd/kustomize");
    const ns = await kustomizeBuild(argo, "manifests/namespace-install", { searchPath: toolsPath() });
    if (!ns.ok) throw new Error(ns.error);
    expect(ns.objects.length).toBe(50);
    expect(ns.objects.filter((o) => o.kind === "NetworkPolicy").map((o) => o.origin.file!).every((f) => f.startsWith("manifests/base/"))).toBe(true);
    const ha = await kustomizeBuild(argo, "manifests/ha/namespace-install", { searchPath: toolsPath() });
    if (!ha.ok) throw new Error(ha.error);
    expect(ha.objects.length).toBe(61);
    expect(ha.objects.filter((o) => o.kind === "NetworkPolicy").map((o) => o.origin.file)).toContain(
      "manifests/ha/base/redis-ha/argocd-redis-ha-server-network-policy.yaml",
    );
  });
});
