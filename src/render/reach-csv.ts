import type { ReachReport } from "../analyze.js";
import type { Endpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import { csvCell } from "./escape.js";
import { memo } from "./memo.js";

/** RFC 4180 rows with a header, produced as the flows are generated. */
export function* reachCsvLines(r: ReachReport): Generator<string> {
  yield "src,dst,conn\r\n";
  const cell = memo((e: Endpoint) => csvCell(e.id));
  const connCell = memo((c: ConnSet) => csvCell(c.toString()));
  // Flows come source by source: its cell is looked up once per source, not per line.
  let src: Endpoint | undefined;
  let srcCell = "";
  for (const f of r.flows) {
    if (f.src !== src) srcCell = cell((src = f.src));
    yield `${srcCell},${cell(f.dst)},${connCell(f.conn)}\r\n`;
  }
}
