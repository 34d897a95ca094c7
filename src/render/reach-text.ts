import type { ReachReport } from "../analyze.js";
import { plain } from "./escape.js";

/** One line per allowed pair, sorted, columns aligned for a terminal. */
export function reachText(r: ReachReport): string {
  if (r.flows.length === 0) return "no allowed flows\n";
  const width = Math.min(60, Math.max(...r.flows.map((f) => plain(f.src.id).length)));
  const dstWidth = Math.min(60, Math.max(...r.flows.map((f) => plain(f.dst.id).length)));
  return r.flows.map((f) => `${plain(f.src.id).padEnd(width)} => ${plain(f.dst.id).padEnd(dstWidth)} : ${f.conn.toString()}`).join("\n") + "\n";
}
