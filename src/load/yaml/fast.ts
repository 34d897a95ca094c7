// A fast reader for the plain YAML that manifests are nearly always written in: block mappings
// and sequences, plain and quoted scalars (over several lines too, with JSON's escapes and an
// escaped space), single-line flow collections, literal and folded block scalars, comments, `---`
// between documents, LF or CRLF line ends. It builds the plain values directly, over ten times
// faster than composing the `yaml` package's Document and converting it, and keeps no syntax tree.
//
// It is an optimization only: it answers for a whole file or not at all. At anything outside that
// subset (anchors, aliases, tags, flow collections over lines, YAML's other escapes and escaped
// line breaks, tabs, lone carriage returns, directives, empty documents, duplicate keys,
// indentation that is not plainly right)
// it gives up, and the file takes the full path (documents.ts), which also reports every error.
// So the fast path never has to say what is wrong, only to recognize what is certainly right and
// produce exactly what the full path would: the same values (YAML 1.1 scalars are resolved by
// the `yaml` package's own tags), the same document ranges and start offsets (test/load
// yaml-fast.test.ts compares the two on generated documents).
import type { ReadDocument } from "../object/source.js";
import { Document, isScalar, type DocumentOptions, type ParseOptions, type ScalarTag, type Schema, type SchemaOptions } from "yaml";

export type FastDocument = ReadDocument;

/**
 * Characters that never take the fast path: control characters (tabs; carriage returns other
 * than in CRLF line ends), BOMs, non-characters.
 */
// eslint-disable-next-line no-control-regex
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A carriage return not followed by a line feed; looked for only in text that has one (a class alone scans faster). */
const LONE_CR = /\r(?!\n)/;
/** Nesting the fast path handles; deeper documents take the full path and its depth cap. */
const MAX_FAST_DEPTH = 64;
/** yaml refuses implicit keys longer than 1024 characters; stay well clear. */
const MAX_KEY_LENGTH = 1000;

class Bail {}
const BAIL = new Bail();

/** The documents of `text`, or undefined when the file is not in the fast subset. */
export function parseFast(text: string, maxDocuments: number): FastDocument[] | undefined {
  return read(text, maxDocuments);
}

