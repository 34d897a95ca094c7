// Fits a document made of blocks into a character budget: whole blocks are dropped, lowest
// priority first; then the rows of tables are trimmed evenly; the kept blocks stay in order.

export interface Rows {
  /** Text before the rows (a table header, a list title). */
  readonly head: string;
  readonly rows: readonly string[];
  /** Text after the rows. */
  readonly tail: string;
  /** The line that stands for the rows left out, e.g. "… and 12 more groups". */
  readonly more: (omitted: number) => string;
}

export interface Block {
  /** What a reader is told is missing when the block is dropped, e.g. "policy diffs". */
  readonly name: string;
  /** A block without rows. */
  readonly text?: string;
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
  readonly maxChars: number;
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
  const shown = r.rows.slice(0, Math.max(0, keep));
  const omitted = r.rows.length - shown.length;
  return r.head + shown.join("") + (omitted > 0 ? r.more(omitted) : "") + r.tail;
}

export function fitBlocks(blocks: readonly Block[], options: FitOptions): string {
  const sep = options.separator ?? "\n";
  const dropped = new Set<number>();
  let keep = Infinity;
  const maxRows = Math.max(0, ...blocks.map((b) => b.rows?.rows.length ?? 0));

  const render = (): string => {
    const omitted = blocks.filter((_, i) => dropped.has(i)).map((b) => b.name);
    const trimmedRows = blocks.reduce((n, b, i) => n + (dropped.has(i) || !b.rows ? 0 : Math.max(0, b.rows.rows.length - keep)), 0);
    const parts: string[] = [];
    blocks.forEach((b, i) => {
      if (i === options.noteAt && (omitted.length > 0 || trimmedRows > 0)) parts.push(options.note({ omitted, trimmedRows }));
      if (dropped.has(i)) return;
      parts.push(b.rows ? renderRows(b.rows, keep) : (b.text ?? ""));
    });
    return parts.filter((p) => p !== "").join(sep);
  };

  let out = render();
  if (out.length <= options.maxChars) return out;

  const fits = () => render().length <= options.maxChars;
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
  out = render();
  if (out.length <= options.maxChars) return out;

  // 4. Even the blocks that always stay are too long: cut the text itself.
  return cutText(out, options.maxChars);
}

/** At most `max` UTF-16 units, never splitting a surrogate pair, ending in "…" when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return text.slice(0, end) + "…";
}
