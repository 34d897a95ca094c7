// The `netreach reach --format json` document (DESIGN section 6). Other programs parse it:
// change only by adding fields.

export type EndpointJson =
  | { id: string; type: "workload"; namespace: string; name: string; kind: string }
  | { id: string; type: "synthetic"; namespace: string; labels: Record<string, string> }
  | { id: string; type: "external"; cidrs: string[] }
  /** Added after v1's first form. namespace and labels only when --ingress-controller names it. */
  | { id: "{ingress-controller}"; type: "ingress-controller"; namespace?: string; labels?: Record<string, string> };

export interface FlowJson {
  src: string;
  dst: string;
  /** Canonical connection string, e.g. "TCP 80,8080-8090,UDP 53" or "All Connections". */
  conn: string;
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
}

export interface SkippedJson {
  documents: number;
  kinds: Record<string, number>;
}
