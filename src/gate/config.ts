// The merge gate's configuration (DESIGN section 8), parsed from the `fail-on` and
// `sensitive-ports` inputs or flags.
import { ConnSet, PortSet } from "../net/conn-set.js";
import { MAX_PORT, MIN_PORT } from "../net/protocol.js";

export const GATE_RULES = ["exposed", "external-ingress", "external-egress", "cross-namespace", "sensitive-ports", "any-opened", "unanalyzed", "assertions", "none"] as const;
export type GateRule = (typeof GATE_RULES)[number];

export const DEFAULT_FAIL_ON: readonly GateRule[] = ["exposed", "external-ingress"];
export const DEFAULT_SENSITIVE_PORTS = "22,23,2375,2376,3389,5432,3306,6379,9200,27017,10250";

export interface GateConfig {
  readonly failOn: readonly GateRule[];
  /** Ports that count as sensitive, on every protocol. */
  readonly sensitive: ConnSet;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseFailOn(text: string): Parsed<GateRule[]> {
  const items = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0) return { ok: true, value: [...DEFAULT_FAIL_ON] };
  const bad = items.filter((i) => !(GATE_RULES as readonly string[]).includes(i));
  if (bad.length > 0) return { ok: false, error: `fail-on: unknown rule ${bad.map((b) => `"${b}"`).join(", ")}; use a comma list of ${GATE_RULES.join(", ")}` };
  return { ok: true, value: [...new Set(items as GateRule[])] };
}

/** "22,5432,8000-8100" */
export function parseSensitivePorts(text: string): Parsed<ConnSet> {
  let ports = PortSet.EMPTY;
  for (const item of text.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== undefined ? Number(m[2]) : from;
    if (!m || from < MIN_PORT || to > MAX_PORT || to < from) {
      return { ok: false, error: `sensitive-ports: "${item}" is not a port or range within 1-65535` };
    }
    ports = ports.union(PortSet.range(from, to));
  }
  return { ok: true, value: ConnSet.of({ TCP: ports, UDP: ports, SCTP: ports }) };
}

/**
 * The rules a target is judged by once assertions apply to it (DESIGN section 4c): `assertions`
 * joins whatever `fail-on` says, listed or not — writing an assertion in the base's
 * `.netreach.yaml` is asking for it to be checked. `fail-on: none` alone is the one way to turn it
 * off: it makes a target report-only, and like every gate setting it comes from the base
 * revision or the run, never from the pull request (a target the pull request adds cannot lower
 * the run's rules).
 */
export function withAssertionRule(failOn: readonly GateRule[], assertionsApply: boolean): readonly GateRule[] {
  if (!assertionsApply || failOn.includes("assertions")) return failOn;
  if (failOn.length === 1 && failOn[0] === "none") return failOn;
  return [...failOn.filter((r) => r !== "none"), "assertions"];
}

export function defaultGateConfig(): GateConfig {
  const sensitive = parseSensitivePorts(DEFAULT_SENSITIVE_PORTS);
  if (!sensitive.ok) throw new Error(sensitive.error);
  return { failOn: DEFAULT_FAIL_ON, sensitive: sensitive.value };
}
