// Code spans for table cells. GitHub lays a table out no wider than its column only when every
// cell can wrap; a code span breaks at spaces and after a hyphen before a letter alone, so one long id
// (`default/argocd-applicationset-controller[Deployment]`, a selector) pushes the last column
// behind a horizontal scrollbar. Long ids get a zero-width space after `/`, `,` and `=` and
// before `[`: a break opportunity GitHub keeps and shows as nothing. Raw HTML (`<wbr>`) is not
// used: a comment holds no HTML but `details`.
import { mdCode } from "./escape.js";

/** Runs up to this long are left whole. */
export const CELL_RUN = 16;
/** No run is longer than this: a piece with no place to break is cut here. */
export const MAX_RUN = 20;

const ZWSP = "\u200b";

/** `text` as a code span: breaks where a run would pass CELL_RUN, none longer than MAX_RUN. */
export function cellCode(text: string): string {
  return mdCode(text.length <= CELL_RUN ? text : breakable(text));
}

/**
 * Plain text for a table cell (before it is escaped): words longer than MAX_RUN get the same
 * zero-width breaks (`helm charts/shop -f charts/shop/values-prod.yaml`); shorter ones are left whole.
 */
export function cellText(text: string): string {
  return text
    .split(/(\s+)/)
    .map((w) => (w.length > MAX_RUN ? breakable(w) : w))
    .join("");
}

function breakable(text: string): string {
  let out = "";
  /** Characters since the last place a line may break. */
  let run = 0;
  for (let piece of text.split(/(?<=[/,=\s])|(?<=-)(?=\p{L})|(?=\[)/u)) {
    // Short pieces stay together (`app.kubernetes.io/name=`): a break only where one is needed.
    if (run > 0 && run + piece.length > CELL_RUN) {
      out += ZWSP;
      run = 0;
    }
    // A piece with no place to break at all is cut at a dot (`observability.`, `example.com/`),
    // else into even parts (`productcata`, `logservice`).
    if (piece.length > MAX_RUN) {
      const dot = piece.lastIndexOf(".", CELL_RUN);
      const parts = Math.ceil(piece.length / CELL_RUN);
      const size = dot > 0 && piece.length - dot - 1 <= MAX_RUN ? dot + 1 : Math.ceil(piece.length / parts);
      let i = 0;
      for (; i + size < piece.length && piece.length - i > MAX_RUN; i += size) out += piece.slice(i, i + size) + ZWSP;
      piece = piece.slice(i);
    }
    out += piece;
    run = /[\s-]$/.test(piece) ? 0 : run + piece.length;
  }
  return out;
}
