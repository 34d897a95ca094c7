// .netreach.yaml, flags and discovery over in-memory trees: which targets a run analyzes.
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/targets/config.js";
import { memoryTree } from "../support/memory-tree.js";
import { resolveTargets } from "../../src/targets/resolve.js";

const tree = memoryTree;

const flags = { kustomize: [], helm: [], names: [] };
const NP = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n";

describe(".netreach.yaml", () => {
  it("reads targets with their options, values relative to the chart", () => {
    const c = parseConfig(".netreach.yaml", "targets:\n  - name: prod\n    kind: kustomize\n    path: deploy/prod/\n    namespace: prod\n    fail-on: cross-namespace\n  - name: web\n    kind: helm\n    path: charts/web\n    values: [values-prod.yaml]\n");
    expect(c.discover).toBe(false);
    expect(c.targets).toEqual([
      { name: "prod", source: { kind: "kustomize", dir: "deploy/prod" }, origin: "config", definedIn: { file: ".netreach.yaml", line: 2 }, namespace: "prod", failOn: ["cross-namespace"] },
      { name: "web", source: { kind: "helm", chart: "charts/web", values: ["charts/web/values-prod.yaml"], release: "web" }, origin: "config", definedIn: { file: ".netreach.yaml", line: 7 } },
    ]);
  });

  it("says what is wrong at its line", () => {
    const err = (text: string) => {
      try {
        parseConfig(".netreach.yaml", text);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as Error).message;
      }
      return "no error";
    };
    expect(err("targets:\n  - name: a\n    kind: kustomise\n    path: x\n")).toBe(".netreach.yaml:3: target a: kind must be kustomize, helm or paths");
    expect(err("targets:\n  - name: a\n    kind: paths\n    fail-on: everything\n")).toMatch(/^\.netreach\.yaml:4: target a: fail-on: unknown rule "everything"/);
    expect(err("targets:\n  - name: a\n    kind: paths\n  - name: a\n    kind: paths\n")).toBe('.netreach.yaml:4: target name "a" is used twice');
    expect(err("target: []\n")).toBe('.netreach.yaml:1: unknown key "target" (known: targets, discover, assertions)');
  });

  it("takes a target's gate from the base's file: a pull request cannot relax its own check", () => {
    const cfg = (failOn: string) => `targets:\n  - name: prod\n    kind: kustomize\n    path: k\n    fail-on: ${failOn}\n`;
    const base = tree({ ".netreach.yaml": cfg("external-ingress,cross-namespace") });
    const head = tree({ ".netreach.yaml": cfg("none") });
    const r = resolveTargets(flags, [], { base, head }, undefined);
    expect(r.targets.map((t) => [t.name, t.failOn])).toEqual([["prod", ["external-ingress", "cross-namespace"]]]);
  });
});

describe("discovery", () => {
  const repo = tree({
    "k/base/kustomization.yaml": "resources: [np.yaml]\n",
    "k/base/np.yaml": NP,
    "k/comp/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n",
    "k/dev/kustomization.yaml": "resources: [../base]\ncomponents: [../comp]\n",
    "k/prod/kustomization.yaml": "resources: [../base]\n",
    "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
    "charts/web/values.yaml": "a: 1\n",
    "charts/web/values-prod.yaml": "a: 2\n",
    "charts/web/charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 1.0.0\n",
    "plain/np.yaml": NP,
    "apps/web.yaml":
      "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web-eu}\nspec:\n  source: {repoURL: 'git@github.com:acme/shop.git', path: charts/web, helm: {valueFiles: [values-prod.yaml]}}\n  destination: {namespace: eu}\n---\n" +
      "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: other}\nspec:\n  source: {repoURL: 'https://github.com/acme/elsewhere', path: k/dev}\n",
  });

  it("finds the overlays (not bases or components), a target per values file, the Applications of this repository, and the plain rest", () => {
    const r = resolveTargets(flags, [], { base: repo, head: repo }, "github.com/acme/shop");
    expect(r.plain).toBe(false);
    expect(r.targets.map((t) => `${t.name}: ${t.source.kind} ${JSON.stringify(t.source)}${t.namespace ? ` -n ${t.namespace}` : ""}`)).toEqual([
      'dev: kustomize {"kind":"kustomize","dir":"k/dev"}',
      'prod: kustomize {"kind":"kustomize","dir":"k/prod"}',
      // The Application builds what discovery would call web-prod: it replaces it, with its name and namespace.
      'web-eu: helm {"kind":"helm","chart":"charts/web","values":["charts/web/values-prod.yaml"],"release":"web-eu"} -n eu',
      'manifests: paths {"kind":"paths","paths":[],"exclude":["charts/web","k/base","k/comp","k/dev","k/prod"]}',
    ]);
  });

  it("is today's single analysis when only plain manifests are found, and --target narrows", () => {
    const plain = tree({ "k8s/np.yaml": NP });
    expect(resolveTargets(flags, [], { base: plain, head: plain }, undefined)).toMatchObject({ plain: true });
    const r = resolveTargets({ ...flags, names: ["prod"] }, [], { base: repo, head: repo }, "github.com/acme/shop");
    expect(r.targets.map((t) => t.name)).toEqual(["prod"]);
    expect(() => resolveTargets({ ...flags, names: ["qa"] }, [], { base: repo, head: repo }, "github.com/acme/shop")).toThrow(
      'no target named "qa"; the targets are: dev, prod, web-eu, manifests',
    );
  });
});

