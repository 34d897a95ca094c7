import type { ReachReport } from "../analyze.js";
import { md, mdCode } from "./escape.js";

export function reachMarkdown(r: ReachReport): string {
  const out: string[] = ["## netreach: allowed flows", ""];
  const workloads = r.endpoints.filter((e) => e.type === "workload").length;
  const reps = r.endpoints.filter((e) => e.type === "synthetic").length;
  const who = [workloads > 0 ? `${workloads} workload${workloads === 1 ? "" : "s"}` : "", reps > 0 ? `${reps} representative pod${reps === 1 ? "" : "s"}` : ""].filter((x) => x !== "");
  out.push(`${r.flows.length} allowed flow${r.flows.length === 1 ? "" : "s"} among ${who.join(", ")} and external addresses.`, "");
  if (r.flows.length > 0) {
    out.push("| Source | Destination | Connections |", "| --- | --- | --- |");
    for (const f of r.flows) out.push(`| ${mdCode(f.src.id)} | ${mdCode(f.dst.id)} | ${md(f.conn.toString())} |`);
    out.push("");
  }
  if (r.assumptions.length > 0) {
    out.push("<details><summary>Assumptions</summary>", "");
    for (const a of r.assumptions) out.push(`- ${md(a)}`);
    out.push("", "</details>", "");
  }
  if (r.diagnostics.length > 0) {
    out.push("<details><summary>Diagnostics</summary>", "");
    for (const d of r.diagnostics) out.push(`- **${d.severity}** ${mdCode(`${d.file}:${d.line}:${d.column}`)} ${md(d.message)}`);
    out.push("", "</details>", "");
  }
  return out.join("\n");
}
