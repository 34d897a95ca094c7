// The core's entry points: source files in, reports out. Pure: no I/O, no environment.
import type { L7Change } from "./diff/l7-changes.js";
import { adminAssumptions } from "./reach/admin-assumptions.js";
import type { Change } from "./diff/change.js";
import { diffSides } from "./diff/compute.js";
import { policyTextChanges, type PolicyTextChange } from "./diff/policy-text.js";
import { workloadChanges, type WorkloadChange } from "./diff/workload-changes.js";
import { nameServerMatcher, type DnsServer } from "./diff/name-servers.js";
import { serviceBreakages, type ServiceBreakage } from "./diff/service-breakages.js";
import { routeBreakages, type RouteBreakage } from "./diff/route-breakages.js";
import { cutOff, type CutOff } from "./diff/cut-off.js";
import { headConn, type HeadConn } from "./diff/head-conn.js";
import { unanalyzedChanges, type UnanalyzedChange } from "./diff/unanalyzed-changes.js";
import { defaultGateConfig, withAssertionRule, type GateConfig } from "./gate/config.js";
import { evaluateGate, type GateResult } from "./gate/gate.js";
import { compareDiagnostics, type Diagnostic } from "./load/object/diagnostic.js";
import { defaultInputLimits, type InputLimits } from "./load/limits.js";
import { loadRevisions, loadSources, type Loaded } from "./load/load-sources.js";
import { namespaceOption } from "./load/namespace-option.js";
import type { CniChoice } from "./load/cni-option.js";
import type { CniDecision, CniSetting } from "./load/cni-decision.js";
import { cniAssumptions } from "./reach/cni-assumptions.js";
import type { SourceFile } from "./load/object/source.js";
import type { Namespace } from "./model/cluster.js";
import type { Endpoint, IngressController, IngressControllerEndpoint, PodEndpoint } from "./model/endpoint.js";
import { exposureChanges, type ExposureChange } from "./exposure/changes.js";
import { controllerEndpoint, describeController, STAND_IN } from "./exposure/controller.js";
import { listExposures, type Exposure } from "./exposure/exposures.js";
import { exposurePaths } from "./exposure/paths.js";
import { hasIstioGatewayRoutes } from "./exposure/istio-paths.js";
import { exposureTable, type ExposureTable } from "./exposure/table.js";
import type { Reachability } from "./reach/evaluate.js";
import type { AnalyzedRevision } from "./explain/explain-pair.js";
import { evaluate } from "./reach/evaluate.js";
import { classView, type ClassView } from "./reach/class-view.js";
import { expandFlows, type Flow } from "./reach/flows.js";
import { hasL7 } from "./reach/l7.js";
import { unresolvedNamedPorts } from "./reach/named-port-notes.js";
import { buildUniverse, type HostNetworkMode, type Side, type Universe } from "./reach/universe.js";
import type { ConnSet } from "./net/conn-set.js";
import { describeSkipped } from "./load/skipped-words.js";
import { sidePods, synthesize, type PodsMode, type Synthesis } from "./synth/synthesize.js";
import type { Assertion, AssertionDiff, AssertionResult } from "./assert/assertion.js";
import { compareAssertions, type AssertionOrigin } from "./assert/compare.js";
import { assertionCidrs } from "./assert/cuts.js";
import { assertionJudge, evaluateAssertions, type AssertionJudge } from "./assert/evaluate.js";
import type { AssertionView } from "./assert/view.js";
import type { Cidr } from "./net/ip.js";
import { middles } from "./model/revision-lists.js";

export type { PodsMode } from "./synth/synthesize.js";

