// A Mermaid flowchart of changed flows: one node per described endpoint set, one edge per group,
// green for opened, red and dashed for closed. Only drawn when small enough to read.
import { type FlowGroup } from "./group.js";
import { groupChangeWords } from "./conn-words.js";
import { setWords } from "./set-words.js";

export const MAX_MERMAID_EDGES = 20;

const OPENED_STYLE = "stroke:#1a7f37,stroke-width:2px,color:#1a7f37";
const CLOSED_STYLE = "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 3,color:#cf222e";

/**
 * Text inside a quoted Mermaid label: every character Mermaid or the surrounding Markdown could
 * read as syntax becomes an entity code (`#60;`), control characters become spaces.
 */
export function mermaidText(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]+/g, " ");
  const cut = clean.length > max ? clean.slice(0, max - 1) + "…" : clean;
  return cut.replace(/[^A-Za-z0-9 ./,:=*+\-_\u00a0-\u{10ffff}]/gu, (c) => `#${c.codePointAt(0)};`);
}

/**
 * Whether a graph shows something the tables do not: how flows chain and cross, at least two
 * sharing an endpoint set. Not for one row, rows that touch nothing in common, or a star (every
 * row to or from one set: the table's column says it).
 */
export function graphAdds(groups: readonly FlowGroup[], maxEdges = MAX_MERMAID_EDGES): boolean {
  if (groups.length < 2 || groups.length > maxEdges) return false;
  const code = (s: string) => s;
  // Nodes are keyed by their words, as renderMermaid draws them: per node, the edges touching it.
  const touching = new Map<string, number>();
  for (const g of groups) {
    const ends = new Set([setWords(g.sources, "source", code, 3), setWords(g.destinations, "destination", code, 3)]);
    for (const e of ends) touching.set(e, (touching.get(e) ?? 0) + 1);
  }
  const counts = [...touching.values()];
  return counts.some((n) => n > 1) && !counts.some((n) => n === groups.length);
}

/** The flowchart source (without a code fence), or null when there is nothing or too much to draw. */
export function renderMermaid(groups: readonly FlowGroup[], maxEdges = MAX_MERMAID_EDGES): string | null {
  if (groups.length === 0 || groups.length > maxEdges) return null;
  const nodes = new Map<string, string>();
  const node = (label: string) => {
    let id = nodes.get(label);
    if (id === undefined) {
      id = `n${nodes.size}`;
      nodes.set(label, id);
    }
    return id;
  };
  const code = (s: string) => s;
  const edges = groups.map((g) => {
    const from = node(setWords(g.sources, "source", code, 3));
    const to = node(setWords(g.destinations, "destination", code, 3));
    return { from, to, label: `${g.facet === "opened" ? "+" : "-"} ${groupChangeWords(g.changes, g.conn)}`, opened: g.facet === "opened" };
  });
  const out = ["flowchart LR"];
  for (const [label, id] of nodes) out.push(`  ${id}["${mermaidText(label)}"]`);
  for (const e of edges) out.push(`  ${e.from} -->|"${mermaidText(e.label)}"| ${e.to}`);
  const opened = edges.flatMap((e, i) => (e.opened ? [i] : []));
  const closed = edges.flatMap((e, i) => (e.opened ? [] : [i]));
  if (opened.length > 0) out.push(`  linkStyle ${opened.join(",")} ${OPENED_STYLE}`);
  if (closed.length > 0) out.push(`  linkStyle ${closed.join(",")} ${CLOSED_STYLE}`);
  return out.join("\n");
}
