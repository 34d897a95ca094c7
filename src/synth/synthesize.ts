// Representative pods for repositories that hold policies but not (all) the workloads they
// protect (DESIGN section 4, "Synthetic pods"). Built from the selectors of every revision
// analyzed together, so both sides of a diff share them.
import type { Cluster, Namespace } from "../model/cluster.js";
import type { PodEndpoint, RepresentativeWords, SyntheticEndpoint } from "../model/endpoint.js";
import { NAMESPACE_NAME_LABEL, type Labels } from "../model/labels.js";
import type { Policy } from "../model/policy.js";
import { selectorKey, selects, type Selector } from "../model/selector.js";
import { neededLabels, SelectorIndex } from "../model/selector-index.js";
import { unionOf } from "../model/revision-lists.js";
import { changedNamespaces } from "./changed.js";
import { podPeers, type PodPeer } from "./pod-peers.js";
import { combinations, definingLabels, describeWitness, OTHER_VALUE } from "./combinations.js";
import { representativeWords } from "./words.js";

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
  /** What a representative pod (by id) stands for: undefined for any other id. */
  scopeOf(podId: string): RepresentativeScope | undefined;
  /** What a representative namespace (by name) stands for: undefined for any other name. */
  namespaceScopeOf(name: string): RepresentativeScope | undefined;
}

/**
 * The label sets a representative stands for: exactly those that satisfy the selectors listed in
 * `satisfied` and no other of `selectors` (with `fixed` keys at their values). `exact` false: past
 * the bound, where one representative per selector is made, and what each covers is not exact.
 */
export interface RepresentativeScope {
  readonly selectors: readonly Selector[];
  /** Indexes into `selectors`, ascending, joined by ",". */
  readonly satisfied: string;
  readonly fixed: Labels;
  readonly exact: boolean;
}

export const DEFAULT_POD_BOUND = 256;

/** Up to this many representatives of a namespace are put in words (each is checked against every kind of pod). */
const WORDED = 32;

const NO_SYNTHESIS: Synthesis = { namespaces: [], pods: [], notes: [], representativeOf: () => undefined, scopeOf: () => undefined, namespaceScopeOf: () => undefined };

/** Which of a namespace's selectors a label set satisfies: their indexes, ascending, and those joined by ",". */
interface Satisfaction {
  of(labels: Labels): readonly number[];
  text(labels: Labels): string;
}

/**
 * Through an index: a namespace of thousands of services, each with a policy of its own, asked of
 * each of its workloads and kinds of pod, was millions of tries.
 */
function satisfaction(selectors: readonly Selector[]): Satisfaction {
  const index = new SelectorIndex(selectors);
  return { of: (labels) => index.matching(labels), text: (labels) => index.matching(labels).join(",") };
}

/** A kind of pod a namespace's selectors tell apart: a label set of it, the selectors it satisfies, and how it is named. */
interface PodKind {
  readonly witness: Labels;
  /** As Satisfaction's text gives it. */
  readonly satisfied: string;
  /** describeWitness: "[app=db]". */
  readonly name: string;
  /** definingLabels: for JSON and display. */
  readonly labels: Labels;
}

function podKind(sat: Satisfaction, witness: Labels): PodKind {
  return { witness, satisfied: sat.text(witness), name: describeWitness(witness), labels: definingLabels(witness) };
}

