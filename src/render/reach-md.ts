import type { ReachReport } from "../analyze.js";
import { md, mdCode } from "./escape.js";
import { connWords } from "./conn-words.js";
import { flowCount, flowsFromGroups, reachGroups } from "./reach-groups.js";
import { setWords } from "./set-words.js";

/** Up to this many flows, every pair is listed too, collapsed: past it a page is no place for them. */
export const MAX_LISTED_PAIRS = 20_000;

/** The reach for a reader: always grouped (by class, never expanding 10^8 pairs), pairs only when few. */
export function reachMarkdown(r: ReachReport): string {
  return [...reachMarkdownChunks(r)].join("");
}

export function* reachMarkdownChunks(r: ReachReport): Generator<string> {
  const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join("");
  const groups = reachGroups(r);
  const flows = flowCount(r);
  const workloads = r.endpoints.filter((e) => e.type === "workload").length;
  const reps = r.endpoints.filter((e) => e.type === "synthetic").length;
  const who = [workloads > 0 ? `${workloads} workload${workloads === 1 ? "" : "s"}` : "", reps > 0 ? `${reps} representative pod${reps === 1 ? "" : "s"}` : ""].filter((x) => x !== "");
  const inGroups = groups.length > 0 ? `, in ${groups.length} group${groups.length === 1 ? "" : "s"}` : "";
  yield lines("## netreach: allowed flows", "", `${flows} allowed flow${flows === 1 ? "" : "s"} among ${who.join(", ")} and external addresses${inGroups}.`, "");
  if (r.exposures.length > 0) {
    // What outside traffic reaches first: it is what a reviewer of a cluster asks about first.
    yield lines(`### Exposed outside the cluster (${r.exposures.length})`, "", "| Workload | Ports | From | Through |", "| --- | --- | --- | --- |");
    for (const e of r.exposures) {
      const from = e.src.type === "ingress-controller" ? "the ingress controller" : e.src.cidrs.length === 1 && e.src.cidrs[0] === "0.0.0.0/0" ? "the internet" : mdCode(e.src.id);
      const through = e.via.map((v) => v.chain.map((h) => `${md(h.kind)} ${mdCode(`${h.namespace}/${h.name}`)} (${md(h.detail)}, ${mdCode(`${h.at.file}:${h.at.line}`)})`).join(" → ")).join("<br>");
      yield lines(`| ${mdCode(e.dst.id)} | ${md(connWords(e.conn))} | ${from} | ${through} |`);
    }
    yield "\n";
  }
  if (groups.length > 0) {
    yield lines("| Sources | Destinations | Connections |", "| --- | --- | --- |");
    for (const g of groups) {
      const pairs = g.pairs > 1 ? `<br><sub>${g.pairs} pairs</sub>` : "";
      yield lines(`| ${setWords(g.sources, "source", mdCode)} | ${setWords(g.destinations, "destination", mdCode)} | ${md(connWords(g.conn))}${pairs} |`);
    }
    yield "\n";
  }
  if (flows > 0 && flows <= MAX_LISTED_PAIRS) {
    yield lines("<details><summary>Every allowed pair</summary>", "", "| Source | Destination | Connections |", "| --- | --- | --- |");
    for (const f of flowsFromGroups(r)) yield lines(`| ${mdCode(f.src.id)} | ${mdCode(f.dst.id)} | ${md(connWords(f.conn))} |`);
    yield lines("", "</details>", "");
  } else if (flows > MAX_LISTED_PAIRS) {
    yield lines(`Every pair is listed by \`netreach reach --format csv\` (or \`text\`, \`json\`): ${flows} are too many for this page.`, "");
  }
  if (r.assumptions.length > 0) yield lines("<details><summary>Assumptions</summary>", "", ...r.assumptions.map((a) => `- ${md(a)}`), "", "</details>", "");
  if (r.diagnostics.length > 0) {
    yield lines("<details><summary>Diagnostics</summary>", "", ...r.diagnostics.map((d) => `- **${d.severity}** ${mdCode(`${d.file}:${d.line}:${d.column}`)} ${md(d.message)}`), "", "</details>", "");
  }
}