describe("GitOps objects of this repository", () => {
  const gitops = tree({
    "k/base/kustomization.yaml": "resources: [np.yaml]\n",
    "k/base/np.yaml": NP,
    "k/prod/kustomization.yaml": "resources: [../base]\n",
    "k/stage/kustomization.yaml": "resources: [../base]\n",
    "charts/web/Chart.yaml": "apiVersion: v2\nname: web\nversion: 1.0.0\n",
    "charts/web/values.yaml": "a: 1\n",
    "charts/web/values-prod.yaml": "a: 2\n",
    "clusters/flux.yaml":
      "apiVersion: source.toolkit.fluxcd.io/v1\nkind: GitRepository\nmetadata: {name: shop, namespace: flux-system}\nspec: {url: 'https://github.com/acme/shop'}\n---\n" +
      "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: shop-prod, namespace: flux-system}\nspec: {path: ./k/prod, targetNamespace: shop, sourceRef: {kind: GitRepository, name: shop}}\n---\n" +
      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: web, namespace: shop}\nspec:\n  chart: {spec: {chart: ./charts/web, valuesFiles: [charts/web/values-prod.yaml], sourceRef: {kind: GitRepository, name: shop}}}\n  values: {replicas: 3}\n",
    "clusters/appset.yaml":
      "apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: envs}\nspec:\n  generators: [{list: {elements: [{env: stage}, {env: prod}]}}]\n" +
      "  template:\n    metadata: {name: 'shop-{{env}}'}\n    spec:\n      source: {repoURL: 'https://github.com/acme/shop.git', path: 'k/{{env}}'}\n      destination: {namespace: '{{env}}'}\n",
  });

  it("follows Flux Kustomizations and HelmReleases, and ApplicationSet list generators, that point into it", () => {
    const r = resolveTargets(flags, [], { base: gitops, head: gitops }, "github.com/acme/shop");
    const shown = r.targets.map((t) => `${t.name} (${t.origin}): ${JSON.stringify(t.source)}${t.namespace ? ` -n ${t.namespace}` : ""}`);
    // Two deployments of k/prod (Flux into shop, the ApplicationSet into prod) are two clusters; the
    // HelmRelease adds inline values, so discovery's web-prod is a different build and stays.
    expect(shown).toEqual([
      'shop-prod (flux): {"kind":"kustomize","dir":"k/prod"} -n shop',
      'shop-prod-2 (argocd): {"kind":"kustomize","dir":"k/prod"} -n prod',
      'shop-stage (argocd): {"kind":"kustomize","dir":"k/stage"} -n stage',
      'web (flux): {"kind":"helm","chart":"charts/web","values":["charts/web/values-prod.yaml"],"release":"web","inlineValues":"{\\"replicas\\":3}"} -n shop',
      'web-prod (discovered): {"kind":"helm","chart":"charts/web","values":["charts/web/values-prod.yaml"],"release":"web"}',
    ]);
  });
});

describe("paths in targets", () => {
  it("resolve '..' from what names them while inside the repository; a path leaving it makes only that target invalid", () => {
    const c = parseConfig(
      ".netreach.yaml",
      "targets:\n  - name: web\n    kind: helm\n    path: charts/web\n    values: [../../env/prod/values.yaml, /env/common.yaml]\n  - name: up\n    kind: kustomize\n    path: deploy/../../x\n  - name: p\n    paths: [deploy/../legacy, ./k8s/]\n",
    );
    expect(c.targets.map((t) => [t.name, t.source, t.invalid])).toEqual([
      ["web", { kind: "helm", chart: "charts/web", values: ["env/prod/values.yaml", "env/common.yaml"], release: "web" }, undefined],
      ["up", { kind: "kustomize", dir: "deploy/../../x" }, 'path "deploy/../../x" leads outside the repository; paths must stay inside it'],
      ["p", { kind: "paths", paths: ["legacy", "k8s"] }, undefined],
    ]);
  });

  it("flags: values relative to the chart, a chart at the root named by its Chart.yaml, else the repository", () => {
    const t = tree({ "Chart.yaml": "apiVersion: v2\nname: storefront\nversion: 1.0.0\n", "values-prod.yaml": "", "env/values.yaml": "" });
    const r = resolveTargets({ ...flags, helm: [".:values-prod.yaml", "charts/web:../../env/values.yaml", "charts/web:../../../x.yaml"], kustomize: ["."], rootName: "shop" }, [], { base: t, head: t }, undefined);
    expect(r.targets.map((x) => [x.name, x.source, x.invalid])).toEqual([
      ["shop", { kind: "kustomize", dir: "" }, undefined],
      ["storefront-prod", { kind: "helm", chart: "", values: ["values-prod.yaml"], release: "storefront" }, undefined],
      ["web", { kind: "helm", chart: "charts/web", values: ["env/values.yaml"], release: "web" }, undefined],
      ["web-x", { kind: "helm", chart: "charts/web", values: ["../../../x.yaml"], release: "web" }, '--helm values file "../../../x.yaml" (relative to charts/web) leads outside the repository; paths must stay inside it'],
    ]);
  });
});
