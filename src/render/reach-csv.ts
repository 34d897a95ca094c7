import type { ReachReport } from "../analyze.js";
import { csvCell } from "./escape.js";

/** RFC 4180 rows with a header, produced line by line. */
export function* reachCsvLines(r: ReachReport): Generator<string> {
  yield "src,dst,conn\r\n";
  for (const f of r.flows) yield `${[f.src.id, f.dst.id, f.conn.toString()].map(csvCell).join(",")}\r\n`;
}
