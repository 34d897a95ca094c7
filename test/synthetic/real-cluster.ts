// Random "repository + real cluster" pairs for the exactness property of synthetic pods
// (test/synthetic-property.test.ts).
//
// - Policies: those of the reference generator (test/reference/generate.ts: every NetworkPolicy v1
//   feature, tiny vocabularies), with named ports replaced by numbers (a representative's named
//   port has no number, so its flows cannot be compared with a real pod's).
// - The repository holds the policies and, sometimes, some Namespace manifests; never a workload.
// - The real cluster: namespaces from a pool wider than the policies' (so that some are named by no
//   policy and meet the representative namespaces), each with random labels, and pods with random
//   labels (never hostNetwork).
// - The one stated assumption is honoured: a namespace the policies name but the repository does
//   not declare has only its name label (netreach cannot know its others).
import fc from "fast-check";
import { stringify } from "yaml";
import type { SourceFile } from "../../src/load/object/source.js";
import { NAMESPACE_LABELS, POD_LABELS, clusterArbitrary } from "../reference/generate.js";
import { NAMESPACE_NAME_LABEL, namespaceOf, type Labels, type LabelSelector, type NetworkPolicy, type NetworkPolicyPort } from "../reference/kube.js";

/** default/alpha/beta host policies; gamma may be named by a selector; delta and omega never are. */
export const POOL = ["default", "alpha", "beta", "gamma", "delta", "omega"] as const;

export interface RealNamespace {
  readonly name: string;
  /** The Namespace object's labels in the real cluster (the name label is implicit). */
  readonly labels: Labels;
  /** Whether the repository holds its manifest. */
  readonly inRepository: boolean;
}

export interface RealPod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
}

export interface RealCase {
  readonly policies: readonly NetworkPolicy[];
  readonly namespaces: readonly RealNamespace[];
  readonly pods: readonly RealPod[];
  /** The repository: policies and the Namespace manifests it holds, no workloads. */
  readonly repository: readonly SourceFile[];
  /** The repository plus the real cluster's other Namespace objects and its pods. */
  readonly cluster: readonly SourceFile[];
}

const NAMED_PORT_NUMBERS: Record<string, number> = { http: 80, dns: 53, metrics: 8080, grpc: 443 };

function withoutNamedPorts(ports: NetworkPolicyPort[] | null | undefined): NetworkPolicyPort[] | null | undefined {
  if (ports === null || ports === undefined) return ports;
  return ports.map((p) => (typeof p.port === "string" ? { ...p, port: NAMED_PORT_NUMBERS[p.port] ?? 80 } : p));
}

function sanitize(policy: NetworkPolicy): NetworkPolicy {
  const spec = { ...policy.spec };
  if (spec.ingress) spec.ingress = spec.ingress.map((r) => ({ ...r, ...(r.ports === undefined ? {} : { ports: withoutNamedPorts(r.ports) }) }));
  if (spec.egress) spec.egress = spec.egress.map((r) => ({ ...r, ...(r.ports === undefined ? {} : { ports: withoutNamedPorts(r.ports) }) }));
  return { ...policy, spec };
}

/**
 * Namespaces the policies name (a superset of what netreach considers named is safe here: it only
 * removes labels): where a policy lives, and every value a namespaceSelector gives the name label.
 */
export function namedNamespaces(policies: readonly NetworkPolicy[]): Set<string> {
  const named = new Set<string>();
  const fromSelector = (s: LabelSelector | null | undefined) => {
    if (!s) return;
    const v = s.matchLabels?.[NAMESPACE_NAME_LABEL];
    if (v !== undefined) named.add(v);
    for (const r of s.matchExpressions ?? []) if (r.key === NAMESPACE_NAME_LABEL) for (const x of r.values ?? []) named.add(x);
  };
  for (const p of policies) {
    named.add(namespaceOf(p));
    for (const rule of [...(p.spec.ingress ?? []).map((r) => r.from), ...(p.spec.egress ?? []).map((r) => r.to)]) {
      for (const peer of rule ?? []) fromSelector(peer.namespaceSelector);
    }
  }
  return named;
}

function labelsArb(vocabulary: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<Labels> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [key, values] of Object.entries(vocabulary)) model[key] = fc.constantFrom(...values);
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Labels>;
}

function toYaml(objects: readonly object[]): string {
  return objects.map((o) => stringify(o)).join("---\n");
}

const namespaceDraft = fc.record({ labels: labelsArb(NAMESPACE_LABELS), inRepository: fc.nat({ max: 3 }).map((n) => n === 0) });
const podDraft = fc.record({ ns: fc.nat({ max: POOL.length - 1 }), labels: labelsArb(POD_LABELS) });

export const realCaseArbitrary: fc.Arbitrary<RealCase> = fc
  .record({
    generated: clusterArbitrary,
    namespaceDrafts: fc.array(namespaceDraft, { minLength: POOL.length, maxLength: POOL.length }),
    podDrafts: fc.array(podDraft, { minLength: 2, maxLength: 8 }),
  })
  .map(({ generated, namespaceDrafts, podDrafts }): RealCase => {
    const policies = generated.objects.filter((o): o is NetworkPolicy => o.kind === "NetworkPolicy").map(sanitize);
    const named = namedNamespaces(policies);
    const namespaces: RealNamespace[] = POOL.map((name, i) => {
      const d = namespaceDrafts[i]!;
      // Named but undeclared: only its name is known, so only its name it has.
      const labels = d.inRepository || !named.has(name) ? d.labels : {};
      return { name, labels, inRepository: d.inRepository };
    });
    const pods: RealPod[] = podDrafts.map((d, i) => ({ namespace: POOL[d.ns]!, name: `p${i}`, labels: d.labels }));
    const namespaceObject = (n: RealNamespace) => ({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: n.name, ...(Object.keys(n.labels).length > 0 ? { labels: n.labels } : {}) },
    });
    const podObject = (p: RealPod) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: p.name, namespace: p.namespace, ...(Object.keys(p.labels).length > 0 ? { labels: p.labels } : {}) },
      spec: { containers: [{ name: "c0", image: "registry.example/app:1" }] },
    });
    const repository: SourceFile[] = [{ path: "policies/all.yaml", text: toYaml([...namespaces.filter((n) => n.inRepository).map(namespaceObject), ...policies]) }];
    const cluster: SourceFile[] = [
      ...repository,
      { path: "cluster/objects.yaml", text: toYaml([...namespaces.filter((n) => !n.inRepository).map(namespaceObject), ...pods.map(podObject)]) },
    ];
    return { policies, namespaces, pods, repository, cluster };
  });

/** The case as text for a failure message. */
export function describeCase(c: RealCase): string {
  return [
    "--- repository (policies, Namespace manifests) ---",
    c.repository.map((f) => f.text).join("\n"),
    "--- real namespaces ---",
    ...c.namespaces.map((n) => `${n.name} ${JSON.stringify(n.labels)}${n.inRepository ? " (manifest in repository)" : ""}`),
    "--- real pods ---",
    ...c.pods.map((p) => `${p.namespace}/${p.name} ${JSON.stringify(p.labels)}`),
  ].join("\n");
}
