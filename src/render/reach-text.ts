import type { ReachReport } from "../analyze.js";
import { plain } from "./escape.js";

const MAX_COLUMN = 60;

/** One line per allowed pair, sorted, columns aligned for a terminal; produced line by line. */
export function* reachTextLines(r: ReachReport): Generator<string> {
  if (r.flows.length === 0) {
    yield "no allowed flows\n";
    yield* exposureLines(r);
    return;
  }
  // A loop, not Math.max(...): millions of flows would overflow the argument list.
  let width = 0;
  let dstWidth = 0;
  for (const f of r.flows) {
    width = Math.max(width, plain(f.src.id).length);
    dstWidth = Math.max(dstWidth, plain(f.dst.id).length);
  }
  width = Math.min(MAX_COLUMN, width);
  dstWidth = Math.min(MAX_COLUMN, dstWidth);
  for (const f of r.flows) yield `${plain(f.src.id).padEnd(width)} => ${plain(f.dst.id).padEnd(dstWidth)} : ${f.conn.toString()}\n`;
  yield* exposureLines(r);
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
