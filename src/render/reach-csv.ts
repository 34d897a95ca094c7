import type { ReachReport } from "../analyze.js";
import { csvCell } from "./escape.js";

export function reachCsv(r: ReachReport): string {
  const rows = [["src", "dst", "conn"], ...r.flows.map((f) => [f.src.id, f.dst.id, f.conn.toString()])];
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
