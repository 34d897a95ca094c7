// The JSON report of a run with several targets: today's fields over all targets (each change,
// violation, diagnostic and workload naming its target), plus `targets`.
import type { DiagnosticJson } from "../report/reach-json.js";
import type { CountsJson, DiffJson, TargetJson, TargetSideJson } from "../report/diff-json.js";
import type { ChangeGroupJson } from "../report/diff-json.js";
import { diffJsonLazy, reasonJson, unreadFileViolation } from "./diff-json.js";
import { changeGroupsJson, ChangeSets, isGrouped, LISTED_WHEN_GROUPED, type DiffJsonOptions } from "./diff-json-groups.js";
import { jsonChunks, jsonConcat, jsonList, type JsonList } from "./json-chunks.js";
import { cniJson, diagnosticJson, skippedJson } from "./reach-json.js";
import { noteText, type ConfigReview } from "./config-review.js";
import type { UnreadFiles } from "./targets-md.js";
import { groupChanges } from "./group.js";
import { reportCounts } from "./flow-counts.js";
import { isChanged, type TargetOutcome, type TargetSide } from "./target-outcome.js";

export interface TargetsJsonOptions extends DiffJsonOptions {
  /** What the pull request did to `.netreach.yaml`, when there is one. */
  readonly config?: ConfigReview;
  /** Changed files no target reads; `fails` when the run's rule `unanalyzed` is on. */
  readonly unread?: UnreadFiles;
  /** A shard's report (--shard): which shard, and what `netreach merge` needs (targets/shard-report.ts). */
  readonly shard?: unknown;
}

/**
 * The text of `JSON.stringify(targetsDiffJson(outcomes, options), null, 2) + "\n"`, in pieces (no
 * string of the whole report, no list of every target's changes: each is made as it is written).
 * Past CHANGE_LIST_LIMIT changed pairs over all targets, or with `group`, grouped as one target's
 * report is (diff-json-groups.ts), each group naming its target.
 */
export function* targetsJsonChunks(outcomes: readonly TargetOutcome[], options: TargetsJsonOptions = {}): Generator<string> {
  yield* jsonChunks(targetsJsonLazy(outcomes, options));
  yield "\n";
}

/** The whole document as one value (for tools and tests). */
export function targetsDiffJson(outcomes: readonly TargetOutcome[], options: TargetsJsonOptions = {}): DiffJson {
  return JSON.parse([...targetsJsonChunks(outcomes, options)].join("")) as DiffJson;
}