export function synthesize(clusters: readonly Cluster[], mode: PodsMode, bound = DEFAULT_POD_BOUND): Synthesis {
  if (mode === "declared") return NO_SYNTHESIS;
  // The revisions of a diff share the objects of every file a pull request left alone: each once.
  const policies = unionOf(clusters.map((c) => c.policies));
  const admin = unionOf(clusters.map((c) => c.adminPolicies));
  const { peers, portNames } = podPeers(policies, admin);
  const nsSelectors = dedupe(peers.map(({ peer }) => peer.namespaces).filter((n) => n.kind === "selector").map((n) => n.selector));
  // Services select pods too: a Service whose selector no declared pod matches still forwards to
  // the pods it names, and what reaches them from outside is the exposure report's business.
  const services = unionOf(clusters.map((c) => c.services)).filter((s) => s.selector !== null && Object.keys(s.selector).length > 0);
  // By namespace: a cluster of thousands of namespaces and Services would otherwise scan them all per namespace.
  const servicesIn = new Map<string, (typeof services)[number][]>();
  for (const svc of services) {
    const list = servicesIn.get(svc.namespace);
    if (list) list.push(svc);
    else servicesIn.set(svc.namespace, [svc]);
  }
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
  const nsExact = reps !== undefined;
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
  // The same, hostNetwork ones aside (no selector matches those): the pods that behave like one.
  const ordinary = new Map<string, Labels[]>();
  for (const w of unionOf(clusters.map((c) => c.workloads))) {
    const list = declared.get(w.namespace);
    if (list) list.push(w.labels);
    else declared.set(w.namespace, [w.labels]);
    if (w.hostNetwork) continue;
    const same = ordinary.get(w.namespace);
    if (same) same.push(w.labels);
    else ordinary.set(w.namespace, [w.labels]);
  }
  // A diff's partial views: where the change's own selectors tell pods apart, every kind of pod
  // that behaves like no declared workload gets a representative, in auto mode too.
  const touched = mode === "auto" ? changedNamespaces(clusters, named) : new Set<string>();
  const targets: { name: string; labelSets: Labels[] }[] = [
    ...[...named].map(([name, labelSets]) => ({ name, labelSets })),
    ...repNamespaces.map((n) => ({ name: n.name, labelSets: [n.labels] })),
  ];

  for (const s of services) for (const p of s.ports) if (p.targetPort.kind === "name") portNames.add(`${p.targetPort.name}/${p.protocol}`);
  const ports = [...portNames].sort().map((k) => {
    const [name, protocol] = k.split("/") as [string, "TCP" | "UDP" | "SCTP"];
    return { name, port: 0, protocol };
  });

  const pods: SyntheticEndpoint[] = [];
  const scopes = new Map<string, RepresentativeScope>();
  const partialViews: string[] = [];
  // Per namespace given representatives: its selectors, and pod id by satisfied-selector set.
  const lookup = new Map<string, { sat: Satisfaction; ids: Map<string, string> }>();
  const index = peerIndex(policies, peers);
  // Namespaces written from one template name the same selectors: their kinds of pod are worked out once.
  const kindsBySelectors = new Map<string, readonly PodKind[] | undefined>();
  const kindsOf = (selectors: readonly Selector[], sat: Satisfaction): readonly PodKind[] | undefined => {
    let key = "";
    for (const s of selectors) key += `${selectorKey(s)}\u0004`;
    if (kindsBySelectors.has(key)) return kindsBySelectors.get(key);
    const kinds = combinations(selectors, { bound })?.map((c) => podKind(sat, c.witness));
    kindsBySelectors.set(key, kinds);
    return kinds;
  };
  for (const t of targets.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const selectors = dedupe([
      ...(index.subjects.get(t.name) ?? []),
      ...index.peersOf(t).map((i) => peers[i]!.peer.pods),
      ...(servicesIn.get(t.name) ?? []).map((svc) => serviceSelector(svc.selector!)),
    ]);
    // In auto mode a namespace with declared workloads gets representatives only for the pods of
    // selectors none of them matches (an operator's pods, say): each kind of pod that satisfies one;
    // in a diff, where the change's policies select pods, each kind that behaves like none of them.
    const own = mode === "auto" ? declared.get(t.name) : undefined;
    const partial = own !== undefined && touched.has(t.name);
    const sat = satisfaction(selectors);
    // The selectors no declared workload satisfies, found from the workloads' side.
    let unmatched = selectors;
    const unmatchedIndexes = new Set<number>();
    if (own !== undefined) {
      const matched = new Set<number>();
      for (const l of own) for (const i of sat.of(l)) matched.add(i);
      for (let i = 0; i < selectors.length; i++) if (!matched.has(i)) unmatchedIndexes.add(i);
      unmatched = selectors.filter((_, i) => unmatchedIndexes.has(i));
    }
    if (own !== undefined && !partial && unmatched.length === 0) continue;
    // The selectors a declared workload satisfies: pods that satisfy the same behave as it does.
    const likeDeclared = new Set(own === undefined ? [] : (ordinary.get(t.name) ?? []).map((l) => sat.text(l)));
    let combos = kindsOf(selectors, sat);
    const exact = combos !== undefined;
    if (combos === undefined) {
      notes.push(`Namespace ${t.name}: the selectors allow more than ${bound} distinct kinds of pod; one representative per selector is shown instead, so some combinations are not covered.`);
      combos = perSelector(partial ? selectors : unmatched).map((c) => podKind(sat, c.witness));
    }
    if (partial) combos = combos.filter((c) => !likeDeclared.has(c.satisfied));
    else if (own !== undefined) combos = combos.filter((c) => sat.of(c.witness).some((i) => unmatchedIndexes.has(i)));
    const ids = new Map<string, string>();
    lookup.set(t.name, { sat, ids });
    if (partial && combos.length > 0) partialViews.push(t.name);
    for (const c of combos) {
      const { satisfied } = c;
      const id = `${t.name}/${c.name}`;
      ids.set(satisfied, id);
      scopes.set(id, { selectors, satisfied, fixed: {}, exact });
      const pod: SyntheticEndpoint = {
        type: "synthetic",
        id,
        pod: { namespace: t.name, labels: c.witness, ports, hostNetwork: false },
        labels: c.labels,
      };
      // Beside declared workloads an id like `shop-prod/[*]` says little: words say what it stands for.
      if (own !== undefined && combos.length <= WORDED) wordLazily(pod, () => representativeWords(t.name, selectors, c.witness, (sat) => likeDeclared.has(sat), bound));
      pods.push(pod);
    }
  }
  if (pods.length > 0) {
    notes.push(
      "Representative pods stand for every pod their labels describe: backend/[app=db] is any pod in backend labelled app=db that no other selector tells apart, [*] any other pod, [*]/[*] any pod in any namespace no policy names.",
    );
    if (partialViews.length > 0) {
      const shown = partialViews.slice(0, 5).join(", ") + (partialViews.length > 5 ? ` and ${partialViews.length - 5} more` : "");
      notes.push(
        `Where the change edits policies that select pods in namespaces with declared workloads (${shown}), representatives also stand for the pods there that these files do not declare and that behave like none of the declared ones ("other pods in N ..."); a pod that behaves like a declared workload is covered by that workload's line.`,
      );
    }
    if (ports.length > 0) notes.push(`Representative pods expose the named ports the policies and Services use (${ports.map((p) => `${p.name}/${p.protocol}`).join(", ")}); their numbers are unknown, so they are shown by name.`);
  }
  // Thousands of tenants' namespaceSelectors, asked of each representative namespace: through an index.
  const nsIndex = new SelectorIndex(nsSelectors);
  const nsSatisfied = (labels: Labels) => nsIndex.matching(labels).join(",");
  const repSatisfied = reps.map((c) => nsSatisfied(c.witness));
  const repIds = new Map(repSatisfied.map((satisfied, i) => [satisfied, repNamespaces[i]!.name]));
  const nsScopes = new Map<string, RepresentativeScope>(
    repSatisfied.map((satisfied, i) => [repNamespaces[i]!.name, { selectors: nsSelectors, satisfied, fixed: { [NAMESPACE_NAME_LABEL]: OTHER_VALUE }, exact: nsExact }]),
  );
  return {
    namespaces: addedNamespaces,
    pods,
    notes,
    representativeOf(namespace, nsLabels, podLabels) {
      const ns = named.has(namespace) ? namespace : repIds.get(nsSatisfied({ ...nsLabels, [NAMESPACE_NAME_LABEL]: namespace }));
      const entry = ns === undefined ? undefined : lookup.get(ns);
      return entry?.ids.get(entry.sat.text(podLabels));
    },
    scopeOf: (podId) => scopes.get(podId),
    namespaceScopeOf: (name) => nsScopes.get(name),
  };
}

