// Splitting a run's targets across jobs (a GitHub Actions matrix): each target has a key made
// from its name alone, so it is the same in every run and at every revision; shard I of N takes
// every N-th target in the order of the keys, which balances the counts whatever the names.
import { createHash } from "node:crypto";

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** A target's shard key: 12 hex digits of the SHA-256 of its name. */
export function shardKey(name: string): string {
  return createHash("sha256").update(name).digest("hex").slice(0, 12);
}

/** "2/4" */
export function shardText(s: Shard): string {
  return `${s.index}/${s.count}`;
}

/** `--shard I/N` (input shard): whole numbers, 1 ≤ I ≤ N. */
export function parseShard(text: string): { ok: true; value: Shard } | { ok: false; error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    return { ok: false, error: `--shard (input shard) must be I/N with 1 ≤ I ≤ N, e.g. 2/4, not "${text}"` };
  return { ok: true, value: { index, count } };
}

/** Each name's shard (1-based) among `names`: sorted by key (then name), the p-th goes to shard p mod N + 1. */
export function shardOf(names: readonly string[], count: number): Map<string, number> {
  const sorted = [...names].map((n) => ({ n, k: shardKey(n) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.n < b.n ? -1 : a.n > b.n ? 1 : 0));
  return new Map(sorted.map((x, p) => [x.n, (p % count) + 1]));
}

/** The items of shard `s`, in their order. */
export function inShard<T extends { readonly name: string }>(all: readonly { readonly name: string }[], items: readonly T[], s: Shard): T[] {
  const of = shardOf(all.map((t) => t.name), s.count);
  return items.filter((t) => of.get(t.name) === s.index);
}
