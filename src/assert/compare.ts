// An assertion in a diff: judged at the head, each violation `isNew` unless the base already broke
// it for that pair with at least the same connections.
import { ConnSet } from "../net/conn-set.js";
import type { Assertion, AssertionDiff, AssertionDiffViolation, AssertionResult } from "./assertion.js";

export type AssertionOrigin = (a: Assertion) => "base" | "head";

/**
 * `base` and `head`: the same assertions, in the same order, judged at each side. A head
 * violation is new when its connections are not all among the base's for the same pair (no base
 * violation: none), so a pair that breaks an assertion on more ports than before is new too.
 */
export function compareAssertions(
  base: readonly AssertionResult[],
  head: readonly AssertionResult[],
  originOf: AssertionOrigin = () => "base",
  /** How a pair broke the assertion at the base, asked of the base directly: exact even where the base's list was cut at its limit. */
  baseViolation?: (a: Assertion, src: string, dst: string) => ConnSet,
): AssertionDiff[] {
  return head.map((h, i) => {
    const b = base[i]!;
    let before: ((src: string, dst: string) => ConnSet) | undefined;
    if (baseViolation !== undefined) before = (src, dst) => baseViolation(h.assertion, src, dst);
    else {
      const listed = new Map<string, ConnSet>();
      for (const v of b.violations) listed.set(`${v.src}\u0000${v.dst}`, v.conn);
      before = (src, dst) => listed.get(`${src}\u0000${dst}`) ?? ConnSet.NONE;
    }
    const marked: AssertionDiffViolation[] = h.violations.map((v) => ({ ...v, isNew: !v.conn.subtract(before(v.src, v.dst)).isEmpty }));
    return {
      assertion: h.assertion,
      status: h.status,
      baseStatus: b.status,
      violations: [...marked.filter((v) => v.isNew), ...marked.filter((v) => !v.isNew)],
      ...(h.total !== undefined ? { total: h.total } : {}),
      notes: h.notes,
      origin: originOf(h.assertion),
    };
  });
}