export interface AnalyzeOptions {
  /** Where pods come from (DESIGN section 4); default "auto". */
  readonly pods?: PodsMode;
  readonly hostNetwork?: HostNetworkMode;
  /**
   * As `kubectl apply -n`: objects without metadata.namespace go here, and objects naming another
   * namespace are refused. Unset: they go to `default` and any namespace is accepted.
   */
  readonly namespace?: string;
  /** Input past these is refused with LimitError (load/limits.ts); unset ones take the defaults. */
  readonly limits?: Partial<InputLimits>;
  /** Where Ingress and Gateway traffic comes from (--ingress-controller); netreach's stand-in when unset. */
  readonly ingressController?: IngressController;
  /** The cluster's DNS server (--dns-server); unset: the kube-dns Service's pods, or pods labelled k8s-app=kube-dns. */
  readonly dnsServer?: DnsServer;
  /**
   * Where objects without metadata.namespace go when `namespace` is unset, with objects of other
   * namespaces accepted (a Helm release's namespace: helm install -n does not refuse them).
   */
  readonly defaultNamespace?: string;
  /**
   * Assertions to judge (DESIGN section 4c), from `.netreach.yaml`: the report gains their
   * results, and external classes are cut at the CIDRs they name.
   */
  readonly assertions?: readonly Assertion[];
  /** Violations listed per assertion at most (default MAX_LISTED_VIOLATIONS); past it they are counted. */
  readonly assertionListLimit?: number;
  /**
   * The cluster's CNI (--cni); default "auto": Cilium when the input (either revision of a diff)
   * holds a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy, else generic.
   */
  readonly cni?: CniChoice;
  /** Cilium's cluster-name (--cilium-cluster), which every pod carries as a label; default "default". */
  readonly ciliumCluster?: string;
}

function cniFor(options: AnalyzeOptions): CniSetting {
  return { choice: options.cni ?? "auto", ...(options.ciliumCluster !== undefined ? { cluster: options.ciliumCluster } : {}) };
}

function namespaceFor(options: AnalyzeOptions) {
  return options.namespace === undefined && options.defaultNamespace !== undefined
    ? { name: options.defaultNamespace, explicit: false }
    : namespaceOption(options.namespace);
}

export interface ReachReport {
  readonly endpoints: readonly Endpoint[];
  /**
   * Every allowed pair, sorted by source then destination id, the ingress controller's last:
   * generated anew on each iteration, never held (10,000 workloads make 10^8 pairs).
   */
  readonly flows: Iterable<Flow>;
  /**
   * The same flows per class (computed on first call, then kept), but the ingress controller's,
   * which are its exposures: bounded by the classes and rows, not by the pairs.
   */
  readonly classes: () => ClassView;
  /** Pods that traffic from outside the cluster reaches through Services and routes (DESIGN section 4a). */
  readonly exposures: readonly Exposure[];
  readonly diagnostics: readonly Diagnostic[];
  readonly assumptions: readonly string[];
  readonly skipped: Loaded["skipped"];
  /** The revision as analyzed, for explaining one pair (explain/explain-pair.ts). */
  readonly revision: AnalyzedRevision;
  /** The assertions given, judged at this revision, in their order (empty when none were given). */
  readonly assertions: readonly AssertionResult[];
  /** The CNI the revision was analyzed for, and how it was chosen. */
  readonly cni: CniDecision;
}

/**
 * Revisions analyzed together share their representative pods and namespaces, and, when some
 * revision has routes, the ingress controller and the address sets exposure is limited to.
 */
function buildSides(loaded: readonly Loaded[], mode: PodsMode, controller: IngressControllerEndpoint, cuts: readonly Cidr[] = []): { sides: Side[]; synthesis: Synthesis } {
  const synthesis = synthesize(
    loaded.map((l) => l.cluster),
    mode,
  );
  const routed = loaded.some((l) => l.cluster.routes.length > 0 || hasIstioGatewayRoutes(l.cluster.istio));
  const addressCuts = [...loaded.flatMap((l) => l.cluster.services.flatMap((s) => (s.type === "LoadBalancer" ? s.loadBalancerSourceRanges : []))), ...cuts];
  const sides = loaded.map((l) => {
    const namespaces = new Map<string, Namespace>(l.cluster.namespaces);
    for (const ns of synthesis.namespaces) if (!namespaces.has(ns.name)) namespaces.set(ns.name, ns);
    return { namespaces, pods: sidePods(l.cluster, synthesis), policies: l.cluster.policies, adminPolicies: l.cluster.adminPolicies, nodes: l.cluster.nodes, controller: routed ? controller : undefined, addressCuts };
  });
  return { sides, synthesis };
}

