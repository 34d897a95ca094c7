// `cni` and `cilium-cluster` per target in .netreach.yaml: the base's file sets them, as it sets
// the gate (DESIGN section 4b), so a pull request cannot switch Cilium's policies off for its own
// check; otherwise they come from the run (--cni, the Action's cni input).
import { afterAll, describe, expect, it } from "vitest";
import { defaultGateConfig } from "../../src/gate/config.js";
import { noteText } from "../../src/render/config-review.js";
import { ConfigError, parseConfig } from "../../src/targets/config.js";
import { dirTree } from "../../src/targets/repo-tree.js";
import { resolveTargets } from "../../src/targets/resolve.js";
import { runTargets } from "../../src/targets/run.js";
import { memoryTree } from "../support/memory-tree.js";
import { tempTree } from "../support/cli.js";

const flags = { kustomize: [], helm: [], names: [] };
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [ { name: c, image: nginx } ] }
`;
const CNP = `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: { name: web-from-world, namespace: shop }
spec:
  endpointSelector: { matchLabels: { app: web } }
  ingress: [ { fromEntities: [ world ] } ]
`;
const target = (extra: string) => `targets:\n  - name: prod\n    kind: paths\n    paths: [k]\n${extra}`;

function configError(text: string): string {
  try {
    parseConfig(".netreach.yaml", text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  return "no error";
}

describe(".netreach.yaml cni and cilium-cluster", () => {
  it("are read per target", () => {
    const c = parseConfig(".netreach.yaml", target("    cni: cilium\n    cilium-cluster: prod-eu\n"));
    expect(c.targets[0]).toMatchObject({ name: "prod", cni: "cilium", ciliumCluster: "prod-eu" });
    expect(parseConfig(".netreach.yaml", target("")).targets[0]).not.toHaveProperty("cni");
  });

  it("a wrong value is an error at its line", () => {
    expect(configError(target("    cni: calico\n"))).toBe(".netreach.yaml:5: target prod: cni must be one of auto, cilium, generic");
    expect(configError(target("    cilium-cluster: prod eu\n"))).toMatch(/^\.netreach\.yaml:5: target prod: cilium-cluster "prod eu" is not a valid Cilium cluster name: pods carry it as a label value/);
    expect(configError(target("    cni: generic\n    cilium-cluster: eu\n"))).toBe(".netreach.yaml:6: target prod: cilium-cluster names the cluster of a Cilium cluster: it does not go with cni: generic");
    expect(configError(target("    cnii: cilium\n"))).toBe('.netreach.yaml:5: unknown target key "cnii" (known: name, kind, path, paths, values, release, namespace, pods, cni, cilium-cluster, fail-on)');
  });

  it("a pull request that switches Cilium off, or renames the cluster, is said and not taken", () => {
    const files = { "k/web.yaml": WEB };
    const base = memoryTree({ ...files, ".netreach.yaml": target("    cni: cilium\n    cilium-cluster: prod-eu\n") });
    const head = memoryTree({ ...files, ".netreach.yaml": target("    cni: generic\n") });
    const r = resolveTargets(flags, [], { base, head }, undefined);
    expect(r.targets.map((t) => [t.name, t.cni, t.ciliumCluster])).toEqual([["prod", "cilium", "prod-eu"]]);
    expect((r.review?.notes ?? []).map(noteText)).toEqual([
      "Target `prod`: this pull request sets `cni: generic`; the base's `cni: cilium` applies until it merges.",
      "Target `prod`: this pull request sets `cilium-cluster: (the run's)`; the base's `cilium-cluster: prod-eu` applies until it merges.",
    ]);
  });

  it("a target the pull request points elsewhere is analyzed with the base's CNI and gate, not its own", () => {
    const files = { "k/web.yaml": WEB, "k2/web.yaml": WEB };
    const base = memoryTree({ ...files, ".netreach.yaml": target("    cni: cilium\n") });
    const head = memoryTree({ ...files, ".netreach.yaml": "targets:\n  - name: prod\n    kind: paths\n    paths: [k2]\n    cni: generic\n    fail-on: none\n" });
    const r = resolveTargets(flags, [], { base, head }, undefined);
    expect(r.targets.map((t) => [t.name, t.cni ?? "(run)", t.failOn?.join(",") ?? "(run)"])).toEqual([
      ["prod", "cilium", "(run)"],
      ["prod@head", "cilium", "(run)"],
    ]);
  });
});

describe("a run with targets analyzes each for its CNI", () => {
  const t = tempTree({
    "base/.netreach.yaml": target("    cni: cilium\n    cilium-cluster: prod-eu\n") + "  - name: dev\n    kind: paths\n    paths: [d]\n",
    "base/k/web.yaml": WEB,
    "base/d/web.yaml": WEB,
    "head/.netreach.yaml": target("    cni: generic\n") + "  - name: dev\n    kind: paths\n    paths: [d]\n",
    "head/k/web.yaml": WEB,
    "head/d/web.yaml": WEB,
    "head/d/cnp.yaml": CNP,
  });
  afterAll(() => t.cleanup());

  it("the base's setting for its target, the run's (auto) for the other: both in the JSON's targets", async () => {
    const trees = { base: dirTree(`${t.dir}/base`, "base"), head: dirTree(`${t.dir}/head`, "head") };
    const run = await runTargets(flags, [], trees, undefined, { gate: defaultGateConfig(), cni: "auto", concurrency: 1 });
    const cni = Object.fromEntries(run!.outcomes.map((o) => [o.name, o.report?.cni?.cni]));
    expect(cni).toEqual({ prod: { kind: "cilium", cluster: "prod-eu" }, dev: { kind: "cilium", cluster: "default" } });
    const { targetsDiffJson } = await import("../../src/render/targets-json.js");
    const json = targetsDiffJson(run!.outcomes);
    expect(json.targets!.map((x) => [x.name, x.cni])).toEqual([
      ["prod", { kind: "cilium", choice: "cilium", cluster: "prod-eu" }],
      ["dev", { kind: "cilium", choice: "auto", cluster: "default" }],
    ]);
    expect(json.assumptions.filter((a) => a.includes("CNI: "))).toEqual([
      expect.stringMatching(/^prod: CNI: Cilium \(--cni cilium\)\. .*io\.cilium\.k8s\.policy\.cluster=prod-eu/),
      expect.stringMatching(/^dev: CNI: Cilium \(chosen because the head revision holds Cilium policies, and both revisions are read alike;/),
    ]);
  });

  it("--cni generic for the run leaves the base's cilium target as it is", async () => {
    const trees = { base: dirTree(`${t.dir}/base`, "base"), head: dirTree(`${t.dir}/head`, "head") };
    const run = await runTargets(flags, [], trees, undefined, { gate: defaultGateConfig(), cni: "generic", concurrency: 1 });
    expect(run!.outcomes.map((o) => [o.name, o.report?.cni?.cni.kind])).toEqual([
      ["prod", "cilium"],
      ["dev", "generic"],
    ]);
  });
});
