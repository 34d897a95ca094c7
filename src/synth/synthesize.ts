// Representative pods for repositories that hold policies but not (all) the workloads they
// protect (DESIGN section 4, "Synthetic pods"). Built from the selectors of every revision
// analyzed together, so both sides of a diff share them.
import type { Cluster, Namespace } from "../model/cluster.js";
import type { PodEndpoint, SyntheticEndpoint } from "../model/endpoint.js";
import { NAMESPACE_NAME_LABEL, type Labels } from "../model/labels.js";
import type { Peer, Policy } from "../model/policy.js";
import { selects, type Selector } from "../model/selector.js";
import { combinations, definingLabels, describeWitness, OTHER_VALUE } from "./combinations.js";

export type PodsMode = "declared" | "auto" | "synthetic";

export interface Synthesis {
  /** Namespaces to add to every side: named ones nothing declares, and representative ones. */
  readonly namespaces: readonly Namespace[];
  readonly pods: readonly SyntheticEndpoint[];
  /** Sentences for the report's assumptions. */
  readonly notes: readonly string[];
  /**
   * The representative a real pod would be: by its namespace (name and labels) and its labels.
   * Undefined when its namespace got no representatives, or (auto mode, declared workloads there)
   * when its pod satisfies no selector that the declared workloads leave unmatched.
   */
  representativeOf(namespace: string, nsLabels: Labels, podLabels: Labels): string | undefined;
}

export const DEFAULT_POD_BOUND = 256;

const NO_SYNTHESIS: Synthesis = { namespaces: [], pods: [], notes: [], representativeOf: () => undefined };

const satisfiedBy = (selectors: readonly Selector[], labels: Labels) => selectors.flatMap((s, i) => (selects(s, labels) ? [i] : [])).join(",");

type PodPeer = Extract<Peer, { kind: "pods" }>;