/** What outside traffic gets through to each pod of one side. */
function sideTable(l: Loaded, side: Side, reach: Reachability, classOf: ReadonlyMap<string, number>, other?: { loaded: Loaded; side: "base" | "head" }): { table: ExposureTable; classOf: ReadonlyMap<string, number>; controllerClass: number | undefined; reach: Reachability; paths: ReturnType<typeof exposurePaths> } {
  const paths = exposurePaths(l.cluster, side.pods, other === undefined ? undefined : { objects: other.loaded.cluster, side: other.side });
  const controllerClass = side.controller ? classOf.get(side.controller.id) : undefined;
  return { table: exposureTable({ paths, reach, classOf, controllerClass }), classOf, controllerClass, reach, paths };
}

function mergedSources(exposures: readonly Exposure[], classes: readonly Endpoint[]): Endpoint[] {
  const known = new Set(classes.map((e) => e.id));
  const out = new Map<string, Endpoint>();
  for (const e of exposures) if (e.src.type === "external" && !known.has(e.src.id)) out.set(e.src.id, e.src);
  return [...out.values()];
}

function byId(pods: readonly PodEndpoint[]): Map<string, PodEndpoint> {
  return new Map(pods.map((p) => [p.id, p]));
}

/** A lookup in a map made on the first lookup. */
function lazyLookup<V>(make: () => ReadonlyMap<string, V>): (id: string) => V | undefined {
  let m: ReadonlyMap<string, V> | undefined;
  return (id) => (m ??= make()).get(id);
}

export function reach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachReport {
  const limits = { ...defaultInputLimits, ...options.limits };
  const loaded = loadSources(files, namespaceFor(options), { limits, cni: cniFor(options) });
  const controller = controllerEndpoint(options.ingressController ?? STAND_IN);
  const { sides, synthesis } = buildSides([loaded], options.pods ?? "auto", controller, assertionCidrs(options.assertions ?? []));
  const side = sides[0]!;
  const universe = buildUniverse([side], { hostNetwork: options.hostNetwork, maxPodClasses: limits.podClasses });
  const reachability = evaluate(universe, side);
  const { table } = sideTable(loaded, side, reachability, universe.classOf[0]!);
  const exposures = listExposures(table, byId(side.pods), universe, controller);
  const controllerFlows = exposures.filter((e) => e.source === "ingress-controller").map((e) => ({ src: e.src, dst: e.dst, conn: e.conn }));
  const pairs = expandFlows(reachability, side.pods, universe.classOf[0]!, hasL7(side.policies));
  let view: ClassView | undefined;
  const judged = judgeAssertions(options.assertions ?? [], side, synthesis, reachability, universe.classOf[0]!, controllerFlows, options.assertionListLimit);
  return {
    // An exposure names the addresses that get through, merged across classes: listed too, so its id resolves.
    endpoints: [...side.pods, ...universe.externals, ...(side.controller ? [side.controller] : []), ...mergedSources(exposures, universe.externals)],
    flows: {
      *[Symbol.iterator]() {
        yield* pairs;
        yield* controllerFlows;
      },
    },
    classes: () => (view ??= classView(reachability, side.pods, universe.classOf[0]!)),
    exposures,
    diagnostics: [...loaded.diagnostics, ...unresolvedNamedPorts(universe, side.policies)].sort(compareDiagnostics),
    assumptions: withSkipped([...assumptions(sides, synthesis, options), ...cniAssumptions(loaded.cni), ...placedIn(loaded), ...exposureAssumptions([loaded], options)], loaded.skipped),
    skipped: loaded.skipped,
    revision: { reach: reachability, classOf: universe.classOf[0]!, endpoints: [...side.pods, ...universe.externals, ...(side.controller ? [side.controller] : [])] },
    assertions: judged,
    cni: loaded.cni,
  };
}

