// The `netreach diff --format json` document (DESIGN section 6). Other programs parse it:
// change only by adding fields.
import type { CniJson, DiagnosticJson, EndpointJson, L7Json, SkippedJson, ViaJson } from "./reach-json.js";

export interface ReasonJson {
  side: "base" | "head";
  policy: string;
  rule: string | null;
  direction: "ingress" | "egress";
  file: string;
  line: number;
  effect: "allows" | "isolates" | "denies" | "passes";
  /**
   * Admin-tier rules: the policy's kind, tier and priority, the rule's action as written and its
   * name. Cilium's rules: the kind, and `action` "Deny" for their deny rules. Absent: NetworkPolicy.
   */
  kind?: "AdminNetworkPolicy" | "BaselineAdminNetworkPolicy" | "ClusterNetworkPolicy" | "CiliumNetworkPolicy" | "CiliumClusterwideNetworkPolicy";
  tier?: "Admin" | "Baseline";
  priority?: number | null;
  action?: "Accept" | "Allow" | "Deny" | "Pass";
  ruleName?: string | null;
  /** Cilium's rules: the peers in Cilium's words, e.g. "fromEntities world". */
  said?: string;
}

export interface L7ChangeJson {
  src: string;
  dst: string;
  conn: string;
  base: L7Json | null;
  head: L7Json | null;
}

export interface ChangeJson {
  type: "added" | "removed" | "changed";
  src: string;
  dst: string;
  base: string;
  head: string;
  opened: string;
  closed: string;
  endpoint: "added" | "removed" | null;
  why: ReasonJson[];
  /** Cilium: each side's L7-filtered part of the connection (reach-json.ts L7Json), null where none. Absent: neither side has any. */
  l7?: { base: L7Json | null; head: L7Json | null };
}

/**
 * A pod newly reachable from outside the cluster through Services and routes, or no longer: the
 * change's fields, its source, the objects that carry it on each side, and whether a policy
 * isolates the pod's ingress on each side (null: no such pod there).
 */
export interface ExposureChangeJson extends ChangeJson {
  source: "internet" | "ingress-controller";
  via: { base: ViaJson[]; head: ViaJson[] };
  isolated: { base: boolean | null; head: boolean | null };
  /**
   * The part of `opened` (or `closed`) public before and after through the other source (a
   * LoadBalancer replaced by a Gateway route): not newly exposed or lost; null when none.
   * `public`: the part public on both sides (a move). `via`: the chains carrying it, at base and
   * at head. Added after v1's first form.
   */
  moved: { conn: string; public: string; via: { base: ViaJson[]; head: ViaJson[] } } | null;
}

export interface ViolationJson {
  rule: string;
  src: string;
  dst: string;
  conn: string;
  message: string;
  /** Rules `unanalyzed` and `assertions` only: where the object, file or assertion is. */
  file?: string;
  line?: number;
  /** Rule `assertions` only: the assertion's name (added after v1's first form). */
  assertion?: string;
}

export interface UnanalyzedObjectJson {
  change: "added" | "removed" | "changed";
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  file: string;
  line: number;
  why: string;
}

export type GateStatus = "passed" | "failed" | "error";

