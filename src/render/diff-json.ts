import { assertionDiffJson } from "./assertion-json.js";
import type { DiffReport } from "../analyze.js";
import type { Change, Reason } from "../diff/change.js";
import { describeViolation } from "../gate/describe.js";
import type { ChangeJson, DiffJson, ReasonJson, ViolationJson } from "../report/diff-json.js";
import type { Violation } from "../gate/gate.js";
import { jsonChunks, jsonList } from "./json-chunks.js";
import { changeGroupsJson, ChangeSets, isGrouped, LISTED_WHEN_GROUPED, type DiffJsonOptions } from "./diff-json-groups.js";
import { cniJson, diagnosticJson, endpointJson, l7Json, skippedJson, viaJson } from "./reach-json.js";
import { clusterWideChanges } from "./cluster-wide.js";
import { reportCounts } from "./flow-counts.js";

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
    ...(c.l7 === undefined ? {} : { l7: { base: c.l7.base === null ? null : l7Json(c.l7.base), head: c.l7.head === null ? null : l7Json(c.l7.head) } }),
  };
}

/** Admin-tier reasons add the policy's kind, tier and priority and the rule's action and name. */
export function reasonJson({ admin, said, ...r }: Reason): ReasonJson {
  // A Cilium deny rule's place is "ingressDeny[0]" / "specs[1].egressDeny[2]": its action is Deny, whichever side names it.
  if (r.kind !== undefined) return { ...r, ...(r.rule?.includes("Deny[") ? { action: "Deny" as const } : {}), ...(said === undefined ? {} : { said }) };
  if (admin === undefined) return { ...r };
  return { ...r, kind: admin.kind, tier: admin.tier, priority: admin.priority, action: admin.action, ruleName: admin.ruleName };
}

interface Missed {
  readonly missed: true;
  readonly json: ViolationJson;
}

/** Rule `unanalyzed`'s violation for a changed file nothing reads (`reader`: "no analysis", "no target"). */
export function unreadFileViolation(file: string, reader: string): ViolationJson {
  return { rule: "unanalyzed", src: "", dst: "", conn: "", message: `changed ${file}: ${reader} reads this file`, file, line: 1 };
}

/** Rule `unanalyzed`'s violations: an object (named in `src`) or a file (in `file`); no pair, no connections. */
function missedViolations(r: DiffReport): Missed[] {
  const u = r.gate.unanalyzed;
  const id = (o: (typeof u.objects)[number]) => `${o.kind} ${o.namespace !== undefined ? `${o.namespace}/` : ""}${o.name}`;
  return [
    ...u.objects.map((o): Missed => ({ missed: true, json: { rule: "unanalyzed", src: id(o), dst: "", conn: "", message: `${o.change} ${id(o)} is not analyzed: ${o.why}`, file: o.file, line: o.line } })),
    ...u.files.map((f): Missed => ({ missed: true, json: unreadFileViolation(f, "no analysis") })),
  ];
}

/** The gate's violations: the flows' and exposures' (`listed` of them), then rule `unanalyzed`'s. */
function allViolations(r: DiffReport, listed: readonly Violation[], maxAssertionPairs = Infinity): readonly (Violation | Missed)[] {
  const missed = [...assertionViolations(r, maxAssertionPairs), ...missedViolations(r)];
  return missed.length === 0 ? listed : [...listed, ...missed];
}

/**
 * Rule `assertions`'s violations: each pair that fails the gate, at the assertion's line. A grouped
 * report lists the first `max` (the `assertions` array has every pair).
 */
function assertionViolations(r: DiffReport, max: number): Missed[] {
  let left = max;
  return (r.gate.assertions ?? []).flatMap((f) => {
    const a = f.diff.assertion;
    const shown = f.violations.slice(0, Math.max(0, left));
    left -= shown.length;
    return shown.map((v): Missed => ({
      missed: true,
      json: { rule: "assertions", src: v.src, dst: v.dst, conn: v.conn.toString(), message: `assertion ${a.name} ${v.isNew ? "broken" : "(strict) still broken"}: ${v.src} -> ${v.dst} ${v.conn.toString()}`, file: a.source.file, line: a.source.line, assertion: a.name },
    }));
  });
}

const anyViolationJson = (v: Violation | Missed): ViolationJson => ("missed" in v ? v.json : violationJson(v));

function violationJson(v: Violation): ViolationJson {
  return { rule: v.rule, src: v.change.src.id, dst: v.change.dst.id, conn: v.conn.toString(), message: describeViolation(v) };
}

/**
 * The text of `JSON.stringify(diffJson(r, options), null, 2) + "\n"`, in pieces: the changes and
 * the violations (a million of each in a large diff) are made one by one as they are written.
 */
export function* diffJsonChunks(r: DiffReport, options: DiffJsonOptions = {}): Generator<string> {
  yield* jsonChunks(diffJsonLazy(r, isGrouped([r], options)));
  yield "\n";
}

/**
 * The document with its long lists (changes, violations) made as they are written. Grouped: the
 * first pairs and violations, their totals, and every pair in groups (diff-json-groups.ts).
 */