/** What assertions are judged against at one side. */
function assertionView(
  side: Side,
  synthesis: Synthesis,
  reach: Reachability,
  classOf: ReadonlyMap<string, number>,
  controllerFlows: readonly { src: Endpoint; dst: Endpoint; conn: ConnSet }[],
): AssertionView {
  return {
    reach,
    pods: side.pods,
    classOf,
    ...(side.controller ? { controller: side.controller } : {}),
    controllerFlows,
    namespaces: side.namespaces,
    representatives: synthesis,
  };
}

/** Assertions judged against one side: nothing is worked out when there are none. */
function judgeAssertions(
  assertions: readonly Assertion[],
  side: Side,
  synthesis: Synthesis,
  reach: Reachability,
  classOf: ReadonlyMap<string, number>,
  controllerFlows: readonly { src: Endpoint; dst: Endpoint; conn: ConnSet }[],
  limit?: number,
): AssertionResult[] {
  if (assertions.length === 0) return [];
  return evaluateAssertions(assertions, assertionView(side, synthesis, reach, classOf, controllerFlows), limit);
}


export interface DiffOptions extends AnalyzeOptions {
  readonly gate?: GateConfig;
  /** Compare every class pair, not only those a change can touch: the same report, slower (for tests). */
  readonly exhaustive?: boolean;
  /** Files the pull request changes that this analysis does not read (the edge knows them): listed, and judged by rule `unanalyzed`. */
  readonly unreadFiles?: readonly string[];
  /** A rendered target's inputs the pull request changed (values files, patches), as the edge diffed them: shown before the rendered objects' diff. */
  readonly inputChanges?: readonly InputChange[];
  /** Where each assertion came from (DESIGN section 4b): the base's `.netreach.yaml` unless the caller says the pull request added it. */
  readonly assertionOrigin?: AssertionOrigin;
}

/** A file a rendered target reads, changed by the pull request. */
export interface InputChange {
  readonly file: string;
  readonly status: "added" | "removed" | "modified";
  /** Unified diff of the file's text, with its line numbers. */
  readonly patch: string;
}

export interface DiffReport {
  /** The endpoints some change names. */
  readonly endpoints: readonly Endpoint[];
  /** Every endpoint of either side: to say "every pod of namespace N" only when it is true. */
  readonly universe: readonly Endpoint[];
  /** Flow changes; those from the ingress controller are its exposure changes. */
  readonly changes: readonly Change[];
  /** Flows whose connection did not change but whose L7 filtering did (Cilium); absent or empty: none. */
  readonly l7Changes?: readonly L7Change[];
  /** Pods newly reachable, or no longer, from outside the cluster through Services and routes. */
  readonly exposureChanges: readonly ExposureChange[];
  readonly gate: GateResult;
  readonly gateConfig: GateConfig;
  /** Diagnostics of the head revision: what the pull request would merge. */
  readonly diagnostics: readonly Diagnostic[];
  readonly policyChanges: readonly PolicyTextChange[];
  /** A rendered target's changed inputs (values files, patches): what the author edited. */
  readonly inputChanges?: readonly InputChange[];
  readonly assumptions: readonly string[];
  /** What the head revision held but was not analyzed. */
  readonly skipped: Loaded["skipped"];
  /** Declared workloads on one side only, with what each can do there. */
  readonly workloadChanges: readonly WorkloadChange[];
  /**
   * What the pull request changes that was not analyzed: objects of kinds that matter to the
   * network but netreach does not read, and files no analysis reads (DESIGN section 4b).
   */
  readonly unanalyzed: { readonly objects: readonly UnanalyzedChange[]; readonly files: readonly string[] };
  /** Ids of the endpoints that are the cluster's DNS server (unset: judged by the kube-dns label). */
  readonly nameServers?: readonly string[];
  /** Service ports that forwarded to some pod at the base and forward to none at the head. */
  readonly serviceBreakages?: readonly ServiceBreakage[];
  /** Routes at the head whose backend Service (or its port) the pull request removed. */
  readonly routeBreakages?: readonly RouteBreakage[];
  /** Declared workloads that had ingress (or egress) at the base and have none at the head. */
  readonly cutOff?: readonly CutOff[];
  /** Both revisions as analyzed, for explaining a pair (explain/explain-pair.ts) without analyzing again. */
  readonly revisions?: { readonly base: AnalyzedRevision; readonly head: AnalyzedRevision };
  /** The assertions given, judged at the head against the base, in their order (empty when none were given). */
  readonly assertions: readonly AssertionDiff[];
  /** The CNI both revisions were analyzed for, and how it was chosen (absent: generic). */
  readonly cni?: CniDecision;
  /**
   * The head's connections between two pods, changed or not: what a closed group leaves (render/
   * remaining.ts). A function, not data: never in the JSON report.
   */
  readonly headConn?: HeadConn;
}

