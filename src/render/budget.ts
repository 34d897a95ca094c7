// Fits a document made of blocks into a budget: whole blocks are dropped, lowest priority first;
// then the rows of tables are trimmed evenly; the kept blocks stay in order.
//
// The work is bounded by the budget, not by the input: sizes are added up rather than the
// document rendered at each try, rows are written only as far as the budget can reach, and a
// block may be given as a writer that gives up once it outgrows the budget (a list of a million
// pairs is never written to be thrown away). The size is UTF-16 units by default, or what the
// caller measures (UTF-8 bytes for GitHub's job summary).

/** Rows written on demand: `at(i)` for i below `length` (an array is one). */
export interface RowList {
  readonly length: number;
  at(i: number): string | undefined;
}

export interface Rows {
  /** Text before the rows (a table header, a list title). */
  readonly head: string;
  readonly rows: RowList;
  /** Text after the rows. */
  readonly tail: string;
  /** The line that stands for the rows left out, e.g. "… and 12 more groups". */
  readonly more: (omitted: number) => string;
}

/** Writes a block's text, or gives up (undefined) once it would be larger than `max` by `size`. */
export type CappedText = (max: number, size: (text: string) => number) => string | undefined;

export interface Block {
  /** What a reader is told is missing when the block is dropped, e.g. "policy diffs". */
  readonly name: string;
  /** A block without rows. */
  readonly text?: string | CappedText;
  /** A block whose rows may be trimmed (never below zero rows: the head and `more` stay). */
  readonly rows?: Rows;
  /** Blocks with a lower rank are dropped first; undefined: never dropped. */
  readonly dropRank?: number;
  /**
   * Dropped only once table rows would fall below `minRows` otherwise (small, useful sections
   * such as assumptions); else dropped before any row is trimmed.
   */
  readonly afterRows?: boolean;
}

export interface Cuts {
  readonly omitted: readonly string[];
  /** Rows left out of trimmed blocks, in total. */
  readonly trimmedRows: number;
}

export interface FitOptions {
  /** The budget, in units of `size`. */
  readonly maxChars: number;
  /** The size of a text; default its length in UTF-16 units. Must add up over concatenation (or over-count). */
  readonly size?: (text: string) => number;
  /** Joins blocks. */
  readonly separator?: string;
  /** Says what was cut; placed before the block at `noteAt` (an index into blocks). */
  readonly note: (cuts: Cuts) => string;
  readonly noteAt: number;
  /** Rows per table worth more than the blocks marked `afterRows`; default 10. */
  readonly minRows?: number;
}

/** Renders a rows block keeping at most `keep` rows. */
export function renderRows(r: Rows, keep: number): string {
  const shown = Math.min(r.rows.length, Math.max(0, keep));
  const parts = [r.head];
  for (let i = 0; i < shown; i++) parts.push(r.rows.at(i) ?? "");
  const omitted = r.rows.length - shown;
  return parts.join("") + (omitted > 0 ? r.more(omitted) : "") + r.tail;
}

/** The length of a text in UTF-8 bytes, as GitHub counts its limits (a lone surrogate as the 3 bytes of U+FFFD). */
export function utf8Size(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // the pair: 4 bytes for 2 units
      i++;
    } else n += 2;
  }
  return n;
}

const utf16Size = (text: string) => text.length;

/** Sizes of a rows block: its fixed parts, and its rows' running total, written only as far as `max` needs. */
class RowSizes {
  private readonly prefix: number[] = [0];
  private readonly rendered: string[] = [];
  constructor(
    private readonly r: Rows,
    private readonly size: (text: string) => number,
    private readonly max: number,
  ) {}

  /** The block's size keeping `keep` rows; Infinity once past the budget. */
  total(keep: number): number {
    const shown = Math.min(this.r.rows.length, Math.max(0, keep));
    while (this.prefix.length <= shown) {
      const last = this.prefix[this.prefix.length - 1]!;
      if (last > this.max) return Infinity;
      const row = this.r.rows.at(this.prefix.length - 1) ?? "";
      this.rendered.push(row);
      this.prefix.push(last + this.size(row));
    }
    const omitted = this.r.rows.length - shown;
    return this.size(this.r.head) + this.prefix[shown]! + (omitted > 0 ? this.size(this.r.more(omitted)) : 0) + this.size(this.r.tail);
  }

  /** The text keeping `keep` rows (after total(keep) was finite). */
  text(keep: number): string {
    const shown = Math.min(this.r.rows.length, Math.max(0, keep));
    const omitted = this.r.rows.length - shown;
    return this.r.head + this.rendered.slice(0, shown).join("") + (omitted > 0 ? this.r.more(omitted) : "") + this.r.tail;
  }
}

