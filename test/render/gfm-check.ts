// The comment as GitHub reads it: parsed with micromark and its GFM extension (the CommonMark +
// GFM parser closest to GitHub's cmark-gfm), then checked for what a reviewer would see broken:
// tables that lose or gain columns, raw HTML other than `details`/`summary`, and tables wider than
// a pull request's comment column.
import { micromark, parse, postprocess, preprocess } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/**
 * GitHub's pull-request timeline gives a comment about 780 px, 16 px of it padding on each side
 * (as GitHub renders it with its own CSS).
 */
export const COLUMN_PX = 748;
/** GitHub's CSS: a table cell has 13 px padding each side and a 1 px border. */
const CELL_PX = 27;
/** Code is 85% of 16 px monospace (0.6 em a character) with 0.4 em padding each side. */
const CODE_CHAR_PX = 8.2;
const CODE_PAD_PX = 11;
/** Prose at 16 px in GitHub's sans-serif (Arial's lowercase average is 7.9 px). */
const TEXT_CHAR_PX = 8;
/** No unbreakable run in a cell is longer than this many characters. */
export const MAX_RUN = 30;

const ALLOWED_TAGS = new Set(["details", "summary"]);

export interface GfmProblem {
  readonly kind: "columns" | "html" | "run" | "width";
  readonly text: string;
}

/** Everything that would show broken on GitHub; `marker`: the leading HTML comment that is ours. */
export function gfmProblems(markdown: string, marker?: string): GfmProblem[] {
  return [...structure(markdown, marker), ...widths(markdown)];
}

/** Tables' cell counts and raw HTML, from the parser's events. */
function structure(markdown: string, marker: string | undefined): GfmProblem[] {
  const problems: GfmProblem[] = [];
  const events = postprocess(parse({ extensions: [gfm()] }).document().write(preprocess()(markdown, undefined, true)));
  let header = 0;
  let cells = 0;
  let inHead = false;
  let row = "";
  for (const [kind, token, context] of events) {
    const type = token.type as string;
    if (kind === "enter" && type === "tableHead") inHead = true;
    if (kind === "exit" && type === "tableHead") inHead = false;
    if (kind === "enter" && type === "tableRow") {
      cells = 0;
      row = context.sliceSerialize(token);
    }
    if (kind === "enter" && (type === "tableHeader" || type === "tableData")) cells++;
    if (kind === "exit" && type === "tableRow") {
      if (inHead) header = cells;
      else if (cells !== header) problems.push({ kind: "columns", text: `${cells} cells, header has ${header}: ${row}` });
    }
    if (kind === "enter" && (type === "htmlFlow" || type === "htmlText")) {
      const html = context.sliceSerialize(token);
      if (marker !== undefined && token.start.offset === 0 && html.trim() === marker) continue;
      for (const m of html.matchAll(/<!--|<\/?([A-Za-z][\w-]*)/g)) {
        if (m[0] === "<!--" || !ALLOWED_TAGS.has(m[1]!.toLowerCase())) problems.push({ kind: "html", text: `${m[0]} in: ${html.slice(0, 200)}` });
      }
    }
  }
  return problems;
}

interface Char {
  readonly c: string;
  readonly code: boolean;
}

/** Each table's narrowest layout, from the HTML GitHub would make: every cell wrapped at every chance. */
function widths(markdown: string): GfmProblem[] {
  const problems: GfmProblem[] = [];
  const html = micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
  for (const [table] of html.matchAll(/<table>[^]*?<\/table>/g)) {
    const columns: number[] = [];
    for (const [tr] of table.matchAll(/<tr>[^]*?<\/tr>/g)) {
      [...tr.matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/g)].forEach(([, cell], i) => {
        let widest = 0;
        for (const run of runs(chars(cell!))) {
          const text = run.map((x) => x.c).join("");
          if (run.length > MAX_RUN) problems.push({ kind: "run", text: `${run.length} characters unbroken: ${text}` });
          const px = run.reduce((n, x) => n + (x.code ? CODE_CHAR_PX : TEXT_CHAR_PX), 0) + (run.some((x) => x.code) ? CODE_PAD_PX : 0);
          widest = Math.max(widest, px);
        }
        columns[i] = Math.max(columns[i] ?? 0, widest + CELL_PX);
      });
    }
    const total = Math.round(columns.reduce((a, b) => a + b, 1));
    if (total > COLUMN_PX) problems.push({ kind: "width", text: `table at least ${total} px wide (columns ${columns.map(Math.round).join(", ")}): ${table.slice(0, 300)}` });
  }
  return problems;
}

/** A cell's text, each character marked as code or not; tags dropped, entities read. */
function chars(cell: string): Char[] {
  const out: Char[] = [];
  let code = false;
  for (const m of cell.matchAll(/<(\/?)([a-z]+)[^>]*>|&(#x[0-9a-f]+|#\d+|[a-z]+);|[^<&]+|[<&]/gi)) {
    if (m[2] !== undefined) {
      if (m[2].toLowerCase() === "code") code = m[1] === "";
      continue;
    }
    const text = m[3] !== undefined ? entity(m[3]) : m[0];
    for (const c of text) out.push({ c, code });
  }
  return out;
}

function entity(name: string): string {
  if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
  return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }[name] ?? `&${name};`;
}

/**
 * The runs a browser cannot break: it may break at spaces and zero-width spaces, and after a
 * hyphen between letters (as Chromium does, also in GitHub's code spans: `white-space: break-spaces`).
 */
export function runs(text: readonly Char[]): Char[][] {
  const out: Char[][] = [];
  let run: Char[] = [];
  const end = () => {
    if (run.length > 0) out.push(run);
    run = [];
  };
  text.forEach((x, i) => {
    if (/[\s\u200b]/.test(x.c) && x.c !== "\u00a0") return end();
    run.push(x);
    if (x.c === "-" && i > 0 && /\p{L}/u.test(text[i - 1]!.c) && /\p{L}/u.test(text[i + 1]?.c ?? "")) end();
  });
  end();
  return out;
}
