// The JSON report of a run with several targets: today's fields over all targets (each change,
// violation, diagnostic and workload naming its target), plus `targets`.
import type { DiagnosticJson } from "../report/reach-json.js";
import type { DiffJson, TargetJson, TargetSideJson } from "../report/diff-json.js";
import type { ChangeGroupJson } from "../report/diff-json.js";
import { diffJsonLazy, reasonJson } from "./diff-json.js";
import { changeGroupsJson, ChangeSets, isGrouped, LISTED_WHEN_GROUPED, type DiffJsonOptions } from "./diff-json-groups.js";
import { jsonChunks, jsonConcat, type JsonList } from "./json-chunks.js";
import { diagnosticJson, skippedJson } from "./reach-json.js";
import { isChanged, type TargetOutcome, type TargetSide } from "./target-outcome.js";

/**
 * The text of `JSON.stringify(targetsDiffJson(outcomes, options), null, 2) + "\n"`, in pieces (no
 * string of the whole report, no list of every target's changes: each is made as it is written).
 * Past CHANGE_LIST_LIMIT changed pairs over all targets, or with `group`, grouped as one target's
 * report is (diff-json-groups.ts), each group naming its target.
 */
export function* targetsJsonChunks(outcomes: readonly TargetOutcome[], options: DiffJsonOptions = {}): Generator<string> {
  yield* jsonChunks(targetsJsonLazy(outcomes, options));
  yield "\n";
}

/** The whole document as one value (for tools and tests). */
export function targetsDiffJson(outcomes: readonly TargetOutcome[], options: DiffJsonOptions = {}): DiffJson {
  return JSON.parse([...targetsJsonChunks(outcomes, options)].join("")) as DiffJson;
}

function targetsJsonLazy(outcomes: readonly TargetOutcome[], options: DiffJsonOptions): Record<string, unknown> {
  const reports = outcomes.flatMap((t) => (t.report === undefined ? [] : [t.report]));
  const grouped = isGrouped(reports, options);
  const sets = new ChangeSets();
  const endpoints: DiffJson["endpoints"] = [];
  const changes: JsonList[] = [];
  const violations: JsonList[] = [];
  const gate = { passed: true, failOn: [] as string[] };
  const diagnostics: DiagnosticJson[] = [];
  const assumptions: string[] = [];
  const workloads: DiffJson["workloads"] = [];
  const exposures: DiffJson["exposures"] = [];
  const groups: ChangeGroupJson[] = [];
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  let documents = 0;
  let total = 0;
  let totalViolations = 0;
  let listed = 0;
  let listedViolations = 0;
  for (const t of outcomes) {
    const tag = { target: t.name };
    if (t.failure !== undefined) diagnostics.push({ ...diagnosticJson(t.failure), ...tag } as DiagnosticJson);
    if (t.report !== undefined) {
      // The grouped form lists the first pairs of all targets together: what is left of the budget.
      const r = grouped
        ? { ...t.report, changes: t.report.changes.slice(0, LISTED_WHEN_GROUPED - listed), gate: { ...t.report.gate, violations: t.report.gate.violations.slice(0, LISTED_WHEN_GROUPED - listedViolations) } }
        : t.report;
      const j = diffJsonLazy(r, false, sets, tag) as { endpoints: DiffJson["endpoints"]; changes: JsonList; gate: { passed: boolean; failOn: string[]; violations: JsonList } } & Pick<DiffJson, "diagnostics" | "assumptions" | "skipped" | "workloads" | "exposures">;
      for (const e of j.endpoints) if (!seen.has(e.id)) (seen.add(e.id), endpoints.push(e));
      changes.push(j.changes);
      violations.push(j.gate.violations);
      total += t.report.changes.length;
      totalViolations += t.report.gate.violations.length;
      listed += r.changes.length;
      listedViolations += r.gate.violations.length;
      if (grouped) for (const g of changeGroupsJson(t.report, sets, reasonJson)) groups.push({ ...tag, ...g });
      gate.passed &&= j.gate.passed;
      for (const rule of j.gate.failOn) if (!gate.failOn.includes(rule)) gate.failOn.push(rule);
      for (const d of j.diagnostics) diagnostics.push({ ...d, ...tag });
      for (const a of j.assumptions) assumptions.push(`${t.name}: ${a}`);
      documents += j.skipped.documents;
      for (const [k, n] of Object.entries(j.skipped.kinds)) kinds.set(k, (kinds.get(k) ?? 0) + n);
      for (const w of j.workloads) workloads.push({ ...w, ...tag });
      for (const e of j.exposures) exposures.push({ ...e, ...tag });
    }
  }
  const listedGate = { ...gate, violations: jsonConcat(violations) };
  return {
    schema: "netreach.diff/v1",
    endpoints,
    changes: jsonConcat(changes),
    ...(grouped ? { changesTruncated: { total, listed }, changeSets: sets.json(endpoints.map((e) => e.id)), changeGroups: groups } : {}),
    gate: grouped ? { ...listedGate, violationsTruncated: { total: totalViolations, listed: listedViolations } } : listedGate,
    diagnostics,
    assumptions,
    skipped: skippedJson({ documents, kinds }),
    workloads,
    exposures,
    targets: outcomes.map(targetJson),
  };
}

function targetJson(t: TargetOutcome): TargetJson {
  const r = t.report;
  return {
    name: t.name,
    kind: t.kind,
    source: t.built,
    path: t.path,
    values: [...t.values],
    release: t.release ?? null,
    namespace: t.namespace ?? null,
    origin: t.origin,
    definedIn: t.definedIn ? { ...t.definedIn } : null,
    status: t.failure !== undefined ? "failed" : isChanged(t) ? "changed" : "unchanged",
    opened: r ? r.changes.filter((c) => !c.opened.isEmpty).length : 0,
    closed: r ? r.changes.filter((c) => !c.closed.isEmpty).length : 0,
    changed: r ? r.changes.length : 0,
    gate: r ? { passed: r.gate.passed, failOn: [...r.gateConfig.failOn], violations: r.gate.violations.length } : null,
    base: sideJson(t.base),
    head: sideJson(t.head),
    error: t.failure?.message ?? null,
  };
}

function sideJson(s: TargetSide): TargetSideJson {
  return { tool: s.tool ?? null, absent: s.absent ?? false, reused: s.reused ?? false, ms: s.ms };
}
