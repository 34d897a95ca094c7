import type { ReachReport } from "../analyze.js";
import type { Endpoint } from "../model/endpoint.js";
import { csvCell } from "./escape.js";

/** RFC 4180 rows with a header, produced as the flows are generated. */
export function* reachCsvLines(r: ReachReport): Generator<string> {
  yield "src,dst,conn\r\n";
  const cells = new Map<Endpoint, string>();
  const cell = (e: Endpoint) => {
    let c = cells.get(e);
    if (c === undefined) cells.set(e, (c = csvCell(e.id)));
    return c;
  };
  for (const f of r.flows) yield `${cell(f.src)},${cell(f.dst)},${csvCell(f.conn.toString())}\r\n`;
}
