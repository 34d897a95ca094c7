// `netreach diff --format text` for several targets: one line per target, then each target's
// text report under its name.
import { plain } from "./escape.js";
import { renderDiffText } from "./diff-text.js";
import type { TargetOutcome } from "./target-outcome.js";
import { targetResult } from "./targets-md.js";

export function renderTargetsText(outcomes: readonly TargetOutcome[]): string {
  const out: string[] = [`netreach: ${outcomes.length} target${outcomes.length === 1 ? "" : "s"}`];
  for (const t of outcomes) out.push(`  ${plain(t.name)} (${plain(t.built)}): ${targetResult(t)}`);
  for (const t of outcomes) {
    out.push("", `== ${plain(t.name)} (${plain(t.built)}) ==`);
    if (t.failure !== undefined) out.push(`error: ${plain(t.failure.message)}`);
    else out.push(renderDiffText(t.report!).trimEnd());
  }
  return out.join("\n") + "\n";
}
