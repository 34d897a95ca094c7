import type { ReachReport } from "../analyze.js";
import type { Endpoint } from "../model/endpoint.js";
import { connWords } from "./conn-words.js";
import { plain } from "./escape.js";
import { memo } from "./memo.js";
import { flowCount, reachGroups } from "./reach-groups.js";
import { setWords } from "./set-words.js";

const MAX_COLUMN = 60;
/** Terms per endpoint set in a group line, as in the diff's text. */
const MAX_TERMS = 10;

/** One line per allowed pair, sorted, columns aligned for a terminal; produced as the flows are generated. */
export function* reachTextLines(r: ReachReport): Generator<string> {
  // Column widths from the classes, not from a first pass over 10^8 flows.
  const { sources, destinations } = flowEnds(r);
  const width = Math.min(MAX_COLUMN, longest(sources));
  const dstWidth = Math.min(MAX_COLUMN, longest(destinations));
  const src = memo((e: Endpoint) => plain(e.id).padEnd(width));
  const dst = memo((e: Endpoint) => plain(e.id).padEnd(dstWidth));
  let from: Endpoint | undefined;
  let fromText = "";
  for (const f of r.flows) {
    if (f.src !== from) fromText = src((from = f.src));
    yield `${fromText} => ${dst(f.dst)} : ${f.conn.toString()}\n`;
  }
  if (from === undefined) yield "no allowed flows\n";
  yield* exposureLines(r);
}

/** `reach --format text --group`: one line per group of classes, in the diff's words. */
export function* reachGroupedTextLines(r: ReachReport): Generator<string> {
  const groups = reachGroups(r);
  const flows = flowCount(r);
  yield `${flows} allowed flow${flows === 1 ? "" : "s"} in ${groups.length} group${groups.length === 1 ? "" : "s"}\n`;
  for (const g of groups) {
    const pairs = g.pairs > 1 ? ` [${g.pairs} pairs]` : "";
    yield `${setWords(g.sources, "source", plain, MAX_TERMS)} -> ${setWords(g.destinations, "destination", plain, MAX_TERMS)}: ${connWords(g.conn)}${pairs}\n`;
  }
  yield* exposureLines(r);
}

/**
 * The endpoints that begin and end some flow. Every endpoint of a group's classes does, but a lone
 * workload whose group's other side is only itself (never a flow).
 */
function flowEnds(r: ReachReport): { sources: Endpoint[]; destinations: Endpoint[] } {
  const view = r.classes();
  const loneWorkload = (c: number) => view.classes[c]!.endpoints.length === 1 && view.classes[c]!.endpoints[0]!.type === "workload";
  const src = new Set<number>();
  const dst = new Set<number>();
  for (const g of view.groups) {
    for (const c of g.src) if (!(g.dst.length === 1 && g.dst[0] === c && loneWorkload(c))) src.add(c);
    for (const c of g.dst) if (!(g.src.length === 1 && g.src[0] === c && loneWorkload(c))) dst.add(c);
  }
  const controller = r.exposures.filter((e) => e.source === "ingress-controller");
  return {
    sources: [...[...src].flatMap((c) => view.classes[c]!.endpoints), ...controller.map((e) => e.src)],
    destinations: [...[...dst].flatMap((c) => view.classes[c]!.endpoints), ...controller.map((e) => e.dst)],
  };
}

function longest(endpoints: readonly Endpoint[]): number {
  // A loop, not Math.max(...): thousands of endpoints would overflow the argument list.
  let n = 0;
  for (const e of endpoints) n = Math.max(n, plain(e.id).length);
  return n;
}

/** After the flows, apart: what outside traffic reaches, and through which objects. */
function* exposureLines(r: ReachReport): Generator<string> {
  if (r.exposures.length === 0) return;
  yield `\nexposed outside the cluster (${r.exposures.length}):\n`;
  for (const e of r.exposures) {
    const from = e.src.type === "ingress-controller" ? "the ingress controller" : plain(e.src.id);
    const through = e.via.map((v) => v.chain.map((h) => `${plain(h.kind)} ${plain(`${h.namespace}/${h.name}`)} (${plain(h.detail)}) [${plain(h.at.file)}:${h.at.line}]`).join(" -> ")).join("; ");
    yield `  ${plain(e.dst.id)} ${e.conn.toString()} from ${from} through ${through}\n`;
  }
}