export function diff(baseFiles: readonly SourceFile[], headFiles: readonly SourceFile[], options: DiffOptions = {}): DiffReport {
  const limits = { ...defaultInputLimits, ...options.limits };
  return diffLoaded(loadRevisions(baseFiles, headFiles, namespaceFor(options), limits, cniFor(options)), options);
}

/**
 * The diff of two revisions already read (`loadRevisions` with the same namespace, limits and CNI):
 * `diff` is the one and then the other, which the bench times apart.
 */
export function diffLoaded(loaded: readonly [Loaded, Loaded], options: DiffOptions = {}): DiffReport {
  return diffModel(modelDiff(loaded, options));
}

/**
 * What a diff runs on (DESIGN section 1, model): the two revisions read, each side's namespaces,
 * pods and policies, and the representative pods and namespaces they share. The options come
 * along, so that the diff is made with the ones the model was.
 */
export interface DiffModel {
  readonly loaded: readonly [Loaded, Loaded];
  readonly sides: readonly [Side, Side];
  readonly synthesis: Synthesis;
  readonly controller: IngressControllerEndpoint;
  readonly options: DiffOptions;
}

/** The model of two revisions read: `diffLoaded` is this and then `diffModel`, which the bench times apart. */
export function modelDiff([base, head]: readonly [Loaded, Loaded], options: DiffOptions = {}): DiffModel {
  const controller = controllerEndpoint(options.ingressController ?? STAND_IN);
  const { sides, synthesis } = buildSides([base, head], options.pods ?? "auto", controller, assertionCidrs(options.assertions ?? []));
  return { loaded: [base, head], sides: [sides[0]!, sides[1]!], synthesis, controller, options };
}