export function fitBlocks(blocks: readonly Block[], options: FitOptions): string {
  const sep = options.separator ?? "\n";
  const size = options.size ?? utf16Size;
  const max = options.maxChars;
  const dropped = new Set<number>();
  let keep = Infinity;
  const maxRows = Math.max(0, ...blocks.map((b) => b.rows?.rows.length ?? 0));
  // Text blocks written once (a capped writer that gave up is larger than the whole budget).
  const texts = blocks.map((b) => (typeof b.text === "function" ? b.text(max, size) : (b.text ?? "")));
  const textSizes = texts.map((t) => (t === undefined ? Infinity : size(t)));
  const rowSizes = blocks.map((b) => (b.rows ? new RowSizes(b.rows, size, max) : undefined));
  const sepSize = size(sep);

  const cuts = (): Cuts => ({
    omitted: blocks.filter((_, i) => dropped.has(i)).map((b) => b.name),
    trimmedRows: blocks.reduce((n, b, i) => n + (dropped.has(i) || !b.rows ? 0 : Math.max(0, b.rows.rows.length - keep)), 0),
  });
  /** The parts of the document as it stands, as sizes or as texts. */
  const parts = <T>(note: (c: Cuts) => T, block: (i: number) => T, isEmpty: (x: T) => boolean): T[] => {
    const c = cuts();
    const out: T[] = [];
    blocks.forEach((_, i) => {
      if (i === options.noteAt && (c.omitted.length > 0 || c.trimmedRows > 0)) out.push(note(c));
      if (!dropped.has(i)) out.push(block(i));
    });
    return out.filter((x) => !isEmpty(x));
  };
  const measure = (): number => {
    const sizes = parts((c) => size(options.note(c)), (i) => rowSizes[i]?.total(keep) ?? textSizes[i]!, (n) => n === 0);
    return sizes.reduce((a, b) => a + b, 0) + sepSize * Math.max(0, sizes.length - 1);
  };
  const render = (): string => parts((c) => options.note(c), (i) => rowSizes[i]?.text(keep) ?? texts[i] ?? "", (t) => t === "").join(sep);
  const fits = () => measure() <= max;

  if (fits()) return render();

  const byRank = (late: boolean) =>
    blocks
      .map((b, i) => ({ rank: b.dropRank, late: b.afterRows === true, i }))
      .filter((x): x is { rank: number; late: boolean; i: number } => x.rank !== undefined && x.late === late)
      .sort((a, b) => a.rank - b.rank || b.i - a.i);
  /** The largest row count per block (the same for every block) that fits. */
  const fitRows = (): number => {
    let lo = 0;
    let hi = maxRows;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      keep = mid;
      if (fits()) lo = mid;
      else hi = mid - 1;
    }
    return (keep = lo);
  };

  // 0. A late block that gave up (larger than the whole budget alone) goes first: trimming rows
  // and dropping the late blocks before it for its sake would be in vain.
  blocks.forEach((b, i) => {
    if (b.dropRank !== undefined && b.afterRows === true && textSizes[i] === Infinity) dropped.add(i);
  });
  if (dropped.size > 0 && fits()) return render();
  // 1. Whole blocks, lowest rank first.
  for (const { i } of byRank(false)) {
    dropped.add(i);
    if (fits()) return render();
  }
  // 2. Rows, while enough of them stay; 3. then the small sections, and rows again.
  const minRows = Math.min(options.minRows ?? 10, maxRows);
  let rows = fitRows();
  for (const { i } of byRank(true)) {
    if (rows >= minRows && fits()) break;
    dropped.add(i);
    keep = Infinity;
    if (fits()) return render();
    rows = fitRows();
  }
  if (fits()) return render();

  // 4. Even the blocks that always stay are too long: cut the text itself (`keep` is the row
  // count that fitted, or none, so every kept block has been measured).
  // At a line's end: a cut inside a line can leave a link or code span open, and what the pull
  // request wrote live.
  const cut = cutText(render(), max, size);
  const nl = cut.lastIndexOf("\n");
  return nl > 0 ? `${cut.slice(0, nl)}\n…` : cut;
}

/** At most `max` by `size` (UTF-16 units by default), never splitting a surrogate pair, ending in "…" when cut. */
export function cutText(text: string, max: number, size: (text: string) => number = utf16Size): string {
  if (size(text) <= max) return text;
  if (max <= 0) return "";
  // The longest prefix that leaves room for the ellipsis; sizes add up, so search by halves.
  const room = max - size("…");
  let lo = 0;
  let hi = Math.min(text.length, Math.max(0, room));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(text.slice(0, mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return text.slice(0, end) + "…";
}
