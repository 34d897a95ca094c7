import { reach, type AnalyzeOptions, type ReachReport } from "../analyze.js";
import type { SourceFile } from "../load/object/source.js";
import type { Diagnostic } from "../load/object/diagnostic.js";
import type { Endpoint } from "../model/endpoint.js";
import type { Loaded } from "../load/load-sources.js";
import type { Carried } from "../exposure/table.js";
import { memo } from "./memo.js";
import type { ConnSet } from "../net/conn-set.js";
import type { ClassView } from "../reach/class-view.js";
import type { CniDecision } from "../load/cni-decision.js";
import type { ClassJson, CniJson, DiagnosticJson, EndpointJson, GroupJson, L7Json, ReachGroupedJson, ReachJson, SkippedJson, ViaJson } from "../report/reach-json.js";
import type { L7Part } from "../reach/l7.js";
import { ciliumKind, policyName, rulePath } from "../model/policy-names.js";

export function endpointJson(e: Endpoint): EndpointJson {
  switch (e.type) {
    case "workload":
      return { id: e.id, type: "workload", namespace: e.pod.namespace, name: e.pod.name, kind: e.pod.kind, ...(e.pod.pods ? { pods: [...e.pod.pods] } : {}) };
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

/**
 * The same document as `reachJson`, as text in pieces: one flow per line, written as the flows are
 * generated, so that 10^8 flows never have to fit in memory.
 */
export function* reachJsonChunks(r: ReachReport): Generator<string> {
  const head = JSON.stringify(reachJsonWithout(r), null, 2);
  yield head.slice(0, -2) + ',\n  "flows": [';
  // Each id's JSON once: what JSON.stringify({src, dst, conn}) gives, without a million objects.
  const quoted = memo((id: string) => JSON.stringify(id));
  const connJson = memo((c: ConnSet) => JSON.stringify(c.toString()));
  let sep = "";
  let src: Endpoint | undefined;
  let srcJson = "";
  for (const f of r.flows) {
    if (f.src !== src) srcJson = `{"src":${quoted((src = f.src).id)},"dst":`;
    yield `${sep}\n    ${srcJson}${quoted(f.dst.id)},"conn":${connJson(f.conn)}${f.l7 === undefined ? "" : `,"l7":${JSON.stringify(l7Json(f.l7))}`}}`;
    sep = ",";
  }
  yield `${sep === "" ? "" : "\n  "}]\n}\n`;
}

/** `reach --format json --group`: classes and groups instead of flows, one per line. */
export function* reachGroupedJsonChunks(r: ReachReport): Generator<string> {
  const view = r.classes();
  const head = JSON.stringify(reachJsonWithout(r), null, 2);
  yield head.slice(0, -2) + ',\n  "classes": [';
  const json = reachGroupedParts(view);
  yield* json.classes.map((c, i) => `${i === 0 ? "" : ","}\n    ${JSON.stringify(c)}`);
  yield `${json.classes.length === 0 ? "" : "\n  "}],\n  "groups": [`;
  yield* json.groups.map((g, i) => `${i === 0 ? "" : ","}\n    ${JSON.stringify(g)}`);
  yield `${json.groups.length === 0 ? "" : "\n  "}],\n  "pairs": ${view.pairs}\n}\n`;
}

/** The grouped document as one value (for tools and tests). */
export function reachGroupedJson(r: ReachReport): ReachGroupedJson {
  const view = r.classes();
  return { ...reachJsonWithout(r), ...reachGroupedParts(view), pairs: view.pairs };
}

function reachGroupedParts(view: ClassView): { classes: ClassJson[]; groups: GroupJson[] } {
  const id = (i: number) => `c${i + 1}`;
  return {
    classes: view.classes.map((c, i) => ({ id: id(i), endpoints: c.endpoints.map((e) => e.id) })),
    groups: view.groups.map((g) => ({ src: g.src.map(id), dst: g.dst.map(id), conn: g.conn.toString(), pairs: g.pairs })),
  };
}

/** Files in, the reach JSON document out (for tools and tests). */
export function analyzeReach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachJson {
  return reachJson(reach(files, options));
}

/** The whole document in memory: for tools and tests on clusters of a size to hold every flow. */
export function reachJson(r: ReachReport): ReachJson {
  const { schema, endpoints, ...rest } = reachJsonWithout(r);
  return { schema, endpoints, flows: Array.from(r.flows, (f) => ({ src: f.src.id, dst: f.dst.id, conn: f.conn.toString(), ...(f.l7 === undefined ? {} : { l7: l7Json(f.l7) }) })), ...rest };
}

/** Everything but the flows. */
function reachJsonWithout(r: ReachReport): Omit<ReachJson, "flows"> {
  return {
    schema: "netreach.reach/v1",
    endpoints: r.endpoints.map(endpointJson),
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
    skipped: skippedJson(r.skipped),
    exposures: r.exposures.map((e) => ({ dst: e.dst.id, source: e.source, src: e.src.id, conn: e.conn.toString(), via: e.via.map(viaJson) })),
    cni: cniJson(r.cni),
  };
}

export function cniJson(d: CniDecision): CniJson {
  return d.cni.kind === "cilium" ? { kind: "cilium", choice: d.choice, cluster: d.cni.cluster } : { kind: "generic", choice: d.choice };
}

export function viaJson(c: Carried): ViaJson {
  return { chain: c.chain.map((h) => ({ kind: h.kind, namespace: h.namespace, name: h.name, detail: h.detail, file: h.at.file, line: h.at.line, ...(h.edit ? { edit: h.edit.kind } : {}) })), conn: c.conn.toString() };
}

/** A flow's L7-filtered part: its ports and the rules whose filters apply, at their lines. */
export function l7Json(p: L7Part): L7Json {
  return {
    conn: p.conn.toString(),
    by: p.by.map((b) => ({
      policy: policyName(b.policy),
      kind: ciliumKind(b.policy) ?? "CiliumNetworkPolicy",
      rule: rulePath(b.rule),
      direction: b.rule.direction,
      file: b.rule.source.file,
      line: b.rule.source.line,
      filters: b.filters.map((f) => f.said),
    })),
  };
}
