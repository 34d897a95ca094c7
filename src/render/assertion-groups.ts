// Assertions as a reviewer reads them: each assertion of a diff with its violations grouped as
// flows are ("any pod in `shop` -> `backend/db[StatefulSet]`: TCP 5432"), new ones first, each
// group with the rules that let it through (or, for `allow`, that now block it) where the pair
// changed. Worked out once per report: the comment, the log, SARIF and the multi-target summary
// all count the same groups.
import type { DiffReport } from "../analyze.js";
import type { AssertionDiff, AssertionDiffViolation } from "../assert/assertion.js";
import type { Change, Reason } from "../diff/change.js";
import { reasonKey } from "../diff/reason.js";
import type { Endpoint } from "../model/endpoint.js";
import { explainPair } from "../explain/explain-pair.js";
import type { PairWhy } from "../explain/why.js";
import type { ConnSet } from "../net/conn-set.js";
import { displaySets, facetReasons, UniverseIndex, type EndpointSet, type SortedSet } from "./group.js";

export interface ViolationGroup {
  readonly isNew: boolean;
  /** Counted by gate rule `assertions`: new, or of a strict assertion (and the rule is on). */
  readonly fails: boolean;
  /** What breaks the assertion on each pair of the group. */
  readonly conn: ConnSet;
  /** Every pair sources x destinations (but a workload to itself). */
  readonly sources: EndpointSet;
  readonly destinations: EndpointSet;
  /** Where the pairs changed: the rules that let the connections through, or (allow) that now block them. */
  readonly reasons: readonly Reason[];
  readonly violations: readonly AssertionDiffViolation[];
  /**
   * One pair of the group explained at the head, as `netreach why` explains it (worked out on
   * first use: a group may stand for many pairs, one is explained); undefined without the head's
   * analysis.
   */
  readonly explain: () => PairWhy | undefined;
}

export interface AssertionView {
  readonly diff: AssertionDiff;
  /** New first, then existing; failing ones first within each. */
  readonly groups: readonly ViolationGroup[];
  /** The groups gate rule `assertions` fails on. */
  readonly failing: readonly ViolationGroup[];
}

export type AssertionReport = Pick<DiffReport, "changes" | "universe" | "endpoints" | "gate" | "revisions"> & { readonly assertions?: readonly AssertionDiff[] };

const STATUS_ORDER = { failed: 0, "no-match": 1, passed: 2 } as const;

const memo = new WeakMap<readonly AssertionDiff[], { gate: unknown; views: AssertionView[] }>();

/** The report's assertions, those failing the gate first, then the other failed ones, `no-match`, passed; otherwise in the configuration's order. */
export function assertionViews(report: AssertionReport): readonly AssertionView[] {
  const list = report.assertions ?? [];
  if (list.length === 0) return [];
  const known = memo.get(list);
  if (known !== undefined && known.gate === report.gate) return known.views;
  const views = build(report, list);
  memo.set(list, { gate: report.gate, views });
  return views;
}

/** The violation groups the gate fails on, over every assertion: the violations as a reader counts them. */
export function failingAssertionGroups(report: AssertionReport): { view: AssertionView; group: ViolationGroup }[] {
  return assertionViews(report).flatMap((view) => view.failing.map((group) => ({ view, group })));
}

function build(report: AssertionReport, list: readonly AssertionDiff[]): AssertionView[] {
  const failingNames = new Set((report.gate.assertions ?? []).map((f) => f.diff));
  const byId = new Map<string, Endpoint>();
  for (const e of [...report.universe, ...report.endpoints]) if (!byId.has(e.id)) byId.set(e.id, e);
  // An id the report does not describe (should not happen) is still named, as itself.
  const unknown: Endpoint[] = [];
  const resolve = (id: string): Endpoint => {
    let e = byId.get(id);
    if (e === undefined) {
      e = { type: "external", id, ranges: [], cidrs: [] };
      byId.set(id, e);
      unknown.push(e);
    }
    return e;
  };
  for (const d of list) for (const v of d.violations) (resolve(v.src), resolve(v.dst));
  const index = new UniverseIndex(report.universe, [...report.endpoints, ...unknown]);
  let changes: Map<string, Change> | undefined;
  const changeOf = (v: AssertionDiffViolation) => (changes ??= new Map(report.changes.map((c) => [`${c.src.id}\u0000${c.dst.id}`, c]))).get(`${v.src}\u0000${v.dst}`);

  const views = list.map((diff, at) => {
    const gated = failingNames.has(diff);
    const groups = groupViolations(diff, gated, index, resolve, changeOf, explainer(report, resolve));
    return { at, view: { diff, groups, failing: groups.filter((g) => g.fails) } };
  });
  const rank = (v: AssertionView) => (v.failing.length > 0 ? -1 : STATUS_ORDER[v.diff.status]);
  return views.sort((a, b) => rank(a.view) - rank(b.view) || a.at - b.at).map((x) => x.view);
}