/** The documents, noting where entries are written when `where` is given; undefined outside the fast subset. */
function read(text: string, maxDocuments: number, where?: Map<object, EntryOffsets>): FastDocument[] | undefined {
  if (UNSUPPORTED_CHARS.test(text) || (text.includes("\r") && LONE_CR.test(text))) return undefined;
  try {
    return new FastParser(text, maxDocuments, where).documents();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/**
 * Where the entries of one collection are written: a mapping's keys, a sequence's items (-1: an
 * empty item, which the full path places by rules of its own). Offsets in the text read.
 */
export type EntryOffsets = ReadonlyMap<string, number> | readonly number[];

/**
 * The one document of `text` (a document's own text, as `span` cuts it out of its file), read
 * again with where each entry of each collection is written, for locating paths in it
 * (fast-locator.ts); undefined when it is not in the fast subset.
 */
export function parseFastTracked(text: string): { document: FastDocument; where: ReadonlyMap<object, EntryOffsets> } | undefined {
  const where = new Map<object, EntryOffsets>();
  const document = read(text, 1, where)?.[0];
  return document && { document, where };
}

function bail(): never {
  throw BAIL;
}

/** Indicators a plain scalar cannot start with (`-`, `?` and `:` aside: plainStart). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ",[]{}#&*!|>'\"%@`") NOT_PLAIN_START[c.charCodeAt(0)] = 1;
/** Flow indicators: a plain key holding one takes the full path. */
const FLOW_CHAR = new Uint8Array(128);
for (const c of "[]{},") FLOW_CHAR[c.charCodeAt(0)] = 1;

/**
 * First characters of a line that might be read as something other than a plain scalar going on
 * (an entry, a key, a comment). Others (`{key,value} in ...`, quotes, `*`) are text there, as
 * the differential test holds.
 */
const NOT_CONTINUED = new Uint8Array(128);
for (const c of ":#") NOT_CONTINUED[c.charCodeAt(0)] = 1;

/** Escapes a double-quoted scalar may hold on the fast path (after the backslash): JSON's, which YAML reads alike, and a space. */
const FAST_ESCAPES = new Set([..."\"\\/bfnrt "].map((c) => c.charCodeAt(0)));
/** What those escapes stand for (the others, `"`, `\\`, `/` and the space, for themselves). */
const ESCAPED: Readonly<Record<string, string>> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const QUOTE = 34;
const APOS = 39;

/**
 * Reads a file line by line: each line's start, end and indentation are found once, and nodes are
 * read by recursive descent over them, a block collection's extent given by indentation alone.
 */
class FastParser {
  // Typed arrays of the line count: held outside the collected heap, and made at their size.
  private readonly lineStarts: Int32Array;
  private readonly lineEnds: Int32Array;
  /** Indentation of each line; -1 for blank and comment-only lines, -2 for `---`, -3 for `...` and directives. */
  private readonly indents: Int32Array;
  /** How many lines there are. */
  private readonly lines: number;
  /** Current line. */
  private li = 0;
  private depth = 0;
  /** The last value read was empty (see empty()). */
  private endsEmpty = false;
  /** Where the last value afterIndicator read starts; -1 when it was empty. */
  private valueStart = -1;

  constructor(
    private readonly text: string,
    private readonly maxDocuments: number,
    /** When given, where each collection's entries are written (parseFastTracked). */
    private readonly where?: Map<object, EntryOffsets>,
  ) {
    const t = text;
    let most = 1;
    for (let nl = t.indexOf("\n"); nl >= 0; nl = t.indexOf("\n", nl + 1)) most++;
    this.lineStarts = new Int32Array(most);
    this.lineEnds = new Int32Array(most);
    this.indents = new Int32Array(most);
    let line = 0;
    let pos = 0;
    while (pos < t.length) {
      const nl = t.indexOf("\n", pos);
      const next = nl < 0 ? t.length : nl;
      // A line's content ends before its CRLF (as yaml reads it: \r\n is one line break).
      const end = nl > pos && t.charCodeAt(nl - 1) === 13 ? nl - 1 : next;
      this.lineStarts[line] = pos;
      this.lineEnds[line] = end;
      let i = pos;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      let indent = i - pos;
      if (i === end || t.charCodeAt(i) === HASH) indent = -1;
      else if (i === pos) {
        const c = t.charCodeAt(pos);
        if (c === DASH && t.startsWith("---", pos) && (pos + 3 === end || t.charCodeAt(pos + 3) === SPACE)) indent = -2;
        else if (c === 46 /* . */ && t.startsWith("...", pos) && (pos + 3 === end || t.charCodeAt(pos + 3) === SPACE)) indent = -3;
        else if (c === 37 /* % */) indent = -3;
      }
      this.indents[line++] = indent;
      pos = next + 1;
    }
    this.lines = line;
  }

  documents(): FastDocument[] {
    const out: FastDocument[] = [];
    const n = this.lines;
    // Documents as the full path numbers them: an empty one (`---` and nothing, a trailing `---`
    // most often) has a number and nothing to read.
    let count = 0;
    this.li = this.nextContent(0);
    while (this.li < n) {
      if (count >= this.maxDocuments) bail(); // the full path reports the cap
      let marker: number | undefined;
      const first = this.li;
      if (this.indents[first] === -3) bail();
      if (this.indents[first] === -2) {
        marker = this.lineStarts[first]!;
        // `---` may be followed by a comment only.
        this.checkRest(first, this.lineStarts[first]! + 3);
        this.li = this.nextContent(first + 1);
        if (this.li >= n || this.indents[this.li] === -2) {
          count++; // an empty document
          continue;
        }
        if (this.indents[this.li]! < 0) bail(); // `...` or a directive
      }
      const startLine = this.li;
      const indent = this.indents[startLine]!;
      const start = this.lineStarts[startLine]! + indent;
      // Only block collections at the top: a scalar's or flow collection's range ends differently.
      const value = this.isDashItem(start, startLine) || this.keyEnd(startLine, start) !== undefined ? this.blockNode(startLine, indent, -1) : bail();
      if (this.li < n && this.indents[this.li] !== -2) bail(); // content left over (or `...`)
      // The Document's range runs to the next `---` (comments and blank lines included) or the end.
      const end = this.li < n ? this.lineStarts[this.li]! : this.text.length;
      // Not so after an empty value at the end: it depends on the blank lines and comments after
      // it. The full path tells.
      if (this.endsEmpty) bail();
      out.push({ index: count++, value, start, line: startLine + 1, column: indent + 1, span: [marker ?? this.lineStarts[startLine]!, end] });
    }
    return out;
  }

  /** The first line at or after `from` that has content or is a marker. */
  private nextContent(from: number): number {
    let i = from;
    while (i < this.lines && this.indents[i] === -1) i++;
    return i;
  }

  /** The indentation of the next content line after the current one; -1 at a marker or the end. */
  private peekIndent(): number {
    return this.li < this.lines ? Math.max(this.indents[this.li]!, -1) : -1;
  }

  /** Only white space and a comment may follow `from` on line `line`. */
  private checkRest(line: number, from: number): void {
    const t = this.text;
    const end = this.lineEnds[line]!;
    let i = from;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i === end) return;
    if (t.charCodeAt(i) === HASH && i > from) return;
    bail();
  }

  /**
   * A node that starts a line of its own: line `line`, column `col`. `parentIndent` is the
   * indentation of the collection it belongs to (-1 at the root). Leaves `li` at the next content line.
   */
  private blockNode(line: number, col: number, parentIndent: number): unknown {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    try {
      const pos = this.lineStarts[line]! + col;
      if (this.isDashItem(pos, line)) return this.blockSeq(line, col);
      if (this.keyEnd(line, pos) !== undefined) return this.blockMap(line, col);
      // A scalar or flow collection alone on its line (a scalar may go on, on lines indented more).
      const value = this.inlineValue(line, pos, parentIndent);
      if (this.peekIndent() > parentIndent) bail(); // a stray deeper line
      return value;
    } finally {
      this.depth--;
    }
  }

  private isDashItem(pos: number, line: number): boolean {
    const t = this.text;
    return t.charCodeAt(pos) === DASH && (pos + 1 === this.lineEnds[line]! || t.charCodeAt(pos + 1) === SPACE);
  }

  private blockSeq(firstLine: number, col: number): unknown[] {
    const items: unknown[] = [];
    const at: number[] | undefined = this.where && [];
    if (at) this.where!.set(items, at);
    let line = firstLine;
    for (;;) {
      const dash = this.lineStarts[line]! + col;
      items.push(this.afterIndicator(line, dash + 1, col, true));
      at?.push(this.valueStart);
      // li is the next content line
      const next = this.li;
      if (next >= this.lines) return items;
      const indent = this.indents[next]!;
      if (indent < col) return items; // also markers (-2, -3)
      if (indent > col) bail();
      if (!this.isDashItem(this.lineStarts[next]! + col, next)) return items; // a key of an enclosing map at the same column
      line = next;
    }
  }

  private blockMap(firstLine: number, col: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const at: Map<string, number> | undefined = this.where && new Map();
    if (at) this.where!.set(map, at);
    let line = firstLine;
    for (;;) {
      const pos = this.lineStarts[line]! + col;
      const colon = this.keyEnd(line, pos);
      if (colon === undefined) bail();
      const key = this.keyString(pos, colon);
      at?.set(key, pos);
      // Values are never undefined (an empty one is null): one lookup tells a new key, own or
      // inherited ones (`constructor`, `__proto__`) are looked at closer.
      const known = map[key] !== undefined;
      if (known && Object.hasOwn(map, key)) bail(); // a duplicate key: the full path warns about it
      const value = this.afterIndicator(line, colon + 1, col, false);
      if (known) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
      else map[key] = value;
      const next = this.li;
      if (next >= this.lines) return map;
      const indent = this.indents[next]!;
      if (indent < col) return map;
      if (indent > col) bail();
      if (this.isDashItem(this.lineStarts[next]! + col, next)) bail(); // a sequence where a key belongs
      line = next;
    }
  }

  /**
   * The value after a `- ` or a `key:` on line `line`, from `from`. `indent` is the column of the
   * dash or key. Leaves `li` at the next content line.
   */
  private afterIndicator(line: number, from: number, indent: number, inSeq: boolean): unknown {
    const t = this.text;
    const end = this.lineEnds[line]!;
    let i = from;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i === end || (t.charCodeAt(i) === HASH && i > from)) {
      // Nothing on this line: the value is on the next lines, or null.
      this.li = this.nextContent(line + 1);
      const next = this.li;
      if (next >= this.lines || this.indents[next]! < 0) return this.empty();
      const n = this.indents[next]!;
      if (n > indent) return this.startingAt(this.lineStarts[next]! + n, this.blockNode(next, n, indent));
      // A sequence may sit at its key's own column.
      if (!inSeq && n === indent && this.isDashItem(this.lineStarts[next]! + n, next)) {
        if (++this.depth > MAX_FAST_DEPTH) bail();
        try {
          return this.startingAt(this.lineStarts[next]! + n, this.blockSeq(next, n));
        } finally {
          this.depth--;
        }
      }
      return this.empty();
    }
    if (i === from) bail(); // `-x` or `key:x` cannot get here; be safe
    const col = i - this.lineStarts[line]!;
    if (inSeq) {
      // `- - a` and `- key: value` open a collection at this column.
      if (this.isDashItem(i, line) || this.keyEnd(line, i) !== undefined) return this.startingAt(i, this.blockNode(line, col, indent));
    } else if (this.isDashItem(i, line)) bail(); // `key: - a`; `key: a: b` fails in inlineValue (or checkRest after a quote)
    const c = t.charCodeAt(i);
    if (c === 124 /* | */ || c === 62 /* > */) return this.startingAt(i, this.blockScalar(line, i, indent));
    const value = this.inlineValue(line, i, indent);
    if (this.peekIndent() > indent) bail(); // a stray deeper line
    return this.startingAt(i, value);
  }

  /** `value`, noting that it starts at `start` (set after the nested values it holds noted theirs). */
  private startingAt<T>(start: number, value: T): T {
    this.valueStart = start;
    return value;
  }

  /**
   * If a mapping key starts at `pos`: the offset of its `:`. Plain keys (no indicators, no flow
   * characters) and single-line quoted keys only.
   */
  private keyEnd(line: number, pos: number): number | undefined {
    const t = this.text;
    const end = this.lineEnds[line]!;
    const c = t.charCodeAt(pos);
    if (c === QUOTE || c === APOS) {
      const close = this.quoteEnd(pos, end);
      if (close === undefined) return undefined;
      return t.charCodeAt(close + 1) === COLON && (close + 2 === end || t.charCodeAt(close + 2) === SPACE) ? close + 1 : undefined;
    }
    if (!this.plainStart(pos, end)) return undefined;
    for (let i = pos; i < end; i++) {
      const d = t.charCodeAt(i);
      if (d === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) return i;
      if (d === HASH && t.charCodeAt(i - 1) === SPACE) return undefined;
    }
    return undefined;
  }

  private keyString(pos: number, colon: number): string {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (colon - pos > MAX_KEY_LENGTH) bail();
    if (c === QUOTE || c === APOS) return this.quoted(pos, colon - 1);
    let stop = colon;
    while (stop > pos && t.charCodeAt(stop - 1) === SPACE) stop--;
    let h = 0;
    for (let i = pos; i < stop; i++) {
      const d = t.charCodeAt(i);
      if (d < 128 && FLOW_CHAR[d] === 1) bail();
      h = (Math.imul(h, 31) + d) | 0;
    }
    if (stop - pos === 2 && t.startsWith("<<", pos)) bail();
    const v = plainAt(t, pos, stop, h);
    if (v === null) return "";
    if (typeof v === "object") bail();
    return String(v);
  }

  /** Where a plain scalar may start: no indicator, except `-`, `?`, `:` before a non-space. */
  private plainStart(pos: number, end: number): boolean {
    if (pos >= end) return false;
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === DASH || c === 63 /* ? */ || c === COLON) return pos + 1 < end && t.charCodeAt(pos + 1) !== SPACE;
    return c >= 128 || NOT_PLAIN_START[c] === 0;
  }

  /**
   * An empty value (`key:` with nothing below). Where it ends a document, the Document's range
   * ends in ways that depend on the blank lines and comments after it: the full path tells.
   */
  private empty(): null {
    this.endsEmpty = true;
    this.valueStart = -1;
    return null;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `pos`, in a collection indented
   * `parentIndent`: clip and strip chomping, indentation found from the first line. Its value is
   * computed as yaml's resolveBlockScalar does; the cases where that reports an error, and the
   * rarer ones (keep chomping, indentation indicators, more-indented leading or trailing blank
   * lines, no content), take the full path. Leaves `li` at the next content line.
   */
  private blockScalar(line: number, pos: number, parentIndent: number): string {
    const t = this.text;
    const header = /^([|>])(-?)( +#.*| *)$/.exec(t.slice(pos, this.lineEnds[line]!));
    if (!header) bail();
    const folded = header[1] === ">";
    // Its lines: up to the first one with content at or left of the parent's indentation.
    const lines: [indent: number, content: string][] = [];
    let next = line + 1;
    for (; next < this.lines; next++) {
      const start = this.lineStarts[next]!;
      const end = this.lineEnds[next]!;
      let i = start;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      if (i < end && i - start <= parentIndent) break;
      lines.push([i - start, t.slice(i, end)]);
    }
    let chompStart = lines.length;
    while (chompStart > 0 && lines[chompStart - 1]![1] === "") chompStart--;
    const contentStart = lines.findIndex(([, content]) => content !== "");
    if (contentStart < 0) bail();
    const trimIndent = lines[contentStart]![0];
    for (let k = 0; k < lines.length; k++) {
      const [indent, content] = lines[k]!;
      if (content === "" ? indent > trimIndent && (k < contentStart || k >= chompStart) : indent < trimIndent) bail();
    }
    let value = "\n".repeat(contentStart);
    let sep = "";
    let prevMoreIndented = false;
    for (let k = contentStart; k < chompStart; k++) {
      const [indent, content] = lines[k]!;
      const more = " ".repeat(Math.max(0, indent - trimIndent));
      if (!folded) {
        value += sep + more + content;
        sep = "\n";
      } else if (indent > trimIndent) {
        if (sep === " ") sep = "\n";
        else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
        value += sep + more + content;
        sep = "\n";
        prevMoreIndented = true;
      } else if (content === "") {
        if (sep === "\n") value += "\n";
        else sep = "\n";
      } else {
        value += sep + content;
        sep = " ";
        prevMoreIndented = false;
      }
    }
    if (header[2] !== "-") value += "\n";
    this.li = this.nextContent(next);
    this.endsEmpty = false;
    return value;
  }

  /**
   * A plain, quoted or flow value from `pos`, with only a comment after it: on one line, or a plain
   * or single-quoted scalar going on over lines indented past `parentIndent` (a CRD's descriptions,
   * a long shell command), folded as YAML folds them. Leaves `li` at the next content line.
   */
  private inlineValue(line: number, pos: number, parentIndent: number): unknown {
    this.endsEmpty = false;
    const t = this.text;
    const end = this.lineEnds[line]!;
    const c = t.charCodeAt(pos);
    if (c === QUOTE || c === APOS) {
      const close = this.quoteEnd(pos, end);
      if (close === undefined) return this.quotedLines(line, pos, parentIndent);
      const v = this.quoted(pos, close);
      this.checkRest(line, close + 1);
      this.li = this.nextContent(line + 1);
      return v;
    }
    if (c === 91 /* [ */ || c === 123 /* { */) {
      const r = this.flow(pos, end, 0);
      this.checkRest(line, r.end);
      this.li = this.nextContent(line + 1);
      return r.value;
    }
    if (!this.plainStart(pos, end)) bail();
    // The value ends at a comment or the line's end, trailing spaces aside: its hash (plainAt) is
    // the one as of its last other character.
    let stop = pos;
    let h = 0;
    let hashed = 0;
    let commented = false;
    for (let i = pos; i < end; i++) {
      const d = t.charCodeAt(i);
      if (d === HASH && t.charCodeAt(i - 1) === SPACE) {
        commented = true;
        break;
      }
      if (d === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) bail();
      h = (Math.imul(h, 31) + d) | 0;
      if (d !== SPACE) {
        stop = i + 1;
        hashed = h;
      }
    }
    // A comment ends the scalar; lines indented past it after one are the caller's to refuse.
    const more = commented ? undefined : this.plainLines(line, parentIndent);
    if (more === undefined) {
      this.li = this.nextContent(line + 1);
      return plainAt(t, pos, stop, hashed);
    }
    this.li = this.nextContent(more.last + 1);
    return resolvePlain(t.slice(pos, stop) + more.text);
  }

  /**
   * The lines that go on with a plain scalar begun on `line`, folded (a line break between two
   * lines is a space, each blank line between them a line break), or undefined when none does.
   * A line that could be read otherwise (starting with an indicator, holding `: ` or ` #`) is
   * left to the full path.
   */
  private plainLines(line: number, parentIndent: number): { text: string; last: number } | undefined {
    const t = this.text;
    let text = "";
    let last = line;
    let blanks = 0;
    for (let k = line + 1; k < this.lines; k++) {
      const indent = this.indents[k]!;
      if (indent === -1) {
        if (this.isBlank(k)) {
          blanks++;
          continue;
        }
        break; // a comment line
      }
      if (indent <= parentIndent) break; // also markers (-2, -3)
      const start = this.lineStarts[k]! + indent;
      const end = this.lineEnds[k]!;
      const first = t.charCodeAt(start);
      if (first < 128 && NOT_CONTINUED[first] === 1) bail();
      let stop = start;
      for (let i = start; i < end; i++) {
        const d = t.charCodeAt(i);
        if (d === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) bail();
        if (d === HASH && t.charCodeAt(i - 1) === SPACE) bail();
        if (d !== SPACE) stop = i + 1;
      }
      text += (blanks > 0 ? "\n".repeat(blanks) : " ") + t.slice(start, stop);
      blanks = 0;
      last = k;
    }
    return last === line ? undefined : { text, last };
  }

  /**
   * A quoted scalar opened at `pos` on `line` and closed on a later line indented past
   * `parentIndent`, folded as a plain one is, each piece unquoted apart. A double-quoted line
   * ending in an escaped line break joins the next line without a space (an empty line after
   * one takes the full path). Leaves `li` at the next content line.
   */
  private quotedLines(line: number, pos: number, parentIndent: number): string {
    const t = this.text;
    const q = t.charCodeAt(pos);
    const firstEnd = this.withoutSpaces(pos + 1, this.lineEnds[line]!);
    if (firstEnd === pos + 1) bail(); // a line break right after the quote
    // Whether the last piece's line break was escaped (the backslash left out of the piece).
    let joined = this.endsEscaped(pos + 1, firstEnd, line, q);
    let value = this.unquoted(t.slice(pos + 1, joined ? firstEnd - 1 : firstEnd), q);
    let blanks = 0;
    for (let k = line + 1; k < this.lines; k++) {
      // Inside quotes `#` is text: the line is read, not its place in `indents`.
      if (this.indents[k] === -2 || this.indents[k] === -3) bail();
      const lineStart = this.lineStarts[k]!;
      const end = this.lineEnds[k]!;
      let i = lineStart;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      if (i === end) {
        if (joined) bail();
        blanks++;
        continue;
      }
      if (i - lineStart <= parentIndent) bail();
      // The quote may close at the line's start (`'{...}` then a blank line then `'`, as kubectl
      // writes last-applied-configuration): the piece is empty, the break before it still folds.
      const close = this.quoteEnd(i, end, q, i);
      const pieceEnd = close ?? this.withoutSpaces(i, end);
      const escaped = close === undefined && this.endsEscaped(i, pieceEnd, k, q);
      value += (joined ? "" : blanks > 0 ? "\n".repeat(blanks) : " ") + this.unquoted(t.slice(i, escaped ? pieceEnd - 1 : pieceEnd), q);
      joined = escaped;
      blanks = 0;
      if (close !== undefined) {
        this.checkRest(k, close + 1);
        this.li = this.nextContent(k + 1);
        return value;
      }
    }
    return bail(); // never closed
  }

  /**
   * Whether a double-quoted line's piece [from, end) (spaces after it left off) ends in a
   * backslash that escapes the line break, not one escaped itself. One that escapes a space the
   * piece left off (`\ ` and more spaces) takes the full path.
   */
  private endsEscaped(from: number, end: number, line: number, q: number): boolean {
    if (q !== QUOTE) return false;
    let n = 0;
    while (end - n > from && this.text.charCodeAt(end - n - 1) === 92 /* \ */) n++;
    if (n % 2 === 0) return false;
    if (end !== this.lineEnds[line]) bail();
    return true;
  }

  /** `end`, less the spaces before it (YAML's white space: not a non-breaking one, which is text). */
  private withoutSpaces(from: number, end: number): number {
    while (end > from && this.text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  private isBlank(line: number): boolean {
    const t = this.text;
    for (let i = this.lineStarts[line]!; i < this.lineEnds[line]!; i++) if (t.charCodeAt(i) !== SPACE) return false;
    return true;
  }

  /** Offset of the quote closing the scalar whose quote (or text) is at `pos`, on this line; undefined when it goes on. */
  private quoteEnd(pos: number, end: number, q = this.text.charCodeAt(pos), from = pos + 1): number | undefined {
    const t = this.text;
    for (let i = from; i < end; i++) {
      const d = t.charCodeAt(i);
      if (q === QUOTE && d === 92 /* \ */) {
        i = this.escapeEnd(i, end);
        continue;
      }
      if (d === q) {
        if (q === APOS && t.charCodeAt(i + 1) === APOS) {
          i++;
          continue;
        }
        return i;
      }
    }
    return undefined;
  }

  /**
   * The last offset of the escape at `i` in a double-quoted scalar: those JSON has, which mean the
   * same in YAML, and an escaped space (kubectl writes one to keep a line's leading space); YAML's
   * others (`\x41`, `\e`, a line break escaped) take the full path.
   */
  private escapeEnd(i: number, end: number): number {
    const t = this.text;
    if (i + 1 === end) return i; // at the line's end: an escaped line break (quotedLines)
    const e = t.charCodeAt(i + 1);
    if (e === 117 /* u */) {
      if (i + 5 >= end || !/^[0-9A-Fa-f]{4}$/.test(t.slice(i + 2, i + 6))) bail();
      return i + 5;
    }
    if (i + 1 >= end || !FAST_ESCAPES.has(e)) bail();
    return i + 1;
  }

  private quoted(pos: number, close: number): string {
    return this.unquoted(this.text.slice(pos + 1, close), this.text.charCodeAt(pos));
  }

  /** A quoted scalar's text (or a line's piece of it) as its value: `''` a quote, escapes decoded. */
  private unquoted(inner: string, q: number): string {
    if (q === APOS) return inner.replaceAll("''", "'");
    if (!inner.includes("\\")) return inner;
    // Escapes as quoteEnd let them through (escapeEnd): each stands for one character.
    let out = "";
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i]!;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = inner[++i]!;
      if (e === "u") {
        out += String.fromCharCode(parseInt(inner.slice(i + 1, i + 5), 16));
        i += 4;
      } else out += ESCAPED[e] ?? e;
    }
    return out;
  }

  /** A flow collection on one line: `[a, b]`, `{a: b}`, nested, with plain and quoted scalars. */
  private flow(pos: number, end: number, depth: number): { value: unknown; end: number } {
    if (depth + this.depth > MAX_FAST_DEPTH) bail();
    const t = this.text;
    const open = t.charCodeAt(pos);
    const close = open === 91 ? 93 : 125;
    const isMap = open === 123;
    const items: unknown[] = [];
    const map: Record<string, unknown> = {};
    // Where each entry starts: a mapping's key, a sequence's item.
    const keysAt: Map<string, number> | undefined = this.where && isMap ? new Map() : undefined;
    const itemsAt: number[] | undefined = this.where && !isMap ? [] : undefined;
    if (this.where) this.where.set(isMap ? map : items, (keysAt ?? itemsAt)!);
    let i = pos + 1;
    const skip = () => {
      while (i < end && t.charCodeAt(i) === SPACE) i++;
    };
    skip();
    if (t.charCodeAt(i) === close) return { value: isMap ? map : items, end: i + 1 };
    for (;;) {
      skip();
      let key: string | undefined;
      itemsAt?.push(i);
      if (isMap) {
        const entryStart = i;
        const k = this.flowScalar(i, end, true);
        if (typeof k.value === "object" && k.value !== null) bail();
        key = k.value === null ? "" : String(k.value);
        i = k.end;
        if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SPACE) bail();
        i += 2;
        skip();
        if (Object.hasOwn(map, key)) bail();
        keysAt?.set(key, entryStart);
      }
      const c = t.charCodeAt(i);
      let value: unknown;
      if (c === 91 || c === 123) {
        const r = this.flow(i, end, depth + 1);
        value = r.value;
        i = r.end;
      } else {
        const r = this.flowScalar(i, end, false);
        value = r.value;
        i = r.end;
      }
      if (isMap) {
        if (key! in map) Object.defineProperty(map, key!, { value, writable: true, enumerable: true, configurable: true });
        else map[key!] = value;
      } else items.push(value);
      skip();
      const d = t.charCodeAt(i);
      if (d === close) return { value: isMap ? map : items, end: i + 1 };
      if (d !== 44 /* , */) bail();
      i++;
      skip();
      if (t.charCodeAt(i) === close || t.charCodeAt(i) === 44) bail(); // trailing or empty entries
    }
  }

  /**
   * A scalar inside a flow collection: quoted, or plain without `#` and flow indicators, and with
   * a `:` only where a value holds one before another character (`image: nginx:1.25`); a key ends
   * at `: `.
   */
  private flowScalar(pos: number, end: number, isKey: boolean): { value: unknown; end: number } {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === QUOTE || c === APOS) {
      const close = this.quoteEnd(pos, end);
      if (close === undefined) bail();
      return { value: this.quoted(pos, close), end: close + 1 };
    }
    if (!this.plainStart(pos, end)) bail();
    // `-n`, `?x`, `:x`: a plain scalar, as in block context, unless a flow indicator follows (`[-]`).
    if (c === DASH || c === 63 /* ? */ || c === COLON) {
      const next = t.charCodeAt(pos + 1);
      if (next < 128 && FLOW_CHAR[next] === 1) bail();
    }
    let i = pos;
    while (i < end) {
      const d = t[i]!;
      if (d === "," || d === "]" || d === "}" || d === "[" || d === "{") break;
      if (d === ":") {
        const next = t.charCodeAt(i + 1);
        if (isKey && next === SPACE) break;
        // In a value, `:` before anything but a space, a flow indicator or the end is the scalar's.
        if (isKey || i + 1 >= end || next === SPACE || (next < 128 && FLOW_CHAR[next] === 1)) bail();
      }
      if (d === "#" || d === '"' || d === "'") bail();
      i++;
    }
    const raw = t.slice(pos, i).trimEnd();
    if (raw === "" || raw === "<<") bail();
    return { value: resolvePlain(raw), end: pos + raw.length };
  }
}

