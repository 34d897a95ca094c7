// `netreach diff --format text` for several targets: one line per target, then each target's
// text report under its name.
import { plain } from "./escape.js";
import { renderDiffText } from "./diff-text.js";
import type { TargetOutcome } from "./target-outcome.js";
import { targetResult } from "./targets-md.js";

/** `configErrors`: the base's assertions that cannot be read ("file:line: …"), an error whatever else passed. */
export function renderTargetsText(outcomes: readonly TargetOutcome[], configErrors: readonly string[] = []): string {
  const notBuilt = outcomes.filter((t) => t.failure !== undefined);
  const failed = outcomes.filter((t) => t.report !== undefined && !t.report.gate.passed);
  const gate =
    notBuilt.length > 0
      ? `gate error: ${notBuilt.length} not analyzed (${notBuilt.map((t) => plain(t.name)).join(", ")})`
      : configErrors.length > 0
        ? `gate error: ${configErrors.length} assertion${configErrors.length === 1 ? "" : "s"} of the base cannot be read (${configErrors.map(plain).join("; ")})`
        : failed.length > 0
          ? "gate failed"
          : "gate passed";
  const out: string[] = [`netreach: ${outcomes.length} target${outcomes.length === 1 ? "" : "s"} — ${gate}`];
  for (const t of outcomes) out.push(`  ${plain(t.name)} (${plain(t.built)}): ${targetResult(t)}`);
  for (const t of outcomes) {
    out.push("", `== ${plain(t.name)} (${plain(t.built)}) ==`);
    if (t.failure !== undefined) out.push(`not analyzed: ${plain(t.failure.message)}`);
    else out.push(renderDiffText(t.report!).trimEnd());
  }
  return out.join("\n") + "\n";
}