export interface DiffJson {
  schema: "netreach.diff/v1";
  endpoints: EndpointJson[];
  changes: ChangeJson[];
  /**
   * Grouped reports only (`diff --group`, or more changed pairs or violations than
   * `CHANGE_LIST_LIMIT`): `changes` lists the first `listed` of `total` pairs, in report order.
   * Added after v1's first form.
   */
  changesTruncated?: { total: number; listed: number };
  /** Grouped reports only: the endpoint sets `changeGroups` name. Added after v1's first form. */
  changeSets?: ChangeSetJson[];
  /**
   * Grouped reports only: every changed pair, grouped as the comment groups them. Each pair's
   * opened part is in exactly one `opened` group, its closed part in exactly one `closed` group
   * (the ingress controller's pairs are in `exposures` instead). Added after v1's first form.
   */
  changeGroups?: ChangeGroupJson[];
  /**
   * `status` (added after v1's first form): "passed", "failed" (a rule found a violation), or
   * "error" (a target could not be built or read: not analyzed, never a pass).
   */
  gate: {
    passed: boolean;
    status: GateStatus;
    failOn: string[];
    violations: ViolationJson[];
    /** Grouped reports only: `violations` lists the first `listed` of `total` (each group names the rules it breaks). */
    violationsTruncated?: { total: number; listed: number };
  };
  diagnostics: DiagnosticJson[];
  /** What the answer rests on. Added after v1's first form. */
  assumptions: string[];
  /** The CNI both revisions were analyzed for (--cni; see CniJson). Runs with several targets: each target's is in `targets`. Added after v1's first form. */
  cni?: CniJson;
  /** What the head revision held but was not analyzed. Added after v1's first form. */
  skipped: SkippedJson;
  /**
   * Declared workloads the change adds or removes, with what each can do on its side: ingress and
   * egress "none" (isolated), "some" or "all" (all connections with everything), and whether it
   * can reach a name server. Added after v1's first form.
   */
  workloads: WorkloadChangeJson[];
  /** Exposure changes (the ingress controller's are also in `changes`). Added after v1's first form. */
  exposures: ExposureChangeJson[];
  /**
   * What the pull request changes that was not analyzed: objects of kinds that matter to the
   * network but netreach does not read, and files no analysis reads. Added after v1's first form.
   */
  unanalyzed: { objects: UnanalyzedObjectJson[]; files: string[] };
  /**
   * What stops working that the flows alone do not show: Service ports that forwarded to some pod
   * at the base and forward to none at the head, and declared workloads that had some ingress (or
   * egress) at the base and have none at the head. Added after v1's first form.
   */
  stopsWorking?: { services: BrokenServiceJson[]; cutOff: CutOffJson[]; routes?: BrokenRouteJson[] };
  /**
   * The assertions of `.netreach.yaml` (DESIGN section 4c), judged at the head: present only when
   * some were given. Added after v1's first form.
   */
  assertions?: AssertionDiffJson[];
  /**
   * A rendered target's input files the pull request changed (values files, patches), as the
   * comment shows them: the file, how it changed and its unified diff. Empty for plain manifests.
   * Added after v1's first form.
   */
  inputChanges?: InputChangeJson[];
  /**
   * Changed admin-tier policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
   * ClusterNetworkPolicy), which apply across namespaces: flagged by the comment even when no flow
   * changes today. Added after v1's first form.
   */
  clusterWide?: ClusterWideJson[];
  /**
   * The numbers the comment's headline and counts line say, and the Action's outputs: see
   * CountsJson. A run with several targets: their sums. Added after v1's first form.
   */
  counts?: CountsJson;
  /**
   * Flows whose connection is the same at base and head but whose L7 filtering changed (Cilium's
   * http/kafka/dns rules): each side's filtered part (null: nothing filters it). Present only when
   * there are some. Added after v1's first form.
   */
  l7Changes?: L7ChangeJson[];
  /** Runs with several targets only (see TargetJson). */
  targets?: TargetJson[];
  /** Runs with a `.netreach.yaml`: what the pull request did to it and what the run made of that. Added after v1's first form. */
  config?: { file: string; base: "absent" | "present" | "invalid"; head: "absent" | "present" | "invalid"; changed: boolean; notes: string[] };
}

/**
 * Counted in the units a reviewer counts, alike in the comment, the job summary, the log and the
 * Action's outputs (`opened`, `closed`, `changed`). A flow is a pair of endpoints a person names:
 * a declared workload, an address range, the ingress controller, one described set of
 * representative pods. So the ingress controller's pairs in `changes` count one flow each (a new
 * Ingress or route opens one), while a pair of `changes` between representatives may be part of
 * a larger flow. `exposed`: workloads with a port newly reachable from outside the cluster (a
 * move is not). `violations`: the gate's violations as the comment lists them, one per exposure,
 * assertion group and group of flows that breaks a rule (plus one for what was not analyzed when
 * the gate fails on it); `gate.violations` lists pairs instead.
 */
export interface CountsJson {
  opened: number;
  closed: number;
  changed: number;
  exposed: number;
  violations: number;
}

/** An assertion judged at one revision (`check --format json`). */
export interface AssertionJson {
  name: string;
  type: "deny" | "only" | "allow" | "isolated";
  status: "passed" | "failed" | "no-match";
  /** `conn`: the connections that break it, canonical form. */
  violations: { src: string; dst: string; conn: string }[];
  /** Only when `violations` lists fewer than all (past the listing limit): how many pairs break it. */
  violationsTruncated?: { total: number; listed: number };
}

/** An assertion judged at the head of a diff: `new` when the pair did not break it so at the base. */
export interface AssertionDiffJson extends AssertionJson {
  violations: { src: string; dst: string; conn: string; new: boolean }[];
  /** Runs with several targets only: the target it was judged on. */
  target?: string;
}

export interface InputChangeJson {
  file: string;
  status: "added" | "removed" | "modified";
  /** Unified diff of the file's text, with its line numbers. */
  patch: string;
  /** Runs with several targets: the target's name. */
  target?: string;
}

export interface ClusterWideJson {
  /** "Kind/name", as in the policy changes. */
  policy: string;
  kind: string;
  name: string;
  /** "Admin" (before NetworkPolicy) or "Baseline" (after); null when a ClusterNetworkPolicy names none. */
  tier: "Admin" | "Baseline" | null;
  priority: number | null;
  /** Whom its subject selects. */
  subject: "every-namespace" | "namespaces" | "pods" | "unknown";
  /** At the head; for a removed policy, at the base. */
  file: string;
  line: number;
  change: "added" | "removed" | "modified";
  /** Whether some flow or exposure change of this report names it as a reason (false: no flow changes today). */
  changesFlows: boolean;
  /** Runs with several targets: the target's name. */
  target?: string;
}

/**
 * An Ingress, Gateway API route or OpenShift Route at the head whose backend Service the pull
 * request removed (or removed the port of): it sends traffic nowhere. Added after v1's first form.
 */
