import { describe, expect, it } from "vitest";
import { kustomizeBuild, kustomizeBuildMany } from "../../src/tools/kustomize.js";
import { toolsPath, tree } from "./support.js";

const np = (name: string, port: number) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  ingress:\n  - ports: [{port: ${port}}]\n`;

const overlays = {
  "deploy/base/kustomization.yaml": "resources:\n- svc.yaml\n- np.yaml\n- web.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=b]\n",
  "deploy/base/svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  ports: [{port: 80}]\n",
  "deploy/base/np.yaml": `# the web policy\n${np("allow-web", 80)}---\n${np("deny-all", 1)}`,
  "deploy/base/web.yaml":
    "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: web}]\n",
  "deploy/overlays/prod/kustomization.yaml": "namespace: prod\nnamePrefix: prod-\nresources:\n- ../../base\npatches:\n- path: np-patch.yaml\n",
  "deploy/overlays/prod/np-patch.yaml": np("allow-web", 8080),
  "deploy/overlays/staging/kustomization.yaml": "namespace: staging\nresources:\n- ../../base\nlabels:\n- pairs: {env: staging}\n  includeSelectors: true\n",
  "deploy/overlays/dev/kustomization.yaml": "namespace: dev\nresources:\n- ../../base\n",
};

const opts = () => ({ searchPath: toolsPath() });

describe("kustomizeBuildMany", () => {
  it("gives each directory exactly what a build of its own gives: objects, texts, lines and origins, and no trace of the batch", async () => {
    const root = tree(overlays);
    const dirs = ["deploy/overlays/prod", "deploy/overlays/staging", "deploy/overlays/dev"];
    const many = await kustomizeBuildMany(root, dirs, opts());
    const one = await Promise.all(dirs.map((d) => kustomizeBuild(root, d, opts())));
    expect(one.every((r) => r.ok)).toBe(true);
    expect(many).toEqual(one);
    for (const r of many) if (r?.ok) for (const f of r.files) expect(f.text).not.toContain("netreach.io/batch-build");
  });

  it("leaves every directory to its own build when one does not build or two make the same object", async () => {
    const root = tree({ ...overlays, "deploy/overlays/broken/kustomization.yaml": "resources:\n- ../../missing\n" });
    expect(await kustomizeBuildMany(root, ["deploy/overlays/prod", "deploy/overlays/broken"], opts())).toEqual([undefined, undefined]);
    // Both make default/web and the others with no namespace: kustomize refuses the pair.
    const same = tree({ ...overlays, "deploy/overlays/copy/kustomization.yaml": "resources:\n- ../../base\n" });
    expect(await kustomizeBuildMany(same, ["deploy/base", "deploy/overlays/copy"], opts())).toEqual([undefined, undefined]);
  });

  it("leaves a directory refused before running to its own build, and builds the others", async () => {
    const root = tree({ ...overlays, "deploy/overlays/remote/kustomization.yaml": "resources:\n- https://github.com/acme/x//base\n" });
    const dirs = ["deploy/overlays/prod", "deploy/overlays/remote", "deploy/overlays/dev", "deploy/overlays/none"];
    const many = await kustomizeBuildMany(root, dirs, opts());
    expect(many.map((r) => r?.ok)).toEqual([true, undefined, true, undefined]);
    expect(many[0]).toEqual(await kustomizeBuild(root, dirs[0]!, opts()));
  });
});