/**
 * Words are checked against every kind of pod of the namespace, which costs: they are worked out
 * when a renderer first asks (a report names few representatives of the many a diff may build),
 * once. Not enumerable: the endpoint's data (and JSON) stay what they were.
 */
function wordLazily(pod: SyntheticEndpoint, make: () => RepresentativeWords | undefined): void {
  let words: RepresentativeWords | undefined | null = null;
  Object.defineProperty(pod, "words", { enumerable: false, get: () => (words === null ? (words = make()) : words) });
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

/**
 * Which policies and pod peers concern a namespace, found through indexes rather than by scanning
 * every policy for every namespace (which a repository of thousands of namespaces cannot wait
 * for): the same selectors, in the same order.
 */
function peerIndex(policies: readonly Policy[], peers: readonly { namespace: string; peer: PodPeer }[]) {
  const subjects = new Map<string, Selector[]>();
  for (const p of policies) {
    if (p.subjectNamespaces !== undefined) continue; // a pod peer of every namespace its selector picks (synthesize)
    const list = subjects.get(p.namespace);
    if (list) list.push(p.subject);
    else subjects.set(p.namespace, [p.subject]);
  }
  // Peers of the policy's own namespace by that namespace; the others by namespaceSelector.
  const own = new Map<string, number[]>();
  const bySelector = new Map<string, { selector: Selector; indexes: number[] }>();
  peers.forEach(({ namespace, peer }, i) => {
    if (peer.namespaces.kind === "own") {
      const list = own.get(namespace);
      if (list) list.push(i);
      else own.set(namespace, [i]);
    } else {
      const key = selectorKey(peer.namespaces.selector);
      const entry = bySelector.get(key);
      if (entry) entry.indexes.push(i);
      else bySelector.set(key, { selector: peer.namespaces.selector, indexes: [i] });
    }
  });
  // Within each list only the first peer of each pod selector matters (dedupe keeps the first).
  const firsts = (indexes: readonly number[]): number[] => {
    const seen = new Set<string>();
    return indexes.filter((i) => {
      const key = selectorKey(peers[i]!.peer.pods);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const ownFirsts = new Map([...own].map(([ns, indexes]) => [ns, firsts(indexes)] as const));
  const groups = [...bySelector.values()].map((g) => ({ selector: g.selector, indexes: firsts(g.indexes) }));
  // A thousand tenants' namespaceSelectors, each asked of a thousand namespaces: those that need a
  // label (In) through an index. The others (NotIn, Exists: a team's "every other team") pick most
  // namespaces: per pod selector they name, they are tried in peer order until one picks the
  // namespace, since only a pod selector's first peer counts.
  const filed: typeof groups = [];
  const unfiled = new Map<string, { index: number; selector: Selector }[]>();
  for (const g of groups) {
    if (neededLabels(g.selector) !== undefined) {
      filed.push(g);
      continue;
    }
    for (const index of g.indexes) {
      const key = selectorKey(peers[index]!.peer.pods);
      const list = unfiled.get(key);
      if (list) list.push({ index, selector: g.selector });
      else unfiled.set(key, [{ index, selector: g.selector }]);
    }
  }
  for (const list of unfiled.values()) list.sort((x, y) => x.index - y.index);
  const filedIndex = new SelectorIndex(filed.map((g) => g.selector));
  return {
    subjects,
    /** Indexes of the peers that can match pods of namespace `t`: the first of each pod selector, ascending. */
    peersOf(t: { name: string; labelSets: readonly Labels[] }): number[] {
      const first = new Map<string, number>();
      const note = (index: number) => {
        const key = selectorKey(peers[index]!.peer.pods);
        const known = first.get(key);
        if (known === undefined || index < known) first.set(key, index);
      };
      for (const index of ownFirsts.get(t.name) ?? []) note(index);
      for (const l of t.labelSets) for (const g of filedIndex.matching(l)) for (const index of filed[g]!.indexes) note(index);
      for (const [key, list] of unfiled) {
        const known = first.get(key);
        for (const { index, selector } of list) {
          if (known !== undefined && index > known) break;
          if (t.labelSets.some((l) => selects(selector, l))) {
            first.set(key, index);
            break;
          }
        }
      }
      return [...first.values()].sort((a, b) => a - b);
    },
  };
}

function dedupe(selectors: readonly Selector[]): Selector[] {
  const seen = new Map<string, Selector>();
  for (const s of selectors) {
    const key = selectorKey(s);
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}

/** The pod endpoints of one side: its declared workloads plus the shared representatives. */
export function sidePods(cluster: Cluster, synthesis: Synthesis): PodEndpoint[] {
  return [...cluster.workloads.map((w) => ({ type: "workload" as const, id: w.id, pod: w })), ...synthesis.pods];
}
