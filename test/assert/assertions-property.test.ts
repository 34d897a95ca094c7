// Property: on random clusters with random assertions of every kind and spec form, the engine's
// per-class judgment agrees exactly with the naive per-pair reference (test/reference/assertions.ts)
// run over the engine's own flows: the same status, the same violating pairs with the same
// connections. And on random base/head pairs, the diff's `new` flags agree with the reference's.
//
// NETREACH_ASSERT_PROPERTY_RUNS overrides the run count.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diff, reach, representatives, type PodsMode } from "../../src/analyze.js";
import type { Assertion } from "../../src/assert/assertion.js";
import type { Endpoint } from "../../src/model/endpoint.js";
import { NAMESPACE_NAME_LABEL } from "../../src/model/labels.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { parseConfig } from "../../src/targets/config.js";
import { referenceAssertions, referenceIsNew, type Member, type RefResult } from "../reference/assertions.js";
import { policyTypes } from "../reference/evaluator.js";
import { clusterWithAdminArbitrary } from "../reference/generate-admin.js";
import type { NetworkPolicy } from "../reference/kube.js";
import { clusterArbitrary, clusterYaml, IPV4_CIDRS, NAMESPACE_LABELS, NAMESPACE_NAMES, POD_LABELS, type GeneratedCluster } from "../reference/generate.js";

const RUNS = Number(process.env["NETREACH_ASSERT_PROPERTY_RUNS"] ?? 100);

/** What the runs covered, printed at the end: a property that never sees a violation proves little. */
const stats = { failed: 0, passed: 0, noMatch: 0, violations: 0, representativeViolations: 0, newViolations: 0, existingViolations: 0 };

type Labels = Record<string, string>;
type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Random assertions, as a user writes them

const labelSpecArb = (vocab: Readonly<Record<string, readonly string[]>>) =>
  fc
    .uniqueArray(fc.constantFrom(...Object.keys(vocab)), { minLength: 1, maxLength: 2 })
    .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...vocab[k]!, "*"))).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]!]))));

const nsLabelVocab = { ...NAMESPACE_LABELS, [NAMESPACE_NAME_LABEL]: [...NAMESPACE_NAMES] };

const podKeyArbs: Record<string, fc.Arbitrary<unknown>> = {
  namespace: fc.constantFrom(...NAMESPACE_NAMES, "nope"),
  namespaces: labelSpecArb(nsLabelVocab).map((labels) => ({ labels })),
  workload: fc.constantFrom("p0", "p1", "p2", "nope"),
  kind: fc.constantFrom("Pod", "Pod", "Deployment"),
  labels: labelSpecArb(POD_LABELS),
};

/** One key mostly (a spec of five ANDed keys matches nothing), sometimes two. */
const podSpecArb: fc.Arbitrary<Obj> = fc
  .uniqueArray(fc.constantFrom("namespace", "namespaces", "labels", "labels", "workload", "kind"), { minLength: 1, maxLength: 2 })
  .chain((keys) => fc.tuple(...keys.map((k) => podKeyArbs[k]!)).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))));

/** isolated's namespaces: by name, by labels (DESIGN 4c's own form), or the endpoint spec's words for both. */
const namespaceSpecArb: fc.Arbitrary<Obj> = fc.oneof(
  fc.record({ name: podKeyArbs.namespace! }),
  fc.record({ labels: labelSpecArb(nsLabelVocab) }),
  fc.record({ namespace: podKeyArbs.namespace!, labels: labelSpecArb(nsLabelVocab) }),
  fc.record({ namespaces: podKeyArbs.namespaces! }),
);

const specArb = (role: "from" | "to" | "pods"): fc.Arbitrary<unknown> =>
  role === "pods"
    ? fc.oneof({ weight: 1, arbitrary: fc.constant("any-pod") }, { weight: 5, arbitrary: namespaceSpecArb })
    : fc.oneof(
        { weight: 1, arbitrary: fc.constantFrom("internet", "any-pod", ...(role === "from" ? ["ingress-controller"] : [])) },
        { weight: 1, arbitrary: fc.constantFrom(...IPV4_CIDRS, "10.0.0.0/12", "172.16.0.0/12").map((cidr) => ({ cidr })) },
        { weight: 4, arbitrary: podSpecArb },
      );

const specListArb = (role: "from" | "to" | "pods") => fc.oneof(specArb(role), fc.array(specArb(role), { minLength: 1, maxLength: 3 }));

const portsArb = fc.uniqueArray(fc.constantFrom("TCP 80", "UDP 53", "TCP 8080-8081", "TCP 1-65535", "SCTP 443", "TCP 1-80", "UDP 1-65535"), { minLength: 1, maxLength: 2 });

const assertionArb: fc.Arbitrary<Obj> = fc.oneof(
  fc.record({ deny: fc.record({ from: specListArb("from"), to: specListArb("to"), ports: portsArb }, { requiredKeys: ["from", "to"] }) }),
  fc.record({ only: fc.record({ from: specListArb("from"), to: specListArb("to"), ports: portsArb }, { requiredKeys: ["from", "to"] }) }),
  fc.record({ allow: fc.record({ from: specListArb("from"), to: specListArb("to"), ports: portsArb }) }),
  fc.record({ isolated: fc.record({ namespaces: specListArb("pods"), ports: portsArb }, { requiredKeys: ["namespaces"] }) }),
);

