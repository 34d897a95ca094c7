import type { ReachReport } from "../analyze.js";
import type { Diagnostic } from "../load/diagnostic.js";
import type { Endpoint } from "../model/endpoint.js";
import type { Loaded } from "../load/load-sources.js";
import type { Carried } from "../exposure/table.js";
import type { DiagnosticJson, EndpointJson, ReachJson, SkippedJson, ViaJson } from "../report/reach-json.js";

export function endpointJson(e: Endpoint): EndpointJson {
  switch (e.type) {
    case "workload":
      return { id: e.id, type: "workload", namespace: e.pod.namespace, name: e.pod.name, kind: e.pod.kind };
    case "synthetic":
      return { id: e.id, type: "synthetic", namespace: e.pod.namespace, labels: { ...e.labels } };
    case "external":
      return { id: e.id, type: "external", cidrs: [...e.cidrs] };
    case "ingress-controller":
      return e.controller.named ? { id: e.id, type: "ingress-controller", namespace: e.controller.namespace, labels: { ...e.controller.labels } } : { id: e.id, type: "ingress-controller" };
  }
}

export function diagnosticJson(d: Diagnostic): DiagnosticJson {
  return { severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message };
}

export function skippedJson(s: Loaded["skipped"]): SkippedJson {
  return { documents: s.documents, kinds: Object.fromEntries([...s.kinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** "3 documents that are not Kubernetes objects; 5 objects of kinds not analyzed (ConfigMap 2, Service 3)" or "". */
export function describeSkipped(s: Loaded["skipped"]): string {
  const parts: string[] = [];
  if (s.documents > 0) parts.push(`${s.documents} document${s.documents === 1 ? "" : "s"} that ${s.documents === 1 ? "is" : "are"} not a Kubernetes object`);
  const total = [...s.kinds.values()].reduce((a, b) => a + b, 0);
  if (total > 0) {
    const kinds = [...s.kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`);
    parts.push(`${total} object${total === 1 ? "" : "s"} of kinds not analyzed (${kinds.join(", ")})`);
  }
  return parts.join("; ");
}

/**
 * The same document as `reachJson`, as text in pieces: one flow per line, so that millions of
 * flows never have to fit in one string.
 */
export function* reachJsonChunks(r: ReachReport): Generator<string> {
  const { flows, ...rest } = reachJson({ ...r, flows: [] });
  void flows;
  const head = JSON.stringify(rest, null, 2);
  yield head.slice(0, -2) + ',\n  "flows": [';
  let first = true;
  for (const f of r.flows) {
    yield `${first ? "" : ","}\n    ${JSON.stringify({ src: f.src.id, dst: f.dst.id, conn: f.conn.toString() })}`;
    first = false;
  }
  yield `${first ? "" : "\n  "}]\n}\n`;
}

export function reachJson(r: ReachReport): ReachJson {
  return {
    schema: "netreach.reach/v1",
    endpoints: r.endpoints.map(endpointJson),
    flows: r.flows.map((f) => ({ src: f.src.id, dst: f.dst.id, conn: f.conn.toString() })),
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
    skipped: skippedJson(r.skipped),
    exposures: r.exposures.map((e) => ({ dst: e.dst.id, source: e.source, src: e.src.id, conn: e.conn.toString(), via: e.via.map(viaJson) })),
  };
}

export function viaJson(c: Carried): ViaJson {
  return { chain: c.chain.map((h) => ({ kind: h.kind, namespace: h.namespace, name: h.name, detail: h.detail, file: h.at.file, line: h.at.line })), conn: c.conn.toString() };
}
