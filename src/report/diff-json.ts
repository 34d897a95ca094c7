// The `netreach diff --format json` document (DESIGN section 6). Other programs parse it:
// change only by adding fields.
import type { DiagnosticJson, EndpointJson, SkippedJson, ViaJson } from "./reach-json.js";

export interface ReasonJson {
  side: "base" | "head";
  policy: string;
  rule: string | null;
  direction: "ingress" | "egress";
  file: string;
  line: number;
  effect: "allows" | "isolates" | "denies" | "passes";
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
}

export interface ViolationJson {
  rule: string;
  src: string;
  dst: string;
  conn: string;
  message: string;
}

export interface DiffJson {
  schema: "netreach.diff/v1";
  endpoints: EndpointJson[];
  changes: ChangeJson[];
  gate: { passed: boolean; failOn: string[]; violations: ViolationJson[] };
  diagnostics: DiagnosticJson[];
  /** What the answer rests on. Added after v1's first form. */
  assumptions: string[];
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