const assertionsArb = fc.array(assertionArb, { minLength: 1, maxLength: 6 }).map((list) => list.map((a, i) => ({ name: `a${i}`, ...a })));

function parseAssertionsText(list: readonly Obj[]): Assertion[] {
  const text = stringify({ assertions: list });
  const c = parseConfig(".netreach.yaml", text);
  if (c.assertionErrors.length > 0) throw new Error(`generated assertions do not parse:\n${c.assertionErrors.join("\n")}\n${text}`);
  return [...c.assertions];
}

// ---------------------------------------------------------------------------------------------
// What the reference needs to know beyond the flows: namespaces' labels, what representatives stand for

function namespaceLabels(cluster: GeneratedCluster): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const o of cluster.objects) {
    if (o.kind !== "Namespace") continue;
    const m = o.metadata as { name: string; labels?: Labels };
    out.set(m.name, { ...(m.labels ?? {}), [NAMESPACE_NAME_LABEL]: m.name });
  }
  return out;
}

/** Every label set over a vocabulary: each key absent, at a named value, or at a value none names. */
function labelSets(vocab: Readonly<Record<string, readonly string[]>>): Labels[] {
  let sets: Labels[] = [{}];
  for (const [k, values] of Object.entries(vocab)) {
    const next: Labels[] = [];
    for (const s of sets) for (const v of [undefined, ...values, "zz-other"]) next.push(v === undefined ? s : { ...s, [k]: v });
    sets = next;
  }
  return sets;
}

const POD_SETS = labelSets(POD_LABELS);
const NS_SETS = labelSets(NAMESPACE_LABELS);
const UNNAMED = "zz-unnamed";

/** Each representative's members, found by asking the synthesis which representative each kind of pod would be. */
function membersOf(files: readonly SourceFile[], mode: PodsMode, endpoints: readonly Endpoint[], nsLabels: ReadonlyMap<string, Labels>): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  const reps = endpoints.filter((e) => e.type === "synthetic");
  if (reps.length === 0) return out;
  const synthesis = representatives(files, mode);
  const add = (id: string | undefined, m: Member) => {
    if (id === undefined) return;
    const list = out.get(id);
    if (list) list.push(m);
    else out.set(id, [m]);
  };
  const named = new Set(reps.map((r) => (r.type === "synthetic" ? r.pod.namespace : "")).filter((n) => !n.startsWith("[")));
  for (const ns of named) {
    const labels = nsLabels.get(ns) ?? { [NAMESPACE_NAME_LABEL]: ns };
    for (const l of POD_SETS) add(synthesis.representativeOf(ns, labels, l), { namespace: ns, nsLabels: labels, labels: l });
  }
  if (reps.some((r) => r.type === "synthetic" && r.pod.namespace.startsWith("["))) {
    for (const L of NS_SETS) {
      const withName = { ...L, [NAMESPACE_NAME_LABEL]: UNNAMED };
      for (const l of POD_SETS) {
        const id = synthesis.representativeOf(UNNAMED, withName, l);
        if (id !== undefined && id.startsWith("[")) add(id, { namespace: UNNAMED, nsLabels: withName, labels: l });
      }
    }
  }
  return out;
}

/** The endpoints assertions speak of: every class's, and the ingress controller. */
function endpointsOf(r: ReturnType<typeof reach>): Endpoint[] {
  return [...r.classes().classes.flatMap((c) => c.endpoints), ...r.endpoints.filter((e) => e.type === "ingress-controller")];
}

function engineResults(results: ReturnType<typeof reach>["assertions"]): RefResult[] {
  return results.map((r) => ({ name: r.assertion.name, status: r.status, violations: r.violations.map((v) => ({ src: v.src, dst: v.dst, conn: v.conn.toString() })) }));
}

function referenceFor(files: readonly SourceFile[], cluster: GeneratedCluster, mode: PodsMode, assertions: readonly Assertion[]) {
  const report = reach(files, { pods: mode, assertions });
  const endpoints = endpointsOf(report);
  const nsLabels = namespaceLabels(cluster);
  const expected = referenceAssertions(assertions, { endpoints, flows: report.flows, namespaceLabels: nsLabels, members: membersOf(files, mode, endpoints, nsLabels) });
  return { report, expected };
}

// ---------------------------------------------------------------------------------------------

