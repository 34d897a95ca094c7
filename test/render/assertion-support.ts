// Hand-made assertions judged on a real diff, for the renderers and the gate: what the evaluator
// would hand over (src/assert), built here without it.
import type { DiffReport } from "../../src/analyze.js";
import type { Assertion, AssertionDiff, AssertionDiffViolation, AssertionStatus } from "../../src/assert/assertion.js";
import { withAssertionRule } from "../../src/gate/config.js";
import { evaluateGate } from "../../src/gate/gate.js";
import { ConnSet, PortSet } from "../../src/net/conn-set.js";

export const tcp = (from: number, to = from) => ConnSet.of({ TCP: PortSet.range(from, to) });

export function assertion(name: string, type: Assertion["type"], line: number, extra: { strict?: boolean; targets?: string[]; ports?: ConnSet } = {}): Assertion {
  const common = { name, targets: extra.targets ?? null, strict: extra.strict ?? false, source: { file: ".netreach.yaml", line }, key: `${type}:${name}` };
  const spec = [{ kind: "any-pod" as const }];
  if (type === "isolated") return { ...common, type, namespaces: spec, ports: extra.ports ?? null };
  if (type === "allow") return { ...common, type, from: spec, to: spec, ports: extra.ports ?? tcp(8080) };
  return { ...common, type, from: spec, to: spec, ports: extra.ports ?? null };
}

export function judged(
  a: Assertion,
  violations: readonly { src: string; dst: string; conn: ConnSet; isNew: boolean }[],
  options: { baseStatus?: AssertionStatus; status?: AssertionStatus; origin?: "base" | "head"; notes?: string[] } = {},
): AssertionDiff {
  const vs: AssertionDiffViolation[] = [...violations].sort((x, y) => Number(y.isNew) - Number(x.isNew));
  const status = options.status ?? (vs.length > 0 ? "failed" : "passed");
  const baseStatus = options.baseStatus ?? (vs.some((v) => !v.isNew) ? "failed" : "passed");
  return { assertion: a, status, baseStatus, violations: vs, notes: options.notes ?? [], origin: options.origin ?? "base" };
}

/** The report with these assertions, judged by the gate as diffLoaded would (rule `assertions` on unless `fail-on: none`). */
export function withAssertions(report: DiffReport, assertions: readonly AssertionDiff[]): DiffReport {
  const gateConfig = { ...report.gateConfig, failOn: withAssertionRule(report.gateConfig.failOn, assertions.length > 0) };
  return { ...report, assertions, gateConfig, gate: evaluateGate(report.changes, report.exposureChanges, gateConfig, report.unanalyzed, assertions) };
}
