// kubectl reads YAML with go-yaml v2, a port of libyaml, which is more lenient than the YAML 1.2
// grammar the `yaml` package enforces. Manifests that kubectl applies without complaint must not
// be rejected here, or a real diff comes out wrong. The classes found (each checked against a
// real kubectl in test/load/yaml-leniency.test.ts):
//
//  - flow-indent:    lines inside a flow collection (`[...]`, `{...}`) indented less than the
//                    block around it, or indented with tabs: libyaml ignores indentation in flow
//                    context altogether;
//  - quoted-indent:  continuation lines of a multi-line quoted scalar indented less than the block
//                    around it (libyaml never checks them);
//  - comment-space:  a `#` comment written right after a closing quote or a flow indicator
//                    (`]# x`, `"a"# x`, `[1,# x`): libyaml takes it as a comment;
//  - cr-breaks:      lone carriage returns as line breaks (old Mac line ends).
//
// The repair rewrites the text into an equivalent one the `yaml` package accepts, recording where
// every change is so positions map back to the original. Indentation is meaningless in flow
// context and leading white space of quoted continuation lines is folded away, so the rewrite
// never changes a value. It is applied only to documents the strict parse rejected (see
// documents.ts), so a mistaken scan can never alter a document that parses as written.

/** A text rewritten for the `yaml` package, and the way back to offsets of the original. */
export interface RepairedText {
  readonly text: string;
  /** Offset in the original text of an offset in the repaired one. */
  readonly toOriginal: (offset: number) => number;
}

interface Edit {
  /** Where the replaced run starts in the original text. */
  readonly at: number;
  readonly removed: number;
  readonly inserted: string;
}

/** Lone CRs become LFs (same length, so offsets do not move). */
export function normalizeLineBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

/** The repaired text, or undefined when there is nothing to repair. */
export function repairForYaml(original: string): RepairedText | undefined {
  const edits = scan(original);
  if (edits.length === 0) return undefined;
  return applyEdits(original, edits);
}

function applyEdits(original: string, edits: readonly Edit[]): RepairedText {
  let out = "";
  let from = 0;
  // Parallel arrays: where each edit's inserted text starts in the repaired text, and the shift
  // (repaired minus original) that holds after it.
  const newStarts: number[] = [];
  const origStarts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const e of edits) {
    out += original.slice(from, e.at);
    newStarts.push(e.at + shift);
    origStarts.push(e.at);
    out += e.inserted;
    shift += e.inserted.length - e.removed;
    shifts.push(shift);
    from = e.at + e.removed;
  }
  out += original.slice(from);
  const toOriginal = (offset: number): number => {
    // Last edit starting at or before offset.
    let lo = 0;
    let hi = newStarts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (newStarts[mid]! <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return offset;
    const edit = edits[k]!;
    const insertedEnd = newStarts[k]! + edit.inserted.length;
    // Inside the inserted run: the start of what it replaced.
    if (offset < insertedEnd) return origStarts[k]! + Math.min(offset - newStarts[k]!, Math.max(edit.removed - 1, 0));
    return offset - shifts[k]!;
  };
  return { text: out, toOriginal };
}

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";
const isBreakOrEnd = (c: string | undefined): boolean => c === undefined || c === "\n" || c === "\r";
const isSpaceOrEnd = (c: string | undefined): boolean => isBlank(c) || isBreakOrEnd(c);

/**
 * A small scanner that knows just enough YAML to tell block context from flow context, quoted
 * scalars, block scalars and comments, and proposes the edits listed above.
 */