describe("property: assertions agree with the naive per-pair reference", () => {
  it(`on ${RUNS} random clusters with random assertions`, () => {
    fc.assert(
      fc.property(clusterArbitrary, assertionsArb, fc.constantFrom<PodsMode>("declared", "auto", "synthetic"), (cluster, list, mode) => {
        const assertions = parseAssertionsText(list);
        const { report, expected } = referenceFor(cluster.files, cluster, mode, assertions);
        for (const r of expected) {
          stats[r.status === "failed" ? "failed" : r.status === "passed" ? "passed" : "noMatch"]++;
          stats.violations += r.violations.length;
          const representative = (id: string) => id.startsWith("[") || id.includes("/[");
          stats.representativeViolations += r.violations.filter((v) => representative(v.src) || representative(v.dst)).length;
        }
        expect(engineResults(report.assertions), `pods ${mode}\n${stringify({ assertions: list })}\n${clusterYaml(cluster)}`).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it(`with the admin tiers, on ${Math.ceil(RUNS / 3)} random clusters with admin-tier policies`, () => {
    fc.assert(
      fc.property(clusterWithAdminArbitrary(), assertionsArb, fc.constantFrom<PodsMode>("declared", "auto"), (cluster, list, mode) => {
        const assertions = parseAssertionsText(list);
        const { report, expected } = referenceFor(cluster.files, cluster, mode, assertions);
        expect(engineResults(report.assertions), `pods ${mode}\n${stringify({ assertions: list })}\n${clusterYaml(cluster)}`).toEqual(expected);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it(`marks the same violations new on ${Math.ceil(RUNS / 2)} random base/head pairs`, () => {
    fc.assert(
      fc.property(pairArbitrary, assertionsArb, ({ base, head }, list) => {
        const assertions = parseAssertionsText(list);
        // Each side also carries the other's ipBlocks, in a policy that selects no pod, so that
        // both sides' reach has the diff's external classes.
        const baseFiles = [...base.files, cutsFile(head)];
        const headFiles = [...head.files, cutsFile(base)];
        const b = referenceFor(baseFiles, base, "declared", assertions).expected;
        const h = referenceFor(headFiles, head, "declared", assertions).expected;
        const d = diff(base.files, head.files, { pods: "declared", assertions, assertionOrigin: (a) => (a.name === "a0" ? "head" : "base") });
        const context = `${stringify({ assertions: list })}\nBASE:\n${clusterYaml(base)}\nHEAD:\n${clusterYaml(head)}`;
        expect(
          d.assertions.map((a) => ({ name: a.assertion.name, status: a.status, baseStatus: a.baseStatus, origin: a.origin })),
          context,
        ).toEqual(h.map((r, i) => ({ name: r.name, status: r.status, baseStatus: b[i]!.status, origin: r.name === "a0" ? "head" : "base" })));
        d.assertions.forEach((a, i) => {
          const isNew = referenceIsNew(b[i]!, h[i]!);
          for (const n of isNew) stats[n ? "newViolations" : "existingViolations"]++;
          const expected = h[i]!.violations.map((v, k) => ({ ...v, new: isNew[k]! }));
          const sorted = [...expected.filter((v) => v.new), ...expected.filter((v) => !v.new)];
          expect(
            a.violations.map((v) => ({ src: v.src, dst: v.dst, conn: v.conn.toString(), new: v.isNew })),
            `${a.assertion.name}\n${context}`,
          ).toEqual(sorted);
        });
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
    console.log(`assertions property: ${JSON.stringify(stats)}`);
  });
});

/** Head keeps base's namespaces and pods (some removed), with another set of policies (as test/diff-property.test.ts). */
const pairArbitrary = fc.tuple(clusterArbitrary, clusterArbitrary, fc.boolean()).map(([a, b, dropPod]) => {
  const isPolicy = (o: { kind: string }) => o.kind === "NetworkPolicy";
  let kept = a.objects.filter((o) => !isPolicy(o));
  if (dropPod) {
    const firstPod = kept.findIndex((o) => o.kind === "Pod");
    kept = kept.filter((_, i) => i !== firstPod);
  }
  const headObjects = [...kept, ...b.objects.filter(isPolicy)];
  const head: GeneratedCluster = { objects: headObjects, files: [{ path: "manifests/head.yaml", text: headObjects.map((o) => JSON.stringify(o)).join("\n---\n") }] };
  return { base: a, head };
});

/** A policy selecting no pod whose peers are every ipBlock a cluster's policies use: they cut the external classes, nothing else. */
function cutsFile(cluster: GeneratedCluster): SourceFile {
  const blocks: unknown[] = [];
  for (const o of cluster.objects) {
    if (o.kind !== "NetworkPolicy") continue;
    const p = o as NetworkPolicy;
    // Only the directions in effect: the engine never reads the others' rules.
    const types = policyTypes(p);
    const peers = [...(types.includes("Ingress") ? (p.spec.ingress ?? []).flatMap((r) => r.from ?? []) : []), ...(types.includes("Egress") ? (p.spec.egress ?? []).flatMap((r) => r.to ?? []) : [])];
    for (const peer of peers) if (peer.ipBlock !== undefined && peer.ipBlock !== null) blocks.push({ ipBlock: peer.ipBlock });
  }
  const policy = {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: "zz-cuts", namespace: "default" },
    spec: { podSelector: { matchLabels: { "zz-none": "x" } }, policyTypes: ["Ingress"], ingress: blocks.length > 0 ? [{ from: blocks }] : [] },
  };
  return { path: "manifests/zz-cuts.yaml", text: JSON.stringify(policy) };
}