/** The diff of a model (`modelDiff`): reachability on both sides, the changes, the gate and the report's other parts. */
export function diffModel(model: DiffModel): DiffReport {
  const { sides, synthesis, controller, options } = model;
  const [base, head] = model.loaded;
  const limits = { ...defaultInputLimits, ...options.limits };
  const result = diffSides(sides[0]!, sides[1]!, { hostNetwork: options.hostNetwork, maxPodClasses: limits.podClasses, exhaustive: options.exhaustive });
  const [inBase, inHead] = result.universe.classOf as [ReadonlyMap<string, number>, ReadonlyMap<string, number>];
  const baseTable = sideTable(base, sides[0]!, result.base, inBase, { loaded: head, side: "head" });
  const headTable = sideTable(head, sides[1]!, result.head, inHead, { loaded: base, side: "base" });
  const exposed = exposureChanges(
    baseTable,
    headTable,
    // Indexed when first asked: a cluster without Services or routes exposes no pod, and asks nothing.
    lazyLookup(() => byId(result.endpoints.filter((e): e is PodEndpoint => e.type === "workload" || e.type === "synthetic"))),
    controller,
  );
  // The engine's changes come sorted: sorted again only with the ingress controller's among them.
  // (A move through other objects with the same reach is no flow change.)
  const controllers = exposed.filter((c) => c.source === "ingress-controller" && !(c.opened.isEmpty && c.closed.isEmpty));
  const changes = controllers.length === 0 ? result.changes : [...result.changes, ...controllers].sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
  const asserted = diffAssertions(options, sides, synthesis, [
    { r: result.base, classOf: inBase, table: baseTable.table },
    { r: result.head, classOf: inHead, table: headTable.table },
  ], result.universe, controller);
  // Rule `assertions` joins the configured rules whenever assertions apply (gate/config.ts).
  const configured = options.gate ?? defaultGateConfig();
  const gateConfig = { ...configured, failOn: withAssertionRule(configured.failOn, asserted.length > 0) };
  const unanalyzed = { objects: unanalyzedChanges(base.unanalyzed, head.unanalyzed), files: [...(options.unreadFiles ?? [])] };
  const serves = nameServerMatcher(options.dnsServer, [...base.cluster.services, ...head.cluster.services]);
  const named = new Set<string>();
  for (const list of [changes, exposed, result.l7Changes]) for (const c of list) named.add(c.src.id).add(c.dst.id);
  const endpoints = new Map<string, Endpoint>();
  for (const e of [...result.endpoints, ...result.changedExternals, ...exposed.flatMap((c) => [c.src, c.dst])]) if (named.has(e.id) && !endpoints.has(e.id)) endpoints.set(e.id, e);
  return {
    endpoints: [...endpoints.values()],
    universe: result.endpoints,
    changes,
    ...(result.l7Changes.length > 0 ? { l7Changes: result.l7Changes } : {}),
    exposureChanges: exposed,
    gate: evaluateGate(changes, exposed, gateConfig, unanalyzed, asserted),
    unanalyzed,
    gateConfig,
    diagnostics: [...head.diagnostics].sort(compareDiagnostics),
    policyChanges: policyTextChanges(base.policyObjects, head.policyObjects),
    ...(options.inputChanges !== undefined && options.inputChanges.length > 0 ? { inputChanges: options.inputChanges } : {}),
    assumptions: withSkipped([...assumptions(sides, synthesis, options), ...cniAssumptions(head.cni), ...placedIn(head, base), ...exposureAssumptions([base, head], options)], head.skipped),
    skipped: head.skipped,
    workloadChanges: workloadChanges(result.changes, result.endpoints, { base: sides[0]!.pods, head: sides[1]!.pods }, serves),
    nameServers: result.endpoints.filter(serves).map((e) => e.id),
    serviceBreakages: serviceBreakages(base.cluster, head.cluster, sides[0]!.pods, sides[1]!.pods),
    routeBreakages: routeBreakages(base.cluster, head.cluster),
    cutOff: cutOff(result.changes, result.endpoints, { r: result.base, classOf: inBase }, { r: result.head, classOf: inHead }),
    revisions: {
      base: { reach: result.base, classOf: inBase, endpoints: [...sides[0]!.pods, ...result.universe.externals, ...(sides[0]!.controller ? [sides[0]!.controller] : [])] },
      head: { reach: result.head, classOf: inHead, endpoints: [...sides[1]!.pods, ...result.universe.externals, ...(sides[1]!.controller ? [sides[1]!.controller] : [])] },
    },
    headConn: headConn(result.head, inHead),
    assertions: asserted,
    cni: head.cni,
  };
}

