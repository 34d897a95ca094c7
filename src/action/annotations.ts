// Up to 10 annotations on the policy lines that open flows, after one on the line of each broken
// assertion: where a reviewer should look first.
import type { DiffReport } from "../analyze.js";
import { assertionViews } from "../render/assertion-groups.js";
import { brokenWords } from "../render/assertion-words.js";
import { connWords } from "../render/conn-words.js";
import { plain } from "../render/escape.js";

export interface Annotation {
  readonly level: "error" | "warning" | "notice";
  readonly file: string;
  readonly line: number;
  readonly title: string;
  readonly message: string;
}

export const MAX_ANNOTATIONS = 10;

export function openingAnnotations(report: DiffReport): Annotation[] {
  return [...assertionAnnotations(report), ...policyAnnotations(report)].slice(0, MAX_ANNOTATIONS);
}

/** The assertions this change breaks (new violations, or any of a strict one the gate fails on), at their lines. */
function assertionAnnotations(report: DiffReport): Annotation[] {
  return assertionViews(report).flatMap((v) => {
    const first = v.groups.find((g) => g.isNew || g.fails);
    if (first === undefined) return [];
    const a = v.diff.assertion;
    const n = v.groups.filter((g) => g.isNew || g.fails).length;
    return [
      {
        level: v.failing.length > 0 ? ("error" as const) : ("warning" as const),
        file: a.source.file,
        line: a.source.line,
        title: `netreach: assertion ${plain(a.name)} broken`,
        message: `${brokenWords(v.diff, first, { code: plain, text: plain })}${n > 1 ? ` (and ${n - 1} more)` : ""}`,
      },
    ];
  });
}

function policyAnnotations(report: DiffReport): Annotation[] {
  const violating = new Set(report.gate.violations.map((v) => v.change));
  const byLine = new Map<string, { file: string; line: number; policy: string; rule: string; flows: number; violations: number; sample: string }>();
  for (const c of report.changes) {
    if (c.opened.isEmpty) continue;
    for (const w of c.why) {
      if (w.side !== "head" || w.effect !== "allows") continue;
      const key = `${w.file}:${w.line}`;
      let a = byLine.get(key);
      if (!a) byLine.set(key, (a = { file: w.file, line: w.line, policy: w.policy, rule: w.rule ?? "", flows: 0, violations: 0, sample: `${c.src.id} -> ${c.dst.id} ${connWords(c.opened)}` }));
      a.flows++;
      if (violating.has(c)) a.violations++;
    }
  }
  return [...byLine.values()]
    .sort((a, b) => b.violations - a.violations || b.flows - a.flows || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
    .slice(0, MAX_ANNOTATIONS)
    .map((a) => ({
      level: a.violations > 0 ? "error" : "notice",
      file: a.file,
      line: a.line,
      title: `netreach: ${a.policy} ${a.rule} opens ${a.flows} flow${a.flows === 1 ? "" : "s"}`,
      message: `${a.violations > 0 ? `${a.violations} of them fail the gate. ` : ""}For example: ${a.sample}`,
    }));
}