export function diffJsonLazy(r: DiffReport, grouped: boolean, sets = new ChangeSets(), tag?: { target: string }): Record<string, unknown> {
  const rest = diffJson({ ...r, changes: [], gate: { ...r.gate, violations: [] } }, { group: false });
  const tagged = <T>(f: (x: T) => object) => (tag === undefined ? f : (x: T) => ({ ...f(x), ...tag }));
  const { schema, endpoints, changes: _none, gate, ...tail } = rest;
  if (!grouped) {
    // Same keys in the same places: the lists take the empty ones' places.
    return { schema, endpoints, changes: jsonList(r.changes, tagged(changeJson)), gate: { ...gate, violations: jsonList(allViolations(r, r.gate.violations), tagged(anyViolationJson)) }, ...tail, counts: { ...reportCounts(r) } };
  }
  const changes = r.changes.slice(0, LISTED_WHEN_GROUPED);
  const violations = r.gate.violations.slice(0, LISTED_WHEN_GROUPED);
  const groups = changeGroupsJson(r, sets, reasonJson);
  return {
    schema,
    endpoints,
    changes: jsonList(changes, tagged(changeJson)),
    changesTruncated: { total: r.changes.length, listed: changes.length },
    changeSets: sets.json(endpoints.map((e) => e.id)),
    changeGroups: tag === undefined ? groups : groups.map((g) => ({ ...tag, ...g })),
    gate: { ...gate, violations: jsonList(allViolations(r, violations, LISTED_WHEN_GROUPED), tagged(anyViolationJson)), violationsTruncated: { total: r.gate.violations.length, listed: violations.length } },
    ...tail,
    // Of the whole report: `rest` was made of an emptied copy, `changes` lists only the first pairs.
    counts: { ...reportCounts(r) },
  };
}

/**
 * The whole document as one value (for tools and tests): what `diffJsonChunks` writes. A diff of
 * more changed pairs than `CHANGE_LIST_LIMIT`, or `group`, gives the grouped form.
 */
export function diffJson(r: DiffReport, options: DiffJsonOptions = {}): DiffJson {
  if (isGrouped([r], options)) return JSON.parse([...jsonChunks(diffJsonLazy(r, true))].join("")) as DiffJson;
  return {
    schema: "netreach.diff/v1",
    endpoints: r.endpoints.map(endpointJson),
    changes: r.changes.map(changeJson),
    gate: {
      passed: r.gate.passed,
      status: r.gate.passed ? "passed" : "failed",
      failOn: [...r.gateConfig.failOn],
      violations: allViolations(r, r.gate.violations).map(anyViolationJson),
    },
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
    ...(r.cni !== undefined ? { cni: cniJson(r.cni) } : {}),
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
      // Public before and after through the other source: not newly exposed, not lost.
      moved: e.moved === undefined ? null : { conn: e.moved.conn.toString(), public: e.moved.public.toString(), via: { base: e.moved.via.base.map(viaJson), head: e.moved.via.head.map(viaJson) } },
    })),
    stopsWorking: {
      services: (r.serviceBreakages ?? []).map((s) => ({
        service: s.service.id,
        port: s.port.port,
        protocol: s.port.protocol,
        portName: s.port.name ?? null,
        file: s.port.source.file,
        line: s.port.source.line,
        cause: s.cause.kind,
        targetPort: s.cause.kind === "target-port" ? s.cause.name : null,
        before: [...s.before],
        routes: s.routes.map((x) => ({ kind: x.kind, id: x.id })),
      })),
      cutOff: (r.cutOff ?? []).map((c) => ({ workload: c.workload, direction: c.direction, policies: [...c.policies], ...(c.denies !== undefined ? { denies: c.denies.map(reasonJson) } : {}) })),
      routes: (r.routeBreakages ?? []).map((b) => ({
        kind: b.route.kind,
        route: b.route.id,
        file: b.at.file,
        line: b.at.line,
        service: b.service,
        port: b.port.kind === "service-port" || b.port.kind === "target-port" ? b.port.port : b.port.kind === "service-port-name" ? b.port.name : null,
        cause: b.cause,
        was: { file: b.was.file, line: b.was.line },
      })),
    },
    unanalyzed: {
      objects: r.unanalyzed.objects.map((o) => ({ change: o.change, apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace ?? null, name: o.name, file: o.file, line: o.line, why: o.why })),
      files: [...r.unanalyzed.files],
    },
    ...(r.assertions.length > 0 ? { assertions: r.assertions.map(assertionDiffJson) } : {}),
    ...((r.l7Changes ?? []).length > 0 ? { l7Changes: r.l7Changes!.map((c) => ({ src: c.src.id, dst: c.dst.id, conn: c.conn.toString(), base: c.base && l7Json(c.base), head: c.head && l7Json(c.head) })) } : {}),
    // What the comment shows beside the flows: the author's edits to a rendered target's inputs, and the cluster-wide flag.
    inputChanges: (r.inputChanges ?? []).map((c) => ({ file: c.file, status: c.status, patch: c.patch })),
    clusterWide: clusterWideChanges(r).map((c) => ({ ...c })),
    counts: { ...reportCounts(r) },
  };
}