/** Assertions judged at both sides of a diff: nothing is worked out when there are none. */
function diffAssertions(
  options: DiffOptions,
  sides: readonly Side[],
  synthesis: Synthesis,
  judged: readonly { r: Reachability; classOf: ReadonlyMap<string, number>; table: ExposureTable }[],
  universe: Universe,
  controller: IngressControllerEndpoint,
): AssertionDiff[] {
  const assertions = options.assertions ?? [];
  if (assertions.length === 0) return [];
  const [atBase, atHead] = judged.map((j, i) => {
    const side = sides[i]!;
    const flows = listExposures(j.table, byId(side.pods), universe, controller)
      .filter((e) => e.source === "ingress-controller")
      .map((e) => ({ src: e.src, dst: e.dst, conn: e.conn }));
    return assertionJudge(assertionView(side, synthesis, j.r, j.classOf, flows));
  }) as [AssertionJudge, AssertionJudge];
  // A head violation is new or not by asking the base of its pair: exact past the listing limit too.
  const limit = options.assertionListLimit;
  return compareAssertions(atBase.evaluate(assertions, limit), atHead.evaluate(assertions, limit), options.assertionOrigin, (a, src, dst) => atBase.violationAt(a, src, dst));
}

/** Where outside traffic is taken to come from: stated whenever some revision has a way in. */
function exposureAssumptions(loaded: readonly Loaded[], options: AnalyzeOptions): string[] {
  const out: string[] = [];
  if (loaded.some((l) => l.cluster.routes.length > 0 || hasIstioGatewayRoutes(l.cluster.istio))) {
    const c = options.ingressController;
    out.push(
      c === undefined
        ? "Ingress, Gateway API and OpenShift Route traffic comes from the ingress controller, taken (as netpol-analyzer does) to be a pod in a namespace of its own with no labels: only rules that admit pods of every namespace, or every source, let it in. Name the real one with --ingress-controller NAMESPACE/KEY=VALUE (the Action's ingress-controller input) to have policies that admit only it evaluated exactly."
        : `Ingress, Gateway API and OpenShift Route traffic comes from the ingress controller: ${describeController(c)} (--ingress-controller); the policies of that namespace govern its egress.`,
    );
  }
  if (loaded.some((l) => hasIstioGatewayRoutes(l.cluster.istio))) {
    out.push(
      "Istio Gateway traffic is taken to come from the ingress controller too: a Gateway's selector picks gateway pods in any namespace (istiod's default; PILOT_SCOPE_GATEWAY_TO_NAMESPACE is not assumed), and a Gateway without a selector is taken to run on pods labelled istio=ingressgateway. Istio takes the first route that matches: a route after one that matches every request is never used, and any other route counts (HTTP matches other than the path are not evaluated)." +
        (options.ingressController === undefined ? " Name the gateway pods with --ingress-controller istio-system/istio=ingressgateway to have policies that admit only them evaluated exactly." : ""),
    );
  }
  const outside = loaded.flatMap((l) => l.cluster.services).filter((s) => s.type === "NodePort" || s.type === "LoadBalancer" || (s.type !== "ExternalName" && s.externalIPs.length > 0));
  if (outside.length > 0) {
    out.push(
      "LoadBalancer, NodePort and externalIPs Services are taken to be reachable from every address outside the cluster (a LoadBalancer's from its loadBalancerSourceRanges only; its node ports are taken to sit behind the same firewall).",
    );
    const masquerading = [...new Set(outside.filter((s) => s.externalTrafficPolicy !== "Local").map((s) => s.id))].sort();
    if (masquerading.length > 0) {
      out.push(
        `Policies see the client's own address only with externalTrafficPolicy: Local. ${listed(masquerading)} use${masquerading.length === 1 ? "s" : ""} Cluster (the default), where a node may forward the traffic under its own address, so whether an ipBlock rule admits it depends on the CNI; netreach assumes the client's address is kept.`,
      );
    }
  }
  return out;
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => `Service ${id}`);
  return ids.length > 5 ? `${shown.join(", ")} and ${ids.length - 5} more` : shown.join(", ");
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function withSkipped(said: string[], skipped: Loaded["skipped"]): string[] {
  const what = describeSkipped(skipped);
  return what === "" ? said : [...said, `Read but not analyzed: ${what}.`];
}

/**
 * Where objects without a namespace went: the report's ids rest on it, and the file does not say.
 * A diff counts the head revision's objects (what the pull request would merge).
 */
