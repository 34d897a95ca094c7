// Which assertions judge a pull request (DESIGN sections 4b, 4c): the base revision's, as the base
// wrote them. The pull request's `.netreach.yaml` may add assertions (evaluated, shown and gated
// like the base's: adding one can only make the check stricter), but one it drops, renames or
// redefines (same name, another meaning) is judged as the base defines it, and the review says
// so. An assertion the base cannot read fails the run closed: what it guarded is unknown.
import type { Assertion } from "../assert/assertion.js";
import type { Note } from "../render/config-review.js";
import type { Target } from "./target.js";

export interface ChosenAssertion {
  readonly assertion: Assertion;
  /** The base's file, or added by the pull request. */
  readonly origin: "base" | "head";
}

export interface AssertionSide {
  readonly assertions: readonly Assertion[];
  /** "file:line: what is wrong", one per assertion that could not be read. */
  readonly assertionErrors: readonly string[];
}

export interface MergedAssertions {
  readonly assertions: readonly ChosenAssertion[];
  readonly notes: readonly Note[];
  /** The base's unreadable assertions: the gate's result is `error` until the main branch fixes them. */
  readonly errors: readonly string[];
}

/** `base`/`head` undefined: no readable file at that revision. */
export function mergeAssertions(base: AssertionSide | undefined, head: AssertionSide | undefined): MergedAssertions {
  const baseList = base?.assertions ?? [];
  const headList = head?.assertions ?? [];
  const notes: Note[] = [];
  const out: ChosenAssertion[] = baseList.map((assertion) => ({ assertion, origin: "base" }));
  const baseNames = new Set(baseList.map((a) => a.name));
  const taken = new Set<Assertion>();
  const kept = ": still judged as the base defines it";
  for (const b of baseList) {
    const same = headList.find((h) => h.name === b.name);
    if (same !== undefined) {
      taken.add(same);
      if (same.key !== b.key) notes.push([{ code: b.name }, ` redefined by this pull request${kept}; its new definition applies once it merges.`]);
      continue;
    }
    if (head === undefined) continue; // the file is gone: said once, for the whole file
    const renamed = headList.find((h) => !taken.has(h) && !baseNames.has(h.name) && h.key === b.key);
    if (renamed !== undefined) {
      taken.add(renamed);
      notes.push([{ code: b.name }, " renamed ", { code: renamed.name }, ` by this pull request${kept}, under its base name.`]);
    } else notes.push([{ code: b.name }, ` removed by this pull request${kept}.`]);
  }
  for (const h of headList) {
    if (taken.has(h)) continue;
    out.push({ assertion: h, origin: "head" });
    if (base !== undefined) notes.push([{ code: h.name }, " added by this pull request: evaluated, shown and gated like the base's."]);
  }
  // The pull request's own mistakes cannot weaken the check: said, and that assertion is not evaluated.
  const baseErrors = new Set(base?.assertionErrors ?? []);
  for (const e of head?.assertionErrors ?? []) if (!baseErrors.has(e)) notes.push(["This pull request's assertion is invalid, so it is not evaluated: ", e, "."]);
  return { assertions: out, notes, errors: [...(base?.assertionErrors ?? [])] };
}

/** The assertions judged on one target: those whose `targets` name it (or its `@head` twin), and those naming none. */
export function assertionsFor(t: Pick<Target, "name">, chosen: readonly ChosenAssertion[]): ChosenAssertion[] {
  const name = t.name.endsWith("@head") ? t.name.slice(0, -"@head".length) : t.name;
  return chosen.filter((c) => c.assertion.targets === null || c.assertion.targets.includes(t.name) || c.assertion.targets.includes(name));
}
