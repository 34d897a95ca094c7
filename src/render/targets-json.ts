// The JSON report of a run with several targets: today's fields over all targets (each change,
// violation, diagnostic and workload naming its target), plus `targets`.
import type { DiagnosticJson } from "../report/reach-json.js";
import type { DiffJson, TargetJson, TargetSideJson } from "../report/diff-json.js";
import { diffJson } from "./diff-json.js";
import { jsonChunks } from "./json-chunks.js";
import { diagnosticJson, skippedJson } from "./reach-json.js";
import { noteText, type ConfigReview } from "./config-review.js";
import type { UnreadFiles } from "./targets-md.js";
import { isChanged, type TargetOutcome, type TargetSide } from "./target-outcome.js";

/** The text of `JSON.stringify(targetsDiffJson(outcomes), null, 2) + "\n"`, in pieces (no string of the whole report). */
export function* targetsJsonChunks(outcomes: readonly TargetOutcome[], config?: ConfigReview, unread?: UnreadFiles): Generator<string> {
  yield* jsonChunks(targetsDiffJson(outcomes, config, unread));
  yield "\n";
}

export function targetsDiffJson(outcomes: readonly TargetOutcome[], config?: ConfigReview, unread?: UnreadFiles): DiffJson {
  const out: DiffJson = {
    schema: "netreach.diff/v1",
    endpoints: [],
    changes: [],
    gate: { passed: true, status: "passed", failOn: [], violations: [] },
    diagnostics: [],
    assumptions: [],
    skipped: { documents: 0, kinds: {} },
    workloads: [],
    exposures: [],
    unanalyzed: { objects: [], files: [] },
    targets: [],
  };
  const seen = new Set<string>();
  const kinds = new Map<string, number>();
  for (const t of outcomes) {
    const tag = { target: t.name };
    if (t.failure !== undefined) {
      out.diagnostics.push({ ...diagnosticJson(t.failure), ...tag } as DiagnosticJson);
      // Not analyzed is never a pass (DESIGN section 4b).
      out.gate.passed = false;
      out.gate.status = "error";
    }
    if (t.report !== undefined) {
      const j = diffJson(t.report);
      for (const e of j.endpoints) if (!seen.has(e.id)) (seen.add(e.id), out.endpoints.push(e));
      out.changes.push(...j.changes.map((c) => ({ ...c, ...tag })));
      out.gate.passed &&= j.gate.passed;
      if (!j.gate.passed && out.gate.status === "passed") out.gate.status = "failed";
      for (const r of j.gate.failOn) if (!out.gate.failOn.includes(r)) out.gate.failOn.push(r);
      out.gate.violations.push(...j.gate.violations.map((v) => ({ ...v, ...tag })));
      out.diagnostics.push(...j.diagnostics.map((d) => ({ ...d, ...tag })));
      for (const a of j.assumptions) out.assumptions.push(`${t.name}: ${a}`);
      out.skipped.documents += j.skipped.documents;
      for (const [k, n] of Object.entries(j.skipped.kinds)) kinds.set(k, (kinds.get(k) ?? 0) + n);
      out.workloads.push(...j.workloads.map((w) => ({ ...w, ...tag })));
      out.exposures.push(...j.exposures.map((e) => ({ ...e, ...tag })));
      out.unanalyzed.objects.push(...j.unanalyzed.objects.map((o) => ({ ...o, ...tag })));
      for (const f of j.unanalyzed.files) if (!out.unanalyzed.files.includes(f)) out.unanalyzed.files.push(f);
    }
    out.targets!.push(targetJson(t));
  }
  out.skipped = skippedJson({ documents: out.skipped.documents, kinds });
  for (const f of unread?.files ?? []) if (!out.unanalyzed.files.includes(f)) out.unanalyzed.files.push(f);
  if (unread !== undefined && unread.fails && unread.files.length > 0) {
    out.gate.passed = false;
    if (out.gate.status === "passed") out.gate.status = "failed";
    if (!out.gate.failOn.includes("unanalyzed")) out.gate.failOn.push("unanalyzed");
    for (const f of unread.files) out.gate.violations.push({ rule: "unanalyzed", src: "", dst: "", conn: "", message: `changed ${f}: no target reads this file`, file: f, line: 1 });
  }
  if (config !== undefined) out.config = { file: config.file, base: config.base, head: config.head, changed: config.changed, notes: config.notes.map(noteText) };
  return out;
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
    gate: r ? { passed: r.gate.passed, status: r.gate.passed ? "passed" : "failed", failOn: [...r.gateConfig.failOn], violations: r.gate.violations.length } : { passed: false, status: "error", failOn: [], violations: 0 },
    base: sideJson(t.base),
    head: sideJson(t.head),
    error: t.failure?.message ?? null,
  };
}

function sideJson(s: TargetSide): TargetSideJson {
  return { tool: s.tool ?? null, absent: s.absent ?? false, reused: s.reused ?? false, ms: s.ms };
}
