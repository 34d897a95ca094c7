import type { DiffReport } from "../analyze.js";
import type { Change, Reason } from "../diff/change.js";
import { describeViolation } from "../gate/describe.js";
import type { ChangeJson, DiffJson, ReasonJson, ViolationJson } from "../report/diff-json.js";
import type { Violation } from "../gate/gate.js";
import { jsonChunks, jsonList } from "./json-chunks.js";
import { diagnosticJson, endpointJson, skippedJson, viaJson } from "./reach-json.js";

export function changeJson(c: Change): ChangeJson {
  return {
    type: c.type,
    src: c.src.id,
    dst: c.dst.id,
    base: c.base.toString(),
    head: c.head.toString(),
    opened: c.opened.toString(),
    closed: c.closed.toString(),
    endpoint: c.endpoint,
    why: c.why.map(reasonJson),
  };
}

/** Admin-tier reasons add the policy's kind, tier and priority and the rule's action and name. */
function reasonJson({ admin, ...r }: Reason): ReasonJson {
  if (admin === undefined) return { ...r };
  return { ...r, kind: admin.kind, tier: admin.tier, priority: admin.priority, action: admin.action, ruleName: admin.ruleName };
}

interface Missed {
  readonly missed: true;
  readonly json: ViolationJson;
}

/** Rule `unanalyzed`'s violations: an object (named in `src`) or a file (in `file`); no pair, no connections. */
function missedViolations(r: DiffReport): Missed[] {
  const u = r.gate.unanalyzed;
  return [
    ...u.objects.map((o): Missed => ({
      missed: true,
      json: { rule: "unanalyzed", src: `${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ""}${o.name}`, dst: "", conn: "", message: `${o.change} ${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ""}${o.name} is not analyzed: ${o.why}`, file: o.file, line: o.line },
    })),
    ...u.files.map((f): Missed => ({ missed: true, json: { rule: "unanalyzed", src: "", dst: "", conn: "", message: `changed ${f}: no analysis reads this file`, file: f, line: 1 } })),
  ];
}

function violationJson(v: Violation): ViolationJson {
  return { rule: v.rule, src: v.change.src.id, dst: v.change.dst.id, conn: v.conn.toString(), message: describeViolation(v) };
}

/**
 * The text of `JSON.stringify(diffJson(r), null, 2) + "\n"`, in pieces: the changes and the
 * violations (a million of each in a large diff) are made one by one as they are written.
 */
export function* diffJsonChunks(r: DiffReport): Generator<string> {
  const rest = diffJson({ ...r, changes: [], gate: { ...r.gate, violations: [] } });
  // Same keys in the same places: spreading keeps the order, the lists take the empty ones' places.
  const violations: readonly (Violation | Missed)[] = missedViolations(r).length === 0 ? r.gate.violations : [...r.gate.violations, ...missedViolations(r)];
  yield* jsonChunks({ ...rest, changes: jsonList(r.changes, changeJson), gate: { ...rest.gate, violations: jsonList(violations, (v) => ("missed" in v ? v.json : violationJson(v))) } });
  yield "\n";
}

export function diffJson(r: DiffReport): DiffJson {
  return {
    schema: "netreach.diff/v1",
    endpoints: r.endpoints.map(endpointJson),
    changes: r.changes.map(changeJson),
    gate: {
      passed: r.gate.passed,
      status: r.gate.passed ? "passed" : "failed",
      failOn: [...r.gateConfig.failOn],
      violations: [...r.gate.violations.map(violationJson), ...missedViolations(r).map((m) => m.json)],
    },
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
    skipped: skippedJson(r.skipped),
    workloads: r.workloadChanges.map((w) => ({
      id: w.workload.id,
      change: w.change,
      ingress: w.ingress,
      egress: w.egress,
      dns: w.dns,
      file: w.workload.pod.source.file,
      line: w.workload.pod.source.line,
    })),
    exposures: r.exposureChanges.map((e) => ({
      ...changeJson(e),
      source: e.source,
      via: { base: e.via.base.map(viaJson), head: e.via.head.map(viaJson) },
      isolated: { base: e.isolated.base ?? null, head: e.isolated.head ?? null },
    })),
    unanalyzed: {
      objects: r.unanalyzed.objects.map((o) => ({ change: o.change, apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace ?? null, name: o.name, file: o.file, line: o.line, why: o.why })),
      files: [...r.unanalyzed.files],
    },
  };
}