function scan(text: string): Edit[] {
  const edits: Edit[] = [];
  let flowDepth = 0;
  let quote: '"' | "'" | undefined;
  /** Columns continuation lines of the open flow collection or quoted scalar need at least. */
  let need = 0;
  /** Inside a block scalar: its lines are those indented more than this. */
  let blockScalarParent: number | undefined;

  let pos = 0;
  while (pos < text.length) {
    const lineStart = pos;
    let lineEnd = text.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = text.length;
    pos = lineEnd + 1;

    let i = lineStart;
    while (i < lineEnd && isBlank(text[i])) i++;
    const contentStart = i;
    const blankLine = contentStart >= lineEnd || text[contentStart] === "\r";

    if (blockScalarParent !== undefined) {
      let spaces = 0;
      while (text[lineStart + spaces] === " ") spaces++;
      if (blankLine || spaces > blockScalarParent) continue;
      blockScalarParent = undefined;
    }

    if (lineStart === contentStart && /^(---|\.\.\.)(?=[ \t\r\n]|$)/.test(text.slice(lineStart, lineStart + 4))) {
      flowDepth = 0;
      quote = undefined;
      continue; // a document marker: everything restarts (the rest of a `---` line is rare here)
    }
    if (lineStart === contentStart && flowDepth === 0 && quote === undefined && text[lineStart] === "%") continue;

    if ((flowDepth > 0 || quote !== undefined) && !blankLine) {
      const leading = text.slice(lineStart, contentStart);
      if (leading.includes("\t") || leading.length < need) {
        edits.push({ at: lineStart, removed: leading.length, inserted: " ".repeat(Math.max(need, leading.replace(/\t/g, "").length)) });
      }
    }

    // Tokens of the line.
    let tokenStart = flowDepth === 0 && quote === undefined; // a node may start here (block context)
    let keyColumn = contentStart - lineStart; // innermost key or `-` of the line, for block scalars
    i = contentStart;
    while (i < lineEnd) {
      const c = text[i]!;
      if (quote !== undefined) {
        if (quote === '"' && c === "\\") {
          i += 2;
          continue;
        }
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") {
            i += 2;
            continue;
          }
          quote = undefined;
          i++;
          if (text[i] === "#") edits.push({ at: i, removed: 0, inserted: " " });
          tokenStart = false;
          continue;
        }
        i++;
        continue;
      }
      if (c === " " || c === "\t" || c === "\r") {
        i++;
        continue;
      }
      if (c === "#" && (i === lineStart || isBlank(text[i - 1]))) break; // comment to the end of the line

      if (flowDepth > 0) {
        if (c === "[" || c === "{") {
          flowDepth++;
          i++;
        } else if (c === "]" || c === "}" || c === ",") {
          if (c !== ",") flowDepth--;
          i++;
          if (text[i] === "#") edits.push({ at: i, removed: 0, inserted: " " });
          if (flowDepth === 0) tokenStart = false;
        } else if (c === '"' || c === "'") {
          startQuote(c, i);
          i++;
        } else {
          // A plain scalar, an indicator or a key: up to the next flow indicator or ` #`.
          i++;
          while (i < lineEnd && !"[]{},".includes(text[i]!) && !(text[i] === "#" && isBlank(text[i - 1]))) {
            if (text[i] === '"' || text[i] === "'") {
              // A quote opens a scalar only where one may start: after `:` and white space.
              if (isBlank(text[i - 1]) && /[:\[{,]\s*$/.test(text.slice(Math.max(lineStart, i - 4), i))) break;
            }
            i++;
          }
        }
        continue;
      }

      // Block context.
      if (c === "-" || c === "?" || c === ":") {
        if (isSpaceOrEnd(text[i + 1])) {
          if (c !== ":") keyColumn = i - lineStart;
          i++;
          tokenStart = true;
          continue;
        }
      }
      if (tokenStart) {
        if (c === "[" || c === "{") {
          if (flowDepth === 0) need = i - lineStart;
          flowDepth = 1;
          i++;
          continue;
        }
        if (c === '"' || c === "'") {
          startQuote(c, i);
          i++;
          continue;
        }
        if (c === "|" || c === ">") {
          const rest = text.slice(i + 1, lineEnd);
          if (/^[-+0-9]*\s*(#.*)?\r?$/.test(rest)) {
            blockScalarParent = keyColumn;
            break;
          }
        }
        if (c === "&" || c === "!") {
          while (i < lineEnd && !isBlank(text[i])) i++;
          continue; // an anchor or tag: the node follows
        }
      }
      // A plain scalar (or alias): up to `: ` (a key) or ` #` or the end of the line.
      const start = i;
      while (i < lineEnd) {
        const d = text[i]!;
        if (d === ":" && isSpaceOrEnd(text[i + 1])) break;
        if (d === "#" && isBlank(text[i - 1])) break;
        i++;
      }
      if (text[i] === ":") keyColumn = start - lineStart;
      tokenStart = false;
    }
  }
  return edits;

  function startQuote(c: '"' | "'", at: number): void {
    if (flowDepth === 0) {
      let lineStart = at;
      while (lineStart > 0 && text[lineStart - 1] !== "\n") lineStart--;
      need = at - lineStart;
    }
    quote = c;
  }
}
