// --cni auto|cilium|generic: which CNI a run is analyzed for, decided once for both revisions of a
// diff, and said in the report (assumptions and the JSON's `cni`).
import { describe, expect, it } from "vitest";
import { diff } from "../../src/analyze.js";
import { loadRevisions } from "../../src/load/load-sources.js";
import { namespaceOption } from "../../src/load/namespace-option.js";
import { defaultInputLimits } from "../../src/load/limits.js";
import { analyzeReach } from "../../src/render/reach-json.js";
import { diffJson } from "../../src/render/diff-json.js";
import { ciliumClusterProblem, decideRunCni } from "../../src/load/cni-decision.js";
import { WEB as WORKLOADS, CNP } from "../support/cilium-objects.js";

const files = (...texts: string[]) => texts.map((text, i) => ({ path: `k8s/${i}.yaml`, text }));
const cniLines = (assumptions: readonly string[]) => assumptions.filter((a) => a.startsWith("CNI: "));

describe("--cni auto (the default)", () => {
  it("is Cilium when the input holds a CiliumNetworkPolicy, and says why and what that means", () => {
    const json = analyzeReach(files(WORKLOADS, CNP));
    expect(json.cni).toEqual({ kind: "cilium", choice: "auto", cluster: "default" });
    const [line, ...more] = cniLines(json.assumptions);
    expect(more).toEqual([]);
    expect(line).toMatch(/^CNI: Cilium \(chosen because the input holds Cilium policies; --cni generic, the Action's cni input, to analyze without them\)\. /);
    expect(line).toContain("io.kubernetes.pod.namespace, io.cilium.k8s.policy.serviceaccount and io.cilium.k8s.policy.cluster=default (--cilium-cluster to name another)");
    expect(line).toContain("Cilium's host and remote-node entities are the hostNetwork pods");
    expect(line).toContain("reported as L7-filtered, not evaluated");
    expect(line).toContain("toFQDNs, toServices and toGroups are not modelled");
  });

  it("is Cilium for a CiliumClusterwideNetworkPolicy of any cilium.io version too", () => {
    const ccnp = `apiVersion: cilium.io/v2alpha1\nkind: CiliumClusterwideNetworkPolicy\nmetadata: { name: all }\nspec: { endpointSelector: {} }\n`;
    expect(analyzeReach(files(WORKLOADS, ccnp)).cni?.kind).toBe("cilium");
  });

  it("stays generic, and says nothing of a CNI, without Cilium policies", () => {
    // A CIDR group alone enforces nothing; a kind named like Cilium's in another API group is not Cilium's.
    const group = `apiVersion: cilium.io/v2alpha1\nkind: CiliumCIDRGroup\nmetadata: { name: office }\nspec: { externalCIDRs: [ 10.0.0.0/8 ] }\n`;
    const lookalike = `apiVersion: example.com/v1\nkind: CiliumNetworkPolicy\nmetadata: { name: x, namespace: shop }\n`;
    const json = analyzeReach(files(WORKLOADS, group, lookalike));
    expect(json.cni).toEqual({ kind: "generic", choice: "auto" });
    expect(cniLines(json.assumptions)).toEqual([]);
  });

  it("reads both revisions of a diff as Cilium when only the head holds a Cilium policy", () => {
    const base = files(WORKLOADS);
    const head = files(WORKLOADS, CNP);
    const [b, h] = loadRevisions(base, head, namespaceOption(undefined), defaultInputLimits);
    expect([b.cni.cni, h.cni.cni]).toEqual([
      { kind: "cilium", cluster: "default" },
      { kind: "cilium", cluster: "default" },
    ]);
    const json = diffJson(diff(base, head));
    expect(json.cni).toEqual({ kind: "cilium", choice: "auto", cluster: "default" });
    expect(cniLines(json.assumptions)[0]).toMatch(/^CNI: Cilium \(chosen because the head revision holds Cilium policies, and both revisions are read alike; /);
    // And when the pull request removes the last one, the base's decides alike.
    expect(cniLines(diffJson(diff(head, base)).assumptions)[0]).toMatch(/^CNI: Cilium \(chosen because the base revision holds Cilium policies, and both revisions are read alike; /);
  });

  it("so a NetworkPolicy naming Cilium's pod labels means the same on both sides: no change but the pull request's own", () => {
    // Selects every pod of shop on a Cilium cluster (its implicit label), none elsewhere.
    const isolate = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: isolate, namespace: shop }
spec:
  podSelector: { matchLabels: { io.kubernetes.pod.namespace: shop } }
  policyTypes: [ Ingress ]
`;
    const client = WORKLOADS.replace(/web/g, "client");
    const unused = CNP.replace("app: web", "app: nothing");
    const base = files(WORKLOADS, client, isolate);
    const head = files(WORKLOADS, client, isolate, unused);
    // The policy isolates on Cilium only: what reading the base without Cilium would get wrong.
    const into = (r: ReturnType<typeof analyzeReach>) => r.flows.filter((f) => f.src === "shop/client[Deployment]" && f.dst === "shop/web[Deployment]");
    expect(into(analyzeReach(base, { pods: "declared" }))).toHaveLength(1);
    expect(into(analyzeReach(base, { pods: "declared", cni: "cilium" }))).toEqual([]);
    expect(diff(base, head, { pods: "declared" }).changes).toEqual([]);
  });

  it("keeps a diff without Cilium policies generic on both sides", () => {
    const [b, h] = loadRevisions(files(WORKLOADS), files(WORKLOADS), namespaceOption(undefined), defaultInputLimits);
    expect([b.cni.cni.kind, h.cni.cni.kind]).toEqual(["generic", "generic"]);
    expect(diffJson(diff(files(WORKLOADS), files(WORKLOADS))).cni).toEqual({ kind: "generic", choice: "auto" });
  });
});

describe("--cni cilium and --cilium-cluster", () => {
  it("analyze for Cilium without any Cilium policy, with the cluster name given", () => {
    const json = analyzeReach(files(WORKLOADS), { cni: "cilium", ciliumCluster: "east-1" });
    expect(json.cni).toEqual({ kind: "cilium", choice: "cilium", cluster: "east-1" });
    const [line] = cniLines(json.assumptions);
    expect(line).toMatch(/^CNI: Cilium \(--cni cilium\)\. /);
    expect(line).toContain("io.cilium.k8s.policy.cluster=east-1");
  });

  it("the cluster name is only used when the CNI is Cilium", () => {
    expect(analyzeReach(files(WORKLOADS), { ciliumCluster: "east-1" }).cni).toEqual({ kind: "generic", choice: "auto" });
  });

  it("a cluster name must be a label value, as pods carry it", () => {
    expect(ciliumClusterProblem("east-1")).toBeUndefined();
    expect(ciliumClusterProblem("")).toBe("the cluster name is empty");
    expect(ciliumClusterProblem("east 1")).toMatch(/must consist of alphanumerics/);
    expect(ciliumClusterProblem("a".repeat(64))).toMatch(/longer than 63 characters/);
  });
});

describe("--cni generic", () => {
  it("lists Cilium policies as not analyzed, as before Cilium was read, and says so", () => {
    const json = analyzeReach(files(WORKLOADS, CNP), { cni: "generic" });
    expect(json.cni).toEqual({ kind: "generic", choice: "generic" });
    expect(json.skipped.kinds).toEqual({ CiliumNetworkPolicy: 1 });
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", file: "k8s/1.yaml", line: 1, message: expect.stringMatching(/^CiliumNetworkPolicy \(cilium\.io\/v2\) is not analyzed/) }));
    expect(cniLines(json.assumptions)).toEqual([
      "CNI: generic (--cni generic): Cilium policies are not analyzed (they are listed as such) and pods carry no Cilium labels, so the flows in this report may differ from a Cilium cluster's.",
    ]);
  });

  it("in a diff, the Cilium policy the pull request adds is listed among its unanalyzed changes", () => {
    const r = diff(files(WORKLOADS), files(WORKLOADS, CNP), { cni: "generic" });
    expect(r.unanalyzed.objects.map((o) => `${o.change} ${o.kind} ${o.name}`)).toEqual(["added CiliumNetworkPolicy web-from-world"]);
    expect(diffJson(r).cni).toEqual({ kind: "generic", choice: "generic" });
  });
});

describe("decideRunCni", () => {
  it("auto decides on every revision together; an explicit choice ignores the input", () => {
    const cnp = { apiVersion: "cilium.io/v2", kind: "CiliumNetworkPolicy" } as never;
    expect(decideRunCni({ choice: "auto" }, [[], [cnp]]).cni).toEqual({ kind: "cilium", cluster: "default" });
    expect(decideRunCni({ choice: "auto" }, [[], []]).cni).toEqual({ kind: "generic" });
    expect(decideRunCni({ choice: "generic" }, [[cnp], [cnp]]).cni).toEqual({ kind: "generic" });
    expect(decideRunCni({ choice: "cilium", cluster: "west" }, [[]]).cni).toEqual({ kind: "cilium", cluster: "west" });
  });
});
