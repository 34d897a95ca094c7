// Decides whether a diff may merge: fails on newly opened flows of the configured kinds.
import type { Change } from "../diff/change.js";
import type { ConnSet } from "../net/conn-set.js";
import type { GateConfig, GateRule } from "./config.js";

export interface Violation {
  readonly rule: Exclude<GateRule, "none">;
  readonly change: Change;
  /** The part of the opened connections that breaks the rule. */
  readonly conn: ConnSet;
}

export interface GateResult {
  readonly passed: boolean;
  readonly violations: readonly Violation[];
}

export function evaluateGate(changes: readonly Change[], config: GateConfig): GateResult {
  const rules = config.failOn.filter((r): r is Exclude<GateRule, "none"> => r !== "none");
  const violations: Violation[] = [];
  for (const c of changes) {
    if (c.opened.isEmpty) continue;
    for (const rule of rules) {
      const conn = offending(rule, c, config);
      if (conn && !conn.isEmpty) violations.push({ rule, change: c, conn });
    }
  }
  return { passed: violations.length === 0, violations };
}

function offending(rule: Exclude<GateRule, "none">, c: Change, config: GateConfig): ConnSet | undefined {
  switch (rule) {
    case "external-ingress":
      return c.src.type === "external" ? c.opened : undefined;
    case "external-egress":
      return c.dst.type === "external" ? c.opened : undefined;
    case "cross-namespace":
      return c.src.type !== "external" && c.dst.type !== "external" && c.src.pod.namespace !== c.dst.pod.namespace ? c.opened : undefined;
    case "sensitive-ports":
      return c.opened.intersect(config.sensitive);
    case "any-opened":
      return c.opened;
  }
}