function targetsJsonLazy(outcomes: readonly TargetOutcome[], options: TargetsJsonOptions): Record<string, unknown> {
  const reports = outcomes.flatMap((t) => (t.report === undefined ? [] : [t.report]));
  const grouped = isGrouped(reports, options);
  const sets = new ChangeSets();
  const endpoints: DiffJson["endpoints"] = [];
  const changes: JsonList[] = [];
  const violations: JsonList[] = [];
  const gate = { passed: true, status: "passed" as "passed" | "failed" | "error", failOn: [] as string[] };
  const unanalyzed: DiffJson["unanalyzed"] = { objects: [], files: [] };
  const diagnostics: DiagnosticJson[] = [];
  const assumptions: string[] = [];
  const workloads: DiffJson["workloads"] = [];
  const exposures: DiffJson["exposures"] = [];
  const assertions: NonNullable<DiffJson["assertions"]> = [];
    const stopsWorking: NonNullable<DiffJson["stopsWorking"]> & { routes: NonNullable<NonNullable<DiffJson["stopsWorking"]>["routes"]> } = { services: [], cutOff: [], routes: [] };
  const inputChanges: NonNullable<DiffJson["inputChanges"]> = [];
  const clusterWide: NonNullable<DiffJson["clusterWide"]> = [];
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
    if (t.failure !== undefined) {
      diagnostics.push({ ...diagnosticJson(t.failure), ...tag } as DiagnosticJson);
      // Not analyzed is never a pass (DESIGN section 4b).
      gate.passed = false;
      gate.status = "error";
    }
    if (t.report !== undefined) {
      // The grouped form lists the first pairs of all targets together: what is left of the budget.
      const r = grouped
        ? { ...t.report, changes: t.report.changes.slice(0, LISTED_WHEN_GROUPED - listed), gate: { ...t.report.gate, violations: t.report.gate.violations.slice(0, LISTED_WHEN_GROUPED - listedViolations) } }
        : t.report;
      const j = diffJsonLazy(r, false, sets, tag) as { endpoints: DiffJson["endpoints"]; changes: JsonList; gate: { passed: boolean; failOn: string[]; violations: JsonList } } & Pick<DiffJson, "diagnostics" | "assumptions" | "skipped" | "workloads" | "exposures" | "unanalyzed" | "stopsWorking" | "inputChanges" | "clusterWide" | "assertions">;
      for (const e of j.endpoints) if (!seen.has(e.id)) (seen.add(e.id), endpoints.push(e));
      changes.push(j.changes);
      violations.push(j.gate.violations);
      total += t.report.changes.length;
      totalViolations += t.report.gate.violations.length;
      listed += r.changes.length;
      listedViolations += r.gate.violations.length;
      if (grouped) for (const g of changeGroupsJson(t.report, sets, reasonJson)) groups.push({ ...tag, ...g });
      gate.passed &&= j.gate.passed;
      if (!j.gate.passed && gate.status === "passed") gate.status = "failed";
      for (const o of j.unanalyzed.objects) unanalyzed.objects.push({ ...o, ...tag });
      for (const f of j.unanalyzed.files) if (!unanalyzed.files.includes(f)) unanalyzed.files.push(f);
      for (const rule of j.gate.failOn) if (!gate.failOn.includes(rule)) gate.failOn.push(rule);
      for (const d of j.diagnostics) diagnostics.push({ ...d, ...tag });
      for (const a of j.assumptions) assumptions.push(`${t.name}: ${a}`);
      documents += j.skipped.documents;
      for (const [k, n] of Object.entries(j.skipped.kinds)) kinds.set(k, (kinds.get(k) ?? 0) + n);
      for (const w of j.workloads) workloads.push({ ...w, ...tag });
      for (const e of j.exposures) exposures.push({ ...e, ...tag });
      // Each target's assertions, as its own diff JSON has them, tagged with the target.
      for (const a of j.assertions ?? []) assertions.push({ ...a, ...tag });
      for (const s of j.stopsWorking?.services ?? []) stopsWorking.services.push({ ...s, ...tag });
      for (const c of j.stopsWorking?.cutOff ?? []) stopsWorking.cutOff.push({ ...c, ...tag });
      for (const c of j.inputChanges ?? []) inputChanges.push({ ...c, ...tag });
      for (const c of j.clusterWide ?? []) clusterWide.push({ ...c, ...tag });
      for (const b of j.stopsWorking?.routes ?? []) stopsWorking.routes.push({ ...b, ...tag });
    }
  }
  // The base's unreadable assertions: never a pass (DESIGN section 4b).
  for (const e of options.config?.errors ?? []) {
    const m = /^(.*?):(\d+): ([\s\S]*)$/.exec(e);
    diagnostics.push({ severity: "error", file: m?.[1] ?? "", line: Number(m?.[2] ?? 1), column: 1, message: `assertion not judged: ${m?.[3] ?? e}` });
    gate.passed = false;
    gate.status = "error";
  }
  const unread = options.unread;
  for (const f of unread?.files ?? []) if (!unanalyzed.files.includes(f)) unanalyzed.files.push(f);
  if (unread !== undefined && unread.fails && unread.files.length > 0) {
    gate.passed = false;
    if (gate.status === "passed") gate.status = "failed";
    if (!gate.failOn.includes("unanalyzed")) gate.failOn.push("unanalyzed");
    violations.push(jsonList<unknown>(unread.files, (f) => unreadFileViolation(f as string, "no target")));
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
    stopsWorking,
    unanalyzed,
    inputChanges,
    clusterWide,
    ...(assertions.length > 0 ? { assertions } : {}),
    counts: sumCounts(outcomes),
    targets: outcomes.map(targetJson),
    ...(options.config !== undefined
      ? { config: { file: options.config.file, base: options.config.base, head: options.config.head, changed: options.config.changed, notes: options.config.notes.map(noteText) } }
      : {}),
    ...(options.shard !== undefined ? { shard: options.shard } : {}),
  };
}

/** The targets' counts added up, as the Action's outputs add them (run-targets.ts). */
function sumCounts(outcomes: readonly TargetOutcome[]): CountsJson {
  const sum: CountsJson = { opened: 0, closed: 0, changed: 0, exposed: 0, violations: 0 };
  for (const t of outcomes) {
    if (t.report === undefined) continue;
    const c = reportCounts(t.report);
    for (const k of Object.keys(sum) as (keyof CountsJson)[]) sum[k] += c[k];
  }
  return sum;
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
    // Flows as the comment counts them (see Grouping), not the engine's pairs.
    opened: r ? groupChanges(r).openedFlows : 0,
    closed: r ? groupChanges(r).closedFlows : 0,
    changed: r ? groupChanges(r).changedFlows : 0,
    counts: r ? { ...reportCounts(r) } : { opened: 0, closed: 0, changed: 0, exposed: 0, violations: 0 },
    cni: r?.cni !== undefined ? cniJson(r.cni) : null,
    gate: r ? { passed: r.gate.passed, status: r.gate.passed ? "passed" : "failed", failOn: [...r.gateConfig.failOn], violations: r.gate.violations.length + r.gate.assertions.reduce((n, f) => n + f.violations.length, 0) } : { passed: false, status: "error", failOn: [], violations: 0 },
    base: sideJson(t.base),
    head: sideJson(t.head),
    error: t.failure?.message ?? null,
  };
}

function sideJson(s: TargetSide): TargetSideJson {
  return { tool: s.tool ?? null, absent: s.absent ?? false, reused: s.reused ?? false, ms: s.ms };
}
