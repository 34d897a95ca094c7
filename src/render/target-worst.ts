// The worst risk and the worst breakage of one target, ranked so that a run with several targets
// can lead its comment with the worst over all of them (each naming the target). The words are
// the one-target verdict's: exposureRisk, the gate rule's description, a breakage's short form.
// The format is handed in: the verdict's plain code spans, or breakable ones for a table cell.
import type { DiffReport } from "../analyze.js";
import type { Reason } from "../diff/change.js";
import { describeRule } from "../gate/describe.js";
import { newlyOpened } from "../exposure/changes.js";
import { connWords } from "./conn-words.js";
import { dnsLoss } from "./dns-loss.js";
import { exposureRules } from "./exposure-rules.js";
import type { ExposureFormat } from "./exposure-words.js";
import { groupChanges } from "./group.js";
import { reasonName } from "./reason-words.js";
import { setWords } from "./set-words.js";
import { breakages, exposureRisk, type Breakage } from "./stops-working.js";
import { firstBroken } from "./assertion-words.js";
import { failingAssertionGroups } from "./assertion-groups.js";

/** Lower is worse. */
export interface Ranked {
  readonly rank: number;
  readonly text: string;
}

export interface TargetWorst {
  /**
   * A gate-breaking exposure (0), a newly broken assertion or a gate-breaking flow (1), a strict
   * assertion broken at the base already (1.5), else a newly exposed workload (2).
   */
  readonly risk?: Ranked;
  /** The first breakage: an exposure closed (0), a Service to nothing (1), DNS (2), a workload cut off (3). */
  readonly breakage?: Ranked;
  /** How many breakages the target has in all. */
  readonly breakages: number;
}

/** Past this, a breakage is only counted: the target's section names it. */
const MAX_BREAKAGE = 320;

const BREAK_RANK: Record<Breakage["kind"], number> = { exposure: 0, service: 1, dns: 2, "cut-off": 3 };

export function targetWorst(report: DiffReport, f: ExposureFormat): TargetWorst {
  const broken = breakages(report, dnsLoss(report), { ...f, at: (file, line) => f.code(`${file}:${line}`) });
  const first = broken[0];
  const breakage = first === undefined ? undefined : { rank: BREAK_RANK[first.kind], text: first.short.length <= MAX_BREAKAGE ? first.short : `${broken.length.toLocaleString("en-US")} breakages, listed in its section` };
  return { risk: risk(report, f), breakage, breakages: broken.length };
}

function risk(report: DiffReport, f: ExposureFormat): Ranked | undefined {
  const rules = exposureRules(report);
  for (const [c, rs] of rules) return { rank: 0, text: `${exposureRisk(c, f)}${cause(c.why[0], f)} (${rs.map((r) => f.code(r)).join(", ")})` };
  // What the team wrote down comes before what a rule of thumb (fail-on) says.
  const broken = report.gate.passed ? undefined : firstBroken(report, f);
  const first = report.gate.passed ? undefined : failingAssertionGroups(report)[0];
  if (broken !== undefined) return { rank: first?.group.isNew === false ? 1.5 : 1, text: broken };
  const violating = report.gate.passed ? undefined : groupChanges(report).violating[0];
  if (violating !== undefined) {
    const said = violating.gate.map((h) => describeRule(h.rule, setWords(violating.sources, "source", f.code), setWords(violating.destinations, "destination", f.code), f.text(connWords(h.conn))));
    return { rank: 1, text: `${said.join("; ")}${cause(violating.reasons[0], f)}` };
  }
  const opened = report.exposureChanges.find((c) => !newlyOpened(c).isEmpty);
  return opened ? { rank: 2, text: `${exposureRisk(opened, f)}${cause(opened.why[0], f)}` } : undefined;
}

/** ", opened by `prod/web-ingress` ingress[0]": the object the pull request changed. */
function cause(r: Reason | undefined, f: ExposureFormat): string {
  if (r === undefined) return "";
  const name = reasonName(r, f.code, f.text);
  if (r.side === "head" && r.effect === "allows") return `, opened by ${name}`;
  if (r.side === "base" && (r.effect === "isolates" || r.effect === "denies")) return `: ${name} no longer blocks it`;
  return `: ${name} (${r.side === "head" ? "now" : "before"} ${r.effect})`;
}

/** The worst over the targets, first in the targets' order where ranks tie. */
export function worstOver<T>(items: readonly T[], pick: (t: T) => Ranked | undefined): { item: T; worst: Ranked } | undefined {
  let best: { item: T; worst: Ranked } | undefined;
  for (const item of items) {
    const w = pick(item);
    if (w !== undefined && (best === undefined || w.rank < best.worst.rank)) best = { item, worst: w };
  }
  return best;
}
