// The comment's "L7 filtering changed" table: flows whose ports stay open while the requests let
// through them change (Cilium's http/kafka/dns rules added, removed or edited).
import type { L7Change } from "../diff/l7-changes.js";
import type { RowList, Rows } from "./budget.js";
import { l7Ordered, l7SideWords, l7Widens, type L7Format } from "./l7-changes-words.js";

export function l7ChangesRows(changes: readonly L7Change[], f: L7Format & { readonly cell: (s: string) => string }): Rows {
  const list = l7Ordered(changes);
  const rows: RowList = {
    length: list.length,
    at: (i) => {
      const c = list[i];
      if (c === undefined) return undefined;
      const mark = l7Widens(c) ? "⚠️ " : "";
      return `\n| ${mark}${f.cell(c.src.id)} | ${f.cell(c.dst.id)} | ${f.text(c.conn.toString())} | ${l7SideWords(c.base, f)} | ${l7SideWords(c.head, f)} |`;
    },
  };
  const widened = list.filter(l7Widens).length;
  const note = widened > 0 ? `\n\n⚠️ ${widened === 1 ? "1 flow lets" : `${widened.toLocaleString("en-US")} flows let`} more requests through: an L7 filter is gone from a port that stays open.` : "";
  return {
    head: `#### L7 filtering changed (${list.length.toLocaleString("en-US")})${note}\n\n| Source | Destination | Open | Base | Head |\n| --- | --- | --- | --- | --- |`,
    rows,
    tail: "",
    more: (n) => `\n\n_… and ${n.toLocaleString("en-US")} more flows._`,
  };
}