export interface BrokenRouteJson {
  kind: string;
  /** "namespace/name[Kind]" */
  route: string;
  /** The backend reference at the head. */
  file: string;
  line: number;
  /** "namespace/name" */
  service: string;
  /** The Service port the route names: a number, a name, or null for every port (an OpenShift Route without one). */
  port: number | string | null;
  cause: "service-removed" | "port-removed";
  /** Where the Service (or its port) was at the base. */
  was: { file: string; line: number };
}

export interface BrokenServiceJson {
  /** "namespace/name" */
  service: string;
  port: number;
  protocol: string;
  /** The Service port's name, if it has one. */
  portName: string | null;
  /** The Service port, at the head. */
  file: string;
  line: number;
  /** target-port: a named targetPort no selected pod names; no-pod: the selector matches no pod. */
  cause: "target-port" | "no-pod";
  targetPort: string | null;
  /** The workloads it forwarded to at the base (endpoint ids). */
  before: string[];
  /** Routes (Ingress, Gateway API, Route) at the head that send to it. */
  routes: { kind: string; id: string }[];
  /** Runs with several targets: the target's name. */
  target?: string;
}

export interface CutOffJson {
  workload: string;
  direction: "ingress" | "egress";
  /** The policies that isolate it in that direction at the head, and the admin-tier policies that deny it. */
  policies: string[];
  /** The admin-tier rules that now deny it, at their lines; absent when none does. Added after v1's first form. */
  denies?: ReasonJson[];
  target?: string;
}

/** A set of endpoints named by change groups: "s1", "s2", ... (named only within this document). */
export interface ChangeSetJson {
  id: string;
  /** Endpoint ids (`endpoints[].id`), in the report's order; or, when shorter, `allBut`. */
  endpoints?: string[];
  /** The set is every endpoint of the document's `endpoints` but these. */
  allBut?: string[];
}

/**
 * Pairs that changed alike: every pair `src` x `dst` (but a declared workload to itself) had
 * `conn` opened (facet "opened") or closed ("closed"), for the reasons `why`.
 */
export interface ChangeGroupJson {
  /** Multi-target reports only: the target the group belongs to. */
  target?: string;
  facet: "opened" | "closed";
  /** The type shared by the group's pairs (see ChangeJson). */
  type: "added" | "removed" | "changed";
  endpoint: "added" | "removed" | null;
  /** What opened or closed on each pair. */
  conn: string;
  /** `changeSets` ids, and the sets in words ("any source", "every pod in `shop`"). */
  src: string;
  dst: string;
  srcWords: string;
  dstWords: string;
  /** How many pairs the group stands for. */
  pairs: number;
  why: ReasonJson[];
  /** Gate rules the group breaks (opened groups only), with what of `conn` breaks each. */
  gate: { rule: string; conn: string }[];
}

export interface WorkloadChangeJson {
  id: string;
  change: "added" | "removed";
  ingress: "none" | "some" | "all";
  egress: "none" | "some" | "all";
  dns: boolean;
  file: string;
  line: number;
}

/**
 * One target of a run with several (Kustomize overlays, Helm charts with values, GitOps
 * objects, plain paths). Present as `targets` only then; the top-level fields then hold every
 * target's changes, violations, diagnostics and workloads, each with a `target` field naming it.
 * Added after v1's first form.
 */
export interface TargetJson {
  name: string;
  kind: "paths" | "kustomize" | "helm";
  /** "kustomize deploy/overlays/prod", "helm charts/web (values-prod.yaml)". */
  source: string;
  /** The kustomization or chart directory; the first path of a paths target. */
  path: string;
  values: string[];
  release: string | null;
  namespace: string | null;
  /** Where it was defined: config, flag, discovered, argocd, flux. */
  origin: string;
  definedIn: { file: string; line: number } | null;
  /** "changed", "unchanged", or "failed" (a side could not be built; see error). */
  status: "changed" | "unchanged" | "failed";
  /**
   * Flows opened, closed, changed at all, as the comment counts them: pairs a person would name
   * (a workload, an address range, the ingress controller, a described set of representative
   * pods), not the pairs of `changes`. The same as `counts`' (kept for readers of the first form).
   */
  opened: number;
  closed: number;
  changed: number;
  /** The target's numbers as its section of the comment says them (CountsJson); zeros when not analyzed. Added after v1's first form. */
  counts: CountsJson;
  /** The CNI the target was analyzed for; null when it was not analyzed. Added after v1's first form. */
  cni: CniJson | null;
  /** A target that could not be built: `passed` false and `status` "error". */
  gate: { passed: boolean; status: GateStatus; failOn: string[]; violations: number };
  base: TargetSideJson;
  head: TargetSideJson;
  error: string | null;
}

export interface TargetSideJson {
  /** The tool that built it, null for plain paths. */
  tool: string | null;
  /** The target does not exist at this revision. */
  absent: boolean;
  /** Head only: its inputs were unchanged, base's build was used. */
  reused: boolean;
  ms: number;
}
