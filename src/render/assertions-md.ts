// The comment's Assertions section (DESIGN section 4c): each assertion ❌ / ✅ / `no-match`, those
// failing the gate first, with its violations grouped as flows are (new first), the rules that
// decide each group at the head as `netreach why` says them (for one pair of it; what the change
// removed where its pairs changed), and a link to the assertion's line in
// `.netreach.yaml` (the base's line for the base's assertions: they are what is judged).
import type { Reason } from "../diff/change.js";
import type { RowList, Rows } from "./budget.js";
import { assertionCounts, violationWords, type AssertionFormat } from "./assertion-words.js";
import { assertionViews, type AssertionReport, type AssertionView, type ViolationGroup } from "./assertion-groups.js";
import { reasonName, reasonWords } from "./reason-words.js";
import { groupWhy } from "./violation-why.js";

export interface AssertionsMdFormat extends AssertionFormat {
  /** A line's URL at one side, if any (already made safe). */
  readonly link: (file: string, line: number, side: "base" | "head") => string | undefined;
}

/** Violation groups shown per assertion; the rest are counted (the JSON report has every pair). */
const MAX_GROUPS = 5;
const MAX_REASONS = 3;

export function assertionsRows(report: AssertionReport, f: AssertionsMdFormat): Rows | undefined {
  const views = assertionViews(report);
  if (views.length === 0) return undefined;
  // Those that hold now and held before: named on one line (what changed is said one by one).
  const held = views.filter((v) => v.diff.status === "passed" && v.diff.baseStatus !== "failed" && v.groups.length === 0);
  const listed = views.filter((v) => !held.includes(v));
  const rows: RowList = {
    length: listed.length + (held.length > 0 ? 1 : 0),
    at: (i) => {
      const text = i < listed.length ? assertionItem(listed[i]!, f) : i === listed.length && held.length > 0 ? `✅ ${held.map((v) => nameLink(v, f)).join(", ")}` : undefined;
      return text === undefined ? undefined : `${i === 0 ? "\n" : ""}\n- ${text}`;
    },
  };
  return {
    head: `#### Assertions (${assertionCounts(views.map((v) => v.diff))})`,
    rows,
    tail: "",
    more: (n) => `\n\n_… and ${n} more (see the JSON report)._`,
  };
}

function nameLink(v: AssertionView, f: AssertionsMdFormat): string {
  const a = v.diff.assertion;
  const url = f.link(a.source.file, a.source.line, v.diff.origin === "head" ? "head" : "base");
  const name = f.code(a.name);
  return url ? `[${name}](${url})` : name;
}

function assertionItem(v: AssertionView, f: AssertionsMdFormat): string {
  const d = v.diff;
  const icon = d.status === "failed" ? "❌" : d.status === "passed" ? "✅" : "⚠️";
  const added = d.origin === "head" ? ", added by this pull request" : "";
  const strict = d.assertion.strict ? ", strict" : "";
  const fresh = v.groups.filter((g) => g.isNew).length;
  const state =
    d.status === "no-match"
      ? " — `no-match`: matches nothing, so it is not checked"
      : d.status === "passed"
        ? d.baseStatus === "failed"
          ? " — holds (broken at the base)"
          : " — holds"
        : ` — ${d.baseStatus === "passed" ? "newly broken" : fresh > 0 ? "broken further" : "broken at the base too"}${v.failing.length > 0 ? ", ⛔ gate: `assertions`" : ""}`;
  const notes = d.notes.map((n) => `\n  - ${noteWords(n, f)}`);
  const shown = v.groups.slice(0, MAX_GROUPS).map((g) => `\n  - ${groupLine(d.assertion.type, g, f)}`);
  const more = v.groups.length > MAX_GROUPS ? [`\n  - _… and ${v.groups.length - MAX_GROUPS} more (see the JSON report)_`] : [];
  return `${icon} ${nameLink(v, f)} (${d.assertion.type}${strict}${added})${state}${notes.join("")}${shown.join("")}${more.join("")}`;
}

function groupLine(type: AssertionView["diff"]["assertion"]["type"], g: ViolationGroup, f: AssertionsMdFormat): string {
  const tag = g.isNew ? "**new**" : "existing";
  // The head's rules say what decides now; what the change removed (a base-side reason) only the diff can add.
  const now = explained(type, g, f);
  const reasons = now === undefined ? g.reasons : g.reasons.filter((r) => r.side === "base");
  const parts = [...(now === undefined ? [] : [now]), ...(reasons.length > 0 ? [reasonList(reasons, f)] : [])];
  const why = parts.length > 0 ? ` — ${parts.join("; ")}` : "";
  const gate = g.fails ? " ⛔" : "";
  return `${tag}${gate} ${violationWords(type, g, f)}${why}`;
}

/** What decides the group at the head, as `netreach why` says it, each rule linked to its line. */
function explained(type: AssertionView["diff"]["assertion"]["type"], g: ViolationGroup, f: AssertionsMdFormat): string | undefined {
  const at = (words: string, ref: { file: string; line: number }) => {
    const url = f.link(ref.file, ref.line, "head");
    return url ? `[${words}](${url})` : words;
  };
  return groupWhy(type, g, { code: f.code, text: f.text, at });
}

function reasonList(reasons: readonly Reason[], f: AssertionsMdFormat): string {
  const words = reasons.map((r) => {
    const w = reasonWords(r);
    const what = reasonName(r, f.code, f.text);
    const url = f.link(r.file, r.line, r.side);
    return [w.before, url ? `[${what}](${url})` : what, w.after].filter((s) => s !== "").join(" ");
  });
  return words.length > MAX_REASONS ? [...words.slice(0, MAX_REASONS - 1), `and ${words.length - MAX_REASONS + 1} more`].join("; ") : words.join("; ");
}

/** A note's `quoted` parts as code spans, the rest as text: both escaped. */
function noteWords(note: string, f: AssertionFormat): string {
  const parts = note.split("`");
  // An odd number of backticks: the last one is text.
  if (parts.length % 2 === 0) return f.text(note);
  return parts.map((p, i) => (i % 2 === 1 ? f.code(p) : f.text(p))).join("");
}
