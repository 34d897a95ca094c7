// A diff too large to list pair by pair, in its JSON report: a 1,000-namespace default-deny
// closes a million pairs, whose report would be half a gigabyte. Past CHANGE_LIST_LIMIT pairs
// (or with `diff --group`) the report lists the first pairs and groups them all, as the comment
// groups them (group.ts) and as `reach --group` lists flows: endpoint sets written once
// (`changeSets`), and groups naming them (`changeGroups`).
import type { DiffReport } from "../analyze.js";
import type { Endpoint } from "../model/endpoint.js";
import type { ChangeGroupJson, ChangeSetJson, ReasonJson } from "../report/diff-json.js";
import type { Reason } from "../diff/change.js";
import { groupChanges, type EndpointSet, type FlowGroup } from "./group.js";
import { setWords, type Role } from "./set-words.js";

/** More changed pairs (or gate violations) than this and the report is grouped. */
export const CHANGE_LIST_LIMIT = 100_000;
/** A grouped report lists this many pairs (and violations) first. */
export const LISTED_WHEN_GROUPED = 1_000;

export interface DiffJsonOptions {
  /** `diff --group`: the grouped form whatever the size. */
  readonly group?: boolean;
}

/** Whether the reports (several for several targets) are written grouped. */
export function isGrouped(reports: readonly Pick<DiffReport, "changes" | "gate">[], options: DiffJsonOptions = {}): boolean {
  if (options.group === true) return true;
  let changes = 0;
  let violations = 0;
  for (const r of reports) {
    changes += r.changes.length;
    violations += r.gate.violations.length;
  }
  return changes > CHANGE_LIST_LIMIT || violations > CHANGE_LIST_LIMIT;
}

/** Endpoint sets by their members, each written once however many groups name it. */
export class ChangeSets {
  private readonly byKey = new Map<string, string>();
  private readonly place = new Map<string, number>();
  private readonly members: (readonly string[])[] = [];

  id(endpoints: readonly Endpoint[]): string {
    // Members as short numbers: a set of two thousand pods keys in a few kilobytes.
    const key = endpoints
      .map((e) => {
        let n = this.place.get(e.id);
        if (n === undefined) this.place.set(e.id, (n = this.place.size));
        return n;
      })
      .join(",");
    let id = this.byKey.get(key);
    if (id === undefined) {
      this.members.push(endpoints.map((e) => e.id));
      id = `s${this.members.length}`;
      this.byKey.set(key, id);
    }
    return id;
  }

  /**
   * The sets, each as its members or, when shorter, as the document's endpoints (`all`) but a
   * few: "any source but the namespace's own pods" for each of a thousand namespaces is a
   * thousand short lists, not a million ids.
   */
  json(all: readonly string[]): ChangeSetJson[] {
    const known = new Set(all);
    return this.members.map((m, i) => {
      const id = `s${i + 1}`;
      if (2 * m.length <= all.length || !m.every((e) => known.has(e))) return { id, endpoints: [...m] };
      const inSet = new Set(m);
      return { id, allBut: all.filter((e) => !inSet.has(e)) };
    });
  }
}

/** The report's changes as groups, naming their endpoint sets in `sets`. */
export function changeGroupsJson(r: DiffReport, sets: ChangeSets, reasonJson: (r: Reason) => ReasonJson): ChangeGroupJson[] {
  const g = groupChanges(r);
  const words = (s: EndpointSet, role: Role) => setWords(s, role, (name) => name);
  // Opened groups then closed ones, each in the comment's order (gate-breaking first).
  return [...g.opened, ...g.closed].map(
    (x: FlowGroup): ChangeGroupJson => ({
      facet: x.facet,
      type: x.type,
      endpoint: x.endpoint,
      conn: x.conn.toString(),
      src: sets.id(x.sources.endpoints),
      dst: sets.id(x.destinations.endpoints),
      srcWords: words(x.sources, "source"),
      dstWords: words(x.destinations, "destination"),
      pairs: x.changes.length,
      why: x.reasons.map(reasonJson),
      gate: x.gate.map((h) => ({ rule: h.rule, conn: h.conn.toString() })),
    }),
  );
}