// Plain scalars are resolved by the tags of the schema documents.ts parses with: the yaml
// package's own regular expressions and resolvers, so `yes`, `0755`, `1_000`, `.inf` and the rest
// mean exactly what they mean on the full path (composeScalar: the first default tag whose test
// matches, else a string). Results are memoized: manifests repeat the same few thousand scalars.
type Options = DocumentOptions & SchemaOptions & ParseOptions;
let resolver: { schema: Schema; options: Document["options"] } | undefined;
let schemaOptions: Options | undefined;
let resolved = new Map<string, unknown>();
const MAX_MEMO = 100_000;

// The short plain scalars read last, by a hash of their text: a manifest repeats the same keys
// (`name:`, `containerPort:`) and values (`TCP`, `prod`) thousands of times, and one found here
// is neither cut out of the text again nor resolved again, and every repetition is one string
// (a property key made once, a label value held once).
const RECENT = 1 << 14;
const RECENT_LENGTH = 48;
let recent: { raw: (string | undefined)[]; value: unknown[] } = { raw: new Array(RECENT), value: new Array(RECENT) };

/** The options documents.ts composes with (YAML 1.1 without the time tags): set once by it. */
export function useSchema(options: Options): void {
  schemaOptions = options;
  resolver = undefined;
  resolved = new Map();
  recent = { raw: new Array(RECENT), value: new Array(RECENT) };
}

