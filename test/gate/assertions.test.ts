// Gate rule `assertions` (DESIGN section 4c): on whenever assertions apply, fails on new
// violations and on existing ones of strict assertions, never on `no-match`; `fail-on: none`
// (a report-only target, set by the base or the run) turns it off with every other rule.
import { describe, expect, it } from "vitest";
import { defaultGateConfig, parseFailOn, withAssertionRule, type GateRule } from "../../src/gate/config.js";
import { evaluateGate } from "../../src/gate/gate.js";
import { assertion, judged, tcp } from "../render/assertion-support.js";

const rules = (text: string): GateRule[] => {
  const p = parseFailOn(text);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};
const judge = (failOn: readonly GateRule[], list: Parameters<typeof evaluateGate>[4]) => evaluateGate([], [], { ...defaultGateConfig(), failOn: withAssertionRule(failOn, (list ?? []).length > 0) }, undefined, list);
const pair = (isNew: boolean) => ({ src: "0.0.0.0/0", dst: "backend/db[Deployment]", conn: tcp(5432), isNew });

describe("gate rule assertions", () => {
  it("joins the rules whenever assertions apply, listed in fail-on or not", () => {
    expect(withAssertionRule(rules("exposed,external-ingress"), true)).toEqual(["exposed", "external-ingress", "assertions"]);
    expect(withAssertionRule(rules("assertions"), true)).toEqual(["assertions"]);
    expect(withAssertionRule(rules("exposed"), false)).toEqual(["exposed"]);
    expect(parseFailOn("assertions").ok).toBe(true);
  });

  it("stays off with fail-on: none, the base's (or the run's) report-only setting", () => {
    expect(withAssertionRule(rules("none"), true)).toEqual(["none"]);
    expect(judge(rules("none"), [judged(assertion("db-private", "deny", 2), [pair(true)])]).passed).toBe(true);
  });

  it("fails on a new violation, not on an existing one", () => {
    const a = assertion("db-private", "deny", 2);
    const fresh = judge(rules("exposed"), [judged(a, [pair(true)])]);
    expect(fresh.passed).toBe(false);
    expect(fresh.assertions.map((f) => f.violations.length)).toEqual([1]);
    expect(judge(rules("exposed"), [judged(a, [pair(false)])]).passed).toBe(true);
  });

  it("fails on an existing violation of a strict assertion", () => {
    const r = judge(rules("exposed"), [judged(assertion("db-private", "deny", 2, { strict: true }), [pair(false)])]);
    expect(r.passed).toBe(false);
    expect(r.assertions[0]!.violations).toEqual([pair(false)]);
  });

  it("never fails on no-match", () => {
    const r = judge(rules("exposed"), [judged(assertion("tenants", "isolated", 5, { strict: true }), [], { status: "no-match", baseStatus: "no-match" })]);
    expect(r.passed).toBe(true);
    expect(r.assertions).toEqual([]);
  });
});
