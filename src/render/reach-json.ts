import type { ReachReport } from "../analyze.js";
import type { Diagnostic } from "../load/diagnostic.js";
import type { Endpoint } from "../model/endpoint.js";
import type { DiagnosticJson, EndpointJson, ReachJson } from "../report/reach-json.js";

export function endpointJson(e: Endpoint): EndpointJson {
  switch (e.type) {
    case "workload":
      return { id: e.id, type: "workload", namespace: e.pod.namespace, name: e.pod.name, kind: e.pod.kind };
    case "synthetic":
      return { id: e.id, type: "synthetic", namespace: e.pod.namespace, labels: { ...e.labels } };
    case "external":
      return { id: e.id, type: "external", cidrs: [...e.cidrs] };
  }
}

export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return { severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message };
}

export function reachJson(r: ReachReport): ReachJson {
  return {
    schema: "netreach.reach/v1",
    endpoints: r.endpoints.map(endpointJson),
    flows: r.flows.map((f) => ({ src: f.src.id, dst: f.dst.id, conn: f.conn.toString() })),
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
  };
}