/**
 * The plain scalar written at text[pos, stop), resolved. `hash`: of its characters, each step
 * h = h * 31 + code (from 0), as the caller's scan of them made it.
 */
function plainAt(text: string, pos: number, stop: number, hash: number): unknown {
  const n = stop - pos;
  if (n === 0 || n > RECENT_LENGTH) return resolvePlain(text.slice(pos, stop));
  const slot = (Math.imul(hash, 31) + n) & (RECENT - 1);
  const known = recent.raw[slot];
  if (known !== undefined && known.length === n && text.startsWith(known, pos)) return recent.value[slot];
  const raw = text.slice(pos, stop);
  const value = resolvePlain(raw); // primitives only (resolveUncached): safe to share
  recent.raw[slot] = raw;
  recent.value[slot] = value;
  return value;
}

/**
 * First characters with which a plain scalar may be something else than a string under the
 * schema's tags (null `~`, booleans y/n/yes/no/true/false/on/off, numbers with sign, digit, dot
 * or an exponent `e5`); any other one starts a string. The differential test guards this.
 */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of "-+.0123456789~yYnNtTfFoOeE") MAY_RESOLVE[c.charCodeAt(0)] = 1;

function resolvePlain(raw: string): unknown {
  if (raw !== "") {
    const c = raw.charCodeAt(0);
    if (c >= 128 || MAY_RESOLVE[c] === 0) return raw;
  }
  const memo = resolved.get(raw);
  if (memo !== undefined || resolved.has(raw)) return memo;
  const value = resolveUncached(raw);
  if (resolved.size >= MAX_MEMO) resolved = new Map();
  resolved.set(raw, value);
  return value;
}

function resolveUncached(raw: string): unknown {
  if (schemaOptions === undefined) bail();
  if (resolver === undefined) {
    const doc = new Document(undefined, schemaOptions);
    resolver = { schema: doc.schema, options: doc.options };
  }
  const tag = resolver.schema.tags.find((t) => t.default === true && t.test?.test(raw)) as ScalarTag | undefined;
  if (tag === undefined) return raw; // the string tag
  let failed = false;
  const res: unknown = tag.resolve(raw, () => (failed = true), resolver.options);
  if (failed) bail();
  const v = isScalar(res) ? res.value : res;
  if (typeof v === "bigint" || (typeof v === "object" && v !== null)) bail();
  return v;
}