function placedIn(head: Loaded, base?: Loaded): string[] {
  const n = head.withoutNamespace;
  const m = base?.withoutNamespace ?? n;
  if (n === 0 && m === 0) return [];
  const ns = head.namespace;
  const count = `${n} object${n === 1 ? "" : "s"} without metadata.namespace${m !== n ? ` (${m} in the base revision)` : ""}`;
  const verb = n === 1 ? "is" : "are";
  return [
    ns.explicit
      ? `${count} ${verb} placed in namespace ${ns.name}, the one given (as kubectl apply -n ${ns.name} does).`
      : `${count} ${verb} placed in namespace ${ns.name} (as kubectl apply does without -n); pass --namespace (the Action's namespace input) to choose another.`,
  ];
}

/** What every answer rests on, stated in the report rather than hidden. */
function assumptions(sides: readonly Side[], synthesis: Synthesis, options: AnalyzeOptions): string[] {
  const mode = options.pods ?? "auto";
  const out: string[] = [];
  out.push(
    mode === "declared"
      ? "Pods are the workloads declared in the manifests (--pods declared)."
      : mode === "synthetic"
        ? "Pods are representatives built from the policies' selectors, besides the declared workloads (--pods synthetic)."
        : "Pods are the declared workloads; representatives built from the policies' selectors stand for the pods of namespaces without any, and for pods a selector names that no declared workload matches (--pods auto).",
  );
  out.push(...synthesis.notes);
  out.push("ipBlocks match addresses outside the cluster only: pod IPs are not known before deployment, and CNIs differ on ipBlocks that cover pod or node addresses.");
  // A diff's revisions hold the pods of the files a pull request left alone in the same places: looked at once.
  const pods = sides.length === 2 ? [sides[0]!.pods, middles(sides[0]!.pods, sides[1]!.pods, (x, y) => x.pod === y.pod).b] : sides.map((s) => s.pods);
  let podIps = false;
  const hostNet = new Set<string>();
  for (const list of pods) {
    for (const p of list) {
      if (p.pod.hostNetwork) hostNet.add(p.id);
      if (p.type === "workload" && p.pod.ips.length > 0) podIps = true;
    }
  }
  out.push(...adminAssumptions(sides.map((s) => s.adminPolicies), { podIps, nodes: sides.some((s) => (s.nodes ?? []).length > 0) }));
  const undeclared = new Set<string>();
  for (const s of sides) for (const ns of s.namespaces.values()) if (ns.source === null && !ns.name.startsWith("[")) undeclared.add(ns.name);
  if (undeclared.size > 0) {
    out.push(`Namespace labels unknown for namespaces without a manifest (${[...undeclared].sort().join(", ")}): only kubernetes.io/metadata.name is assumed.`);
  }
  if (hostNet.size > 0) {
    out.push(
      (options.hostNetwork ?? "exempt") === "exempt"
        ? `hostNetwork workloads (${[...hostNet].sort().join(", ")}) use the node's network: no policy selects them and no pod selector matches them.`
        : `hostNetwork workloads (${[...hostNet].sort().join(", ")}) are treated as ordinary pods (--host-network pod).`,
    );
  }
  return out;
}

/** The representative pods and namespaces a diff of these revisions shares (for tools and tests). */
export function diffRepresentatives(baseFiles: readonly SourceFile[], headFiles: readonly SourceFile[], mode: PodsMode = "auto"): Synthesis {
  const [base, head] = loadRevisions(baseFiles, headFiles, namespaceOption(undefined), defaultInputLimits);
  return buildSides([base, head], mode, controllerEndpoint(STAND_IN)).synthesis;
}

/** The representative pods and namespaces netreach builds for these files (for tools and tests). */
export function representatives(files: readonly SourceFile[], mode: PodsMode = "synthetic"): Synthesis {
  return buildSides([loadSources(files, namespaceOption(undefined))], mode, controllerEndpoint(STAND_IN)).synthesis;
}
