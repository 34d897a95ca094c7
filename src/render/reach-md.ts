import type { ReachReport } from "../analyze.js";
import type { Change } from "../diff/change.js";
import { ConnSet } from "../net/conn-set.js";
import { md, mdCode } from "./escape.js";
import { groupChanges } from "./group.js";
import { connWords } from "./conn-words.js";
import { setWords } from "./set-words.js";

/** Past this many flows the grouped view is left out: grouping is meant for what a person reads. */
const MAX_GROUPED_FLOWS = 20_000;

export function reachMarkdown(r: ReachReport): string {
  const out: string[] = ["## netreach: allowed flows", ""];
  const workloads = r.endpoints.filter((e) => e.type === "workload").length;
  const reps = r.endpoints.filter((e) => e.type === "synthetic").length;
  const who = [workloads > 0 ? `${workloads} workload${workloads === 1 ? "" : "s"}` : "", reps > 0 ? `${reps} representative pod${reps === 1 ? "" : "s"}` : ""].filter((x) => x !== "");
  out.push(`${r.flows.length} allowed flow${r.flows.length === 1 ? "" : "s"} among ${who.join(", ")} and external addresses.`, "");
  if (r.exposures.length > 0) {
    // What outside traffic reaches first: it is what a reviewer of a cluster asks about first.
    out.push(`### Exposed outside the cluster (${r.exposures.length})`, "", "| Workload | Ports | From | Through |", "| --- | --- | --- | --- |");
    for (const e of r.exposures) {
      const from = e.src.type === "ingress-controller" ? "the ingress controller" : e.src.cidrs.length === 1 && e.src.cidrs[0] === "0.0.0.0/0" ? "the internet" : mdCode(e.src.id);
      const through = e.via.map((v) => v.chain.map((h) => `${md(h.kind)} ${mdCode(`${h.namespace}/${h.name}`)} (${md(h.detail)}, ${mdCode(`${h.at.file}:${h.at.line}`)})`).join(" → ")).join("<br>");
      out.push(`| ${mdCode(e.dst.id)} | ${md(connWords(e.conn))} | ${from} | ${through} |`);
    }
    out.push("");
  }
  if (r.flows.length > 0 && r.flows.length <= MAX_GROUPED_FLOWS) {
    // The same grouping as a diff's, reading every allowed flow as "opened from nothing".
    const changes: Change[] = r.flows.map((f) => ({ type: "added", src: f.src, dst: f.dst, base: ConnSet.NONE, head: f.conn, opened: f.conn, closed: ConnSet.NONE, endpoint: null, why: [] }));
    const groups = groupChanges({ changes, universe: r.endpoints, endpoints: r.endpoints, gate: { passed: true, violations: [] } }).opened;
    out.push("| Sources | Destinations | Connections |", "| --- | --- | --- |");
    for (const g of groups) out.push(`| ${setWords(g.sources, "source", mdCode)} | ${setWords(g.destinations, "destination", mdCode)} | ${md(connWords(g.conn))} |`);
    out.push("");
  }
  if (r.flows.length > 0) {
    const table = ["| Source | Destination | Connections |", "| --- | --- | --- |", ...r.flows.map((f) => `| ${mdCode(f.src.id)} | ${mdCode(f.dst.id)} | ${md(connWords(f.conn))} |`)];
    if (r.flows.length <= MAX_GROUPED_FLOWS) out.push("<details><summary>Every allowed pair</summary>", "", ...table, "", "</details>", "");
    else out.push(...table, "");
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