export function synthesize(clusters: readonly Cluster[], mode: PodsMode, bound = DEFAULT_POD_BOUND): Synthesis {
  if (mode === "declared") return NO_SYNTHESIS;
  const policies = clusters.flatMap((c) => c.policies);
  const peers: { policy: Policy; peer: PodPeer }[] = [];
  for (const p of policies) {
    for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
      if (rule.peers === "any") continue;
      for (const peer of rule.peers) if (peer.kind === "pods") peers.push({ policy: p, peer });
    }
  }
  const nsSelectors = dedupe(peers.flatMap(({ peer }) => (peer.namespaces.kind === "selector" ? [peer.namespaces.selector] : [])));
  // Services select pods too: a Service whose selector no declared pod matches still forwards to
  // the pods it names, and what reaches them from outside is the exposure report's business.
  const services = clusters.flatMap((c) => c.services).filter((s) => s.selector !== null && Object.keys(s.selector).length > 0);
  const serviceSelector = (labels: Labels): Selector => ({ requirements: Object.entries(labels).map(([key, value]) => ({ key, op: "In" as const, values: [value] })) });

  // Named namespaces: declared or referenced by objects on any side, or named by a selector.
  const named = new Map<string, Labels[]>();
  for (const c of clusters) for (const ns of c.namespaces.values()) named.set(ns.name, [...(named.get(ns.name) ?? []), ns.labels]);
  for (const s of services) if (!named.has(s.namespace)) named.set(s.namespace, [{ [NAMESPACE_NAME_LABEL]: s.namespace }]);
  for (const s of nsSelectors) {
    for (const r of s.requirements) {
      if (r.key === NAMESPACE_NAME_LABEL && (r.op === "In" || r.op === "NotIn")) {
        for (const v of r.values) if (!named.has(v)) named.set(v, [{ [NAMESPACE_NAME_LABEL]: v }]);
      }
    }
  }
  const addedNamespaces: Namespace[] = [];
  for (const [name, labelSets] of named) {
    if (!clusters.some((c) => c.namespaces.has(name))) addedNamespaces.push({ name, labels: labelSets[0]!, source: null });
  }

  // Representative namespaces: one per combination of namespaceSelectors an unnamed namespace can satisfy.
  const notes: string[] = [];
  let reps: readonly { witness: Labels }[] | undefined = combinations(nsSelectors, { bound, fixed: { [NAMESPACE_NAME_LABEL]: OTHER_VALUE } });
  if (reps === undefined) {
    notes.push(`The namespaceSelectors allow more than ${bound} distinct kinds of namespace; one representative namespace per selector is shown instead, so some combinations are not covered.`);
    reps = perSelector(nsSelectors, { [NAMESPACE_NAME_LABEL]: OTHER_VALUE });
  }
  const repNamespaces = reps.map((c) => {
    const name = describeWitness(c.witness, [NAMESPACE_NAME_LABEL]);
    return { name, labels: { ...c.witness, [NAMESPACE_NAME_LABEL]: name }, source: null } satisfies Namespace;
  });
  addedNamespaces.push(...repNamespaces);

  // Declared workloads' labels by namespace, of every side: what a selector may already match.
  const declared = new Map<string, Labels[]>();
  for (const c of clusters) for (const w of c.workloads) declared.set(w.namespace, [...(declared.get(w.namespace) ?? []), w.labels]);
  const targets: { name: string; labelSets: Labels[] }[] = [
    ...[...named].map(([name, labelSets]) => ({ name, labelSets })),
    ...repNamespaces.map((n) => ({ name: n.name, labelSets: [n.labels] })),
  ];

  const portNames = new Set<string>();
  for (const p of policies) {
    for (const rule of [...(p.ingress ?? []), ...(p.egress ?? [])]) {
      if (rule.ports === "any") continue;
      for (const s of rule.ports) if (s.port.kind === "named") portNames.add(`${s.port.name}/${s.protocol}`);
    }
  }
  for (const s of services) for (const p of s.ports) if (p.targetPort.kind === "name") portNames.add(`${p.targetPort.name}/${p.protocol}`);
  const ports = [...portNames].sort().map((k) => {
    const [name, protocol] = k.split("/") as [string, "TCP" | "UDP" | "SCTP"];
    return { name, port: 0, protocol };
  });

  const pods: SyntheticEndpoint[] = [];
  // Per namespace given representatives: its selectors, and pod id by satisfied-selector set.
  const lookup = new Map<string, { selectors: Selector[]; ids: Map<string, string> }>();
  for (const t of targets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const selectors = dedupe([
      ...policies.filter((p) => p.namespace === t.name).map((p) => p.subject),
      ...peers
        .filter(({ policy, peer }) =>
          peer.namespaces.kind === "own" ? policy.namespace === t.name : t.labelSets.some((l) => selects((peer.namespaces as { selector: Selector }).selector, l)),
        )
        .map(({ peer }) => peer.pods),
      ...services.filter((svc) => svc.namespace === t.name).map((svc) => serviceSelector(svc.selector!)),
    ]);
    // In auto mode a namespace with declared workloads gets representatives only for the pods of
    // selectors none of them matches (an operator's pods, say): each kind of pod that satisfies one.
    const own = mode === "auto" ? declared.get(t.name) : undefined;
    const unmatched = own === undefined ? selectors : selectors.filter((s) => !own.some((l) => selects(s, l)));
    if (own !== undefined && unmatched.length === 0) continue;
    let combos: readonly { witness: Labels }[] | undefined = combinations(selectors, { bound });
    if (combos === undefined) {
      notes.push(`Namespace ${t.name}: the selectors allow more than ${bound} distinct kinds of pod; one representative per selector is shown instead, so some combinations are not covered.`);
      combos = perSelector(unmatched);
    }
    if (own !== undefined) combos = combos.filter((c) => unmatched.some((s) => selects(s, c.witness)));
    const ids = new Map<string, string>();
    lookup.set(t.name, { selectors, ids });
    for (const c of combos) {
      ids.set(satisfiedBy(selectors, c.witness), `${t.name}/${describeWitness(c.witness)}`);
      pods.push({
        type: "synthetic",
        id: `${t.name}/${describeWitness(c.witness)}`,
        pod: { namespace: t.name, labels: c.witness, ports, hostNetwork: false },
        labels: definingLabels(c.witness),
      });
    }
  }
  if (pods.length > 0) {
    notes.push(
      "Representative pods stand for every pod their labels describe: backend/[app=db] is any pod in backend labelled app=db that no other selector tells apart, [*] any other pod, [*]/[*] any pod in any namespace no policy names.",
    );
    if (ports.length > 0) notes.push(`Representative pods expose the named ports the policies and Services use (${ports.map((p) => `${p.name}/${p.protocol}`).join(", ")}); their numbers are unknown, so they are shown by name.`);
  }
  const repIds = new Map(reps.map((c, i) => [satisfiedBy(nsSelectors, c.witness), repNamespaces[i]!.name]));
  return {
    namespaces: addedNamespaces,
    pods,
    notes,
    representativeOf(namespace, nsLabels, podLabels) {
      const ns = named.has(namespace) ? namespace : repIds.get(satisfiedBy(nsSelectors, { ...nsLabels, [NAMESPACE_NAME_LABEL]: namespace }));
      const entry = ns === undefined ? undefined : lookup.get(ns);
      return entry?.ids.get(satisfiedBy(entry.selectors, podLabels));
    },
  };
}

/** The fallback past the bound: for each selector, the simplest label set it selects. */
function perSelector(selectors: readonly Selector[], fixed: Labels = {}): { witness: Labels }[] {
  const out: { witness: Labels }[] = [{ witness: { ...fixed } }];
  const seen = new Set<string>([JSON.stringify(fixed)]);
  for (const s of selectors) {
    const w: Record<string, string> = { ...fixed };
    for (const r of s.requirements) {
      if (r.key in fixed) continue;
      if (r.op === "In") w[r.key] = r.values[0]!;
      else if (r.op === "Exists" && w[r.key] === undefined) w[r.key] = OTHER_VALUE;
    }
    const key = JSON.stringify(w);
    if (selects(s, w) && !seen.has(key)) {
      seen.add(key);
      out.push({ witness: w });
    }
  }
  return out;
}

function dedupe(selectors: readonly Selector[]): Selector[] {
  const seen = new Map<string, Selector>();
  for (const s of selectors) {
    const key = JSON.stringify([...s.requirements].map((r) => JSON.stringify(r)).sort());
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}

/** The pod endpoints of one side: its declared workloads plus the shared representatives. */
export function sidePods(cluster: Cluster, synthesis: Synthesis): PodEndpoint[] {
  return [...cluster.workloads.map((w) => ({ type: "workload" as const, id: w.id, pod: w })), ...synthesis.pods];
}
