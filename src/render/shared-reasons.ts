// Reasons said once per table. A namespace's default-deny is the reason of every row it closes:
// "now selected by `default/deny-all` (isolates ingress)" on each of twelve rows is read twelve
// times and hides what differs. A reason every row shares is said once, above the table; one that
// many rows share is said there once too, as a numbered note the rows point to ("①"). The Why
// column keeps what is each row's own, and goes when no row has anything left.
import { reasonKey } from "../diff/reason.js";
import type { Reason } from "../diff/change.js";
import type { FlowGroup } from "./group.js";
import { endpointNote } from "./reason-words.js";

/** Note marks, in order. */
export const NOTE_MARKS = ["①", "②", "③"] as const;
/** A reason becomes a note when at least this many rows give it. */
const MIN_NOTE_ROWS = 3;

export interface SharedReasons {
  /** Reasons of every row (at least two rows), in the first row's order; empty when none. */
  readonly shared: readonly Reason[];
  /** Reasons many rows but not all give, said above as notes `NOTE_MARKS[i]`. */
  readonly notes: readonly Reason[];
  /** A row's reasons but the shared ones; a note's index where the row gives it. */
  readonly own: (g: FlowGroup) => readonly (Reason | number)[];
  /** Whether some row has a reason, note or endpoint note of its own: the Why column is kept. */
  readonly anyOwn: boolean;
}

export function sharedReasons(groups: readonly FlowGroup[]): SharedReasons {
  if (groups.length < 2) return { shared: [], notes: [], own: (g) => g.reasons, anyOwn: true };
  // Rows per reason, and one reason object per key (the first seen).
  const rows = new Map<string, { reason: Reason; rows: number }>();
  for (const g of groups) {
    for (const key of new Set(g.reasons.map(reasonKey))) {
      const seen = rows.get(key);
      if (seen) seen.rows++;
      else rows.set(key, { reason: g.reasons.find((r) => reasonKey(r) === key)!, rows: 1 });
    }
  }
  const sharedKeys = new Set([...rows].filter(([, v]) => v.rows === groups.length).map(([k]) => k));
  const noteKeys = [...rows]
    .filter(([k, v]) => !sharedKeys.has(k) && v.rows >= MIN_NOTE_ROWS)
    .sort((a, b) => b[1].rows - a[1].rows)
    .slice(0, NOTE_MARKS.length)
    .map(([k]) => k);
  const shared = groups[0]!.reasons.filter((r) => sharedKeys.has(reasonKey(r)));
  const notes = noteKeys.map((k) => rows.get(k)!.reason);
  // Marks first, in order, then the row's own reasons.
  const own = (g: FlowGroup): (Reason | number)[] => {
    const rest = g.reasons.filter((r) => !sharedKeys.has(reasonKey(r)));
    const marks = [...new Set(rest.map((r) => noteKeys.indexOf(reasonKey(r))).filter((i) => i >= 0))].sort((a, b) => a - b);
    return [...marks, ...rest.filter((r) => !noteKeys.includes(reasonKey(r)))];
  };
  const anyOwn = groups.some((g) => own(g).length > 0 || endpointNote(g.endpoint) !== null);
  return { shared, notes, own, anyOwn };
}
