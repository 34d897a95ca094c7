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
  const add = (piece: string): void => {
    // A piece too long for a run, with dots inside (`payments.reconciliation.settlement.eu-`):
    // its dotted parts are packed like pieces, so that it breaks after a dot, not mid-word.
    if (piece.length > MAX_RUN && /\.(?=.)/.test(piece)) {
      for (const part of piece.split(/(?<=\.)(?=.)/)) add(part);
      return;
    }
    // Short pieces stay together (`app.kubernetes.io/name=`): a break only where one is needed.
    if (run > 0 && run + piece.length > CELL_RUN) {
      out += ZWSP;
      run = 0;
    }
    // A piece with no place to break at all is cut into even parts (`productcata`, `logservice`).
    if (piece.length > MAX_RUN) {
      const size = Math.ceil(piece.length / Math.ceil(piece.length / CELL_RUN));
      let i = 0;
      for (; i + size < piece.length && piece.length - i > MAX_RUN; i += size) out += piece.slice(i, i + size) + ZWSP;
      piece = piece.slice(i);
    }
    out += piece;
    run = /[\s-]$/.test(piece) ? 0 : run + piece.length;
  };
  for (const piece of text.split(/(?<=[/,=\s])|(?<=-)(?=\p{L})|(?=\[)/u)) add(piece);
  return out;
}
