// The `netreach reach --format json` document (DESIGN section 6). Other programs parse it:
// change only by adding fields.

export type EndpointJson =
  /** pods: added after v1's first form, only when a controller's pods differ (then it is several endpoints, each naming its pods). */
  | { id: string; type: "workload"; namespace: string; name: string; kind: string; pods?: string[] }
  | { id: string; type: "synthetic"; namespace: string; labels: Record<string, string> }
  | { id: string; type: "external"; cidrs: string[] }
  /** Added after v1's first form. namespace and labels only when --ingress-controller names it. */
  | { id: "{ingress-controller}"; type: "ingress-controller"; namespace?: string; labels?: Record<string, string> };

export interface FlowJson {
  src: string;
  dst: string;
  /** Canonical connection string, e.g. "TCP 80,8080-8090,UDP 53" or "All Connections". */
  conn: string;
  /**
   * Cilium: the part of `conn` that only rules with L7 filters allow (in either direction): open
   * at L4, the proxy lets some requests through. Absent: no L7 filtering.
   */
  l7?: L7Json;
}

export interface L7Json {
  /** A subset of the flow's conn, e.g. "TCP 80". */
  conn: string;
  /** The rules whose L7 filters apply, e.g. {"policy": "default/rule1", "kind": "CiliumNetworkPolicy", "rule": "ingress[0]", "filters": ["http POST /v1/request-landing"]}. */
  by: L7RuleJson[];
}

export interface L7RuleJson {
  policy: string;
  kind: "CiliumNetworkPolicy" | "CiliumClusterwideNetworkPolicy";
  rule: string;
  direction: "ingress" | "egress";
  file: string;
  line: number;
  filters: string[];
}

/** One object of the chain that carries outside traffic to a pod. */
export interface HopJson {
  kind: string;
  namespace: string;
  name: string;
  /** What it contributes, e.g. "LoadBalancer, port 5432" or "host shop.example.com, path /api". */
  detail: string;
  file: string;
  line: number;
  /** diff only, where the pull request added, removed or changed this object (its words are in `detail`). Added after v1's first form. */
  edit?: "added" | "removed" | "changed";
}

/** A chain of objects, outside in, and what gets through along it. */
export interface ViaJson {
  chain: HopJson[];
  conn: string;
}

/** A pod that traffic from outside reaches through Services and routes (DESIGN section 4a). */
export interface ExposureJson {
  dst: string;
  source: "internet" | "ingress-controller";
  /** The endpoint the traffic comes from: "{ingress-controller}", or the external addresses that get through. */
  src: string;
  conn: string;
  via: ViaJson[];
}

export interface DiagnosticJson {
  severity: "error" | "warning" | "note";
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ReachJson {
  schema: "netreach.reach/v1";
  endpoints: EndpointJson[];
  flows: FlowJson[];
  diagnostics: DiagnosticJson[];
  /** What the answer rests on (pods mode, unknown namespace labels, ...). Added after v1's first form. */
  assumptions: string[];
  /** What was read but not analyzed: documents that are not Kubernetes objects, objects by kind. Added after v1's first form. */
  skipped: SkippedJson;
  /** Pods reachable from outside the cluster through Services and routes. Added after v1's first form. */
  exposures: ExposureJson[];
  /** The CNI the input was analyzed for (--cni); netreach always writes it. Added after v1's first form (optional for documents made by hand). */
  cni?: CniJson;
}

/**
 * `kind`: what the analysis took the cluster's CNI to be: "cilium" (Cilium's policies and its pod
 * labels apply) or "generic" (Kubernetes NetworkPolicy and the admin tiers only). `choice`: as
 * given, "auto" meaning Cilium exactly when the input holds a CiliumNetworkPolicy or
 * CiliumClusterwideNetworkPolicy. `cluster`: Cilium only, the cluster name every pod carries as
 * label io.cilium.k8s.policy.cluster.
 */
export interface CniJson {
  kind: "cilium" | "generic";
  choice: "auto" | "cilium" | "generic";
  cluster?: string;
}

/**
 * `reach --format json --group`: the same document with `classes` and `groups` in place of
 * `flows` (added after v1's first form; plain `--format json` is unchanged). Every pair of an
 * endpoint of a group's source class and one of its destination class, except a declared workload
 * to itself, is allowed the group's `conn`, and each allowed pair is in exactly one group. The
 * ingress controller's flows are in no group: they are its `exposures`.
 */
export type ReachGroupedJson = Omit<ReachJson, "flows"> & {
  classes: ClassJson[];
  groups: GroupJson[];
  /** How many flows (pairs) the groups stand for, the ingress controller's left out. */
  pairs: number;
};

/** Endpoints the policies cannot tell apart: the pods of one pod class, or one external address class. */
export interface ClassJson {
  /** "c1", "c2", ...: named only within this document. */
  id: string;
  /** Endpoint ids (`endpoints[].id`), sorted. */
  endpoints: string[];
}

export interface GroupJson {
  /** Class ids. Never external on both sides. */
  src: string[];
  dst: string[];
  conn: string;
  /** How many pairs the group stands for. */
  pairs: number;
}

export interface SkippedJson {
  documents: number;
  kinds: Record<string, number>;
}