/** A violation's pair explained at the head, on first use; undefined where the head cannot say (no analysis, an endpoint it lacks). */
function explainer(report: AssertionReport, resolve: (id: string) => Endpoint): (v: AssertionDiffViolation) => () => PairWhy | undefined {
  const head = report.revisions?.head;
  return (v) => {
    let done = false;
    let why: PairWhy | undefined;
    return () => {
      if (!done && head !== undefined) {
        done = true;
        try {
          why = explainPair(head, resolve(v.src), resolve(v.dst));
        } catch {
          why = undefined;
        }
      }
      return why;
    };
  };
}

interface Bucket {
  readonly isNew: boolean;
  readonly fails: boolean;
  readonly conn: ConnSet;
  readonly reasons: readonly Reason[];
  readonly perDst: Map<string, { dst: Endpoint; srcs: Endpoint[]; violations: AssertionDiffViolation[] }>;
  readonly first: number;
}

function groupViolations(
  diff: AssertionDiff,
  gated: boolean,
  index: UniverseIndex,
  resolve: (id: string) => Endpoint,
  changeOf: (v: AssertionDiffViolation) => Change | undefined,
  explain: (v: AssertionDiffViolation) => () => PairWhy | undefined,
): ViolationGroup[] {
  const buckets = new Map<string, Bucket>();
  // `allow` lists what is missing: what blocks it now; the others list what gets through.
  const facet = diff.assertion.type === "allow" ? "closed" : "opened";
  // The evaluator shares connection sets, the engine reason lists: worded once per object.
  const connText = new Map<ConnSet, string>();
  const reasonsOf = new Map<readonly Reason[], { reasons: Reason[]; key: string }>();
  const none = { reasons: [] as Reason[], key: "" };
  diff.violations.forEach((v, i) => {
    const c = changeOf(v);
    let r = c === undefined ? none : reasonsOf.get(c.why);
    if (r === undefined) {
      const reasons = facetReasons(c!, facet);
      reasonsOf.set(c!.why, (r = { reasons, key: reasons.map(reasonKey).sort().join("\u0001") }));
    }
    const reasons = r.reasons;
    let conn = connText.get(v.conn);
    if (conn === undefined) connText.set(v.conn, (conn = v.conn.toString()));
    const fails = gated && (v.isNew || diff.assertion.strict);
    const key = `${v.isNew ? 1 : 0}${fails ? 1 : 0}|${conn}|${r.key}`;
    let b = buckets.get(key);
    if (b === undefined) buckets.set(key, (b = { isNew: v.isNew, fails, conn: v.conn, reasons, perDst: new Map(), first: i }));
    let entry = b.perDst.get(v.dst);
    if (entry === undefined) b.perDst.set(v.dst, (entry = { dst: resolve(v.dst), srcs: [], violations: [] }));
    entry.srcs.push(resolve(v.src));
    entry.violations.push(v);
  });
  const out: { group: ViolationGroup; first: number }[] = [];
  for (const b of buckets.values()) {
    // Destinations with the same sources are one rectangle: sources x destinations is exactly the
    // group. A workload is never paired with itself, so a destination workload may count as one of
    // its own sources or not: whichever more destinations share (as group.ts does for flows).
    const options = [...b.perDst.values()].map((entry) => {
      const plain = index.sorted(entry.srcs);
      const padded = entry.dst.type === "workload" && !entry.srcs.some((x) => x.id === entry.dst.id) ? index.with(plain, entry.dst) : null;
      return { entry, plain: { set: plain, key: UniverseIndex.keyOf(plain) }, padded: padded === null ? null : { set: padded, key: UniverseIndex.keyOf(padded) } };
    });
    const takers = new Map<string, number>();
    for (const o of options) for (const k of [o.plain, o.padded]) if (k) takers.set(k.key, (takers.get(k.key) ?? 0) + 1);
    const bySources = new Map<string, { srcs: SortedSet; dsts: Endpoint[]; violations: AssertionDiffViolation[] }>();
    for (const { entry, plain, padded } of options) {
      const pick = padded && takers.get(padded.key)! > takers.get(plain.key)! ? padded : plain;
      let r = bySources.get(pick.key);
      if (r === undefined) bySources.set(pick.key, (r = { srcs: pick.set, dsts: [], violations: [] }));
      r.dsts.push(entry.dst);
      for (const v of entry.violations) r.violations.push(v);
    }
    for (const r of bySources.values()) {
      const [sources, destinations] = displaySets(r.srcs, r.dsts, index);
      out.push({ first: b.first, group: { isNew: b.isNew, fails: b.fails, conn: b.conn, sources, destinations, reasons: b.reasons, violations: r.violations, explain: explain(r.violations[0]!) } });
    }
  }
  return out
    .sort((a, b) => Number(b.group.isNew) - Number(a.group.isNew) || Number(b.group.fails) - Number(a.group.fails) || a.first - b.first)
    .map((x) => x.group);
}
