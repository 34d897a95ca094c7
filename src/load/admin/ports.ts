// The port matchers of an admin-tier rule: v1alpha1 `ports` ({portNumber} | {portRange} |
// {namedPort}) and v1alpha2 `protocols` ({tcp|udp|sctp: {destinationPort: {number} | {range}}} |
// {destinationNamedPort}), validated as their CRDs do, read as the PortSpecs NetworkPolicy uses.
import type { PortSpec } from "../../model/policy.js";
import { isProtocol, MAX_PORT, MIN_PORT, PROTOCOLS, type Protocol } from "../../net/protocol.js";
import { describe, type Checker } from "../object/checker.js";
import { rejects, type AdminDialect } from "./dialect.js";
import { exactlyOne, listBounds } from "./fields.js";
import type { DocPath } from "../object/source.js";

export interface PortsRead {
  /** "any": the field is absent. A list that came out empty (unknown protocols only) matches nothing. */
  readonly ports: readonly PortSpec[] | "any";
  /** Whether any entry is a named port (for the CEL rule against networks/nodes peers). */
  readonly named: boolean;
}

/** Undefined when an entry is invalid (errors reported). */
export function readAdminPorts(c: Checker, d: AdminDialect, rule: DocPath): PortsRead | undefined {
  const at = [...rule, d.portsKey];
  if (c.isUnset(at)) return { ports: "any", named: false };
  const list = listBounds(c, d, at, 1, d.maxPorts);
  if (list === undefined) return undefined;
  const out: PortSpec[] = [];
  let named = false;
  let ok = true;
  list.forEach((_, i) => {
    const entry = d.portsKey === "ports" ? portV1alpha1(c, d, [...at, i]) : protocolV1alpha2(c, d, [...at, i]);
    if (entry === undefined) ok = false;
    else {
      out.push(...entry.specs);
      named ||= entry.named;
    }
  });
  return ok ? { ports: out, named } : undefined;
}

interface Entry {
  readonly specs: readonly PortSpec[];
  readonly named: boolean;
}

/**
 * An admin named port carries no protocol: the name picks the destination pod's container port,
 * protocol included (the conformance suite's `dns` means UDP 53). Container port names are unique
 * in a pod, so "the name under each protocol" resolves to exactly that one port.
 */
function namedPort(name: string): Entry {
  return { specs: PROTOCOLS.map((protocol) => ({ protocol, port: { kind: "named", name } })), named: true };
}

function portV1alpha1(c: Checker, d: AdminDialect, at: DocPath): Entry | undefined {
  const key = exactlyOne(c, d, at, ["portNumber", "portRange", "namedPort"], "a port");
  if (key === undefined) return undefined;
  if (key === "namedPort") {
    const name = c.string([...at, key]);
    return name === undefined ? undefined : namedPort(name);
  }
  const inner = [...at, key];
  if (c.map(inner) === undefined) return undefined;
  const numbers = key === "portNumber" ? ["port"] : ["start", "end"];
  c.knownKeys(inner, ["protocol", ...numbers]);
  let ok = true;
  const values = numbers.map((n) => {
    const v = portNumber(c, d, [...inner, n]);
    if (v === undefined) ok = false;
    return v ?? 0;
  });
  const protocol = protocolV1alpha1(c, [...inner, "protocol"]);
  if (protocol === undefined || !ok) return undefined;
  if (protocol === "unanalyzed") return { specs: [], named: false };
  const [from, to = from] = values as [number, number?];
  if (from > to) {
    // v1alpha1 has no CEL for this (only its doc says "Start value must be less than End").
    c.warning(inner, `start ${from} is greater than end ${to}: the range is empty and matches no port (the API server accepts it)`);
    return { specs: [], named: false };
  }
  return { specs: [{ protocol, port: { kind: "range", from, to } }], named: false };
}

/** `protocol` defaults to TCP and has no enum: a value other than TCP, UDP, SCTP is admitted but not analyzed. */
function protocolV1alpha1(c: Checker, at: DocPath): Protocol | "unanalyzed" | undefined {
  if (c.isUnset(at)) return "TCP";
  const text = c.string(at);
  if (text === undefined) return undefined;
  if (isProtocol(text)) return text;
  const hint = isProtocol(text.toUpperCase()) ? ` (write ${text.toUpperCase()}: implementations compare it as written)` : "";
  c.warning(at, `protocol ${describe(text)} is not TCP, UDP or SCTP: the API server admits it, but netreach reads this entry as matching no traffic${hint}`);
  return "unanalyzed";
}

function protocolV1alpha2(c: Checker, d: AdminDialect, at: DocPath): Entry | undefined {
  const key = exactlyOne(c, d, at, ["tcp", "udp", "sctp", "destinationNamedPort"], "a protocol");
  if (key === undefined) return undefined;
  if (key === "destinationNamedPort") {
    const name = c.string([...at, key]);
    return name === undefined ? undefined : namedPort(name);
  }
  const protocol = key.toUpperCase() as Protocol;
  const proto = [...at, key];
  if (c.map(proto) === undefined) return undefined;
  c.knownKeys(proto, ["destinationPort"]);
  if (c.isUnset([...proto, "destinationPort"])) {
    c.error(proto, `${key} needs a destinationPort (to match every port, use a range 1-65535)` + rejects(d, `should have at least 1 properties`));
    return undefined;
  }
  const port = [...proto, "destinationPort"];
  const which = exactlyOne(c, d, port, ["number", "range"], "a destinationPort");
  if (which === undefined) return undefined;
  if (which === "number") {
    const n = portNumber(c, d, [...port, "number"]);
    return n === undefined ? undefined : { specs: [{ protocol, port: { kind: "range", from: n, to: n } }], named: false };
  }
  const range = [...port, "range"];
  if (c.map(range) === undefined) return undefined;
  c.knownKeys(range, ["start", "end"]);
  const from = portNumber(c, d, [...range, "start"]);
  const to = portNumber(c, d, [...range, "end"]);
  if (from === undefined || to === undefined) return undefined;
  if (from >= to) {
    c.error(range, `start ${from} must be less than end ${to} (for one port, use number)` + rejects(d, `"Start port must be less than End port"`));
    return undefined;
  }
  return { specs: [{ protocol, port: { kind: "range", from, to } }], named: false };
}

/** A required port number, 1-65535. */
function portNumber(c: Checker, d: AdminDialect, at: DocPath): number | undefined {
  const v = c.get(at);
  const field = String(at[at.length - 1]);
  if (v === undefined || v === null) {
    c.error(at.slice(0, -1), `${field} is required` + rejects(d, `"${field}: Required value"`));
    return undefined;
  }
  if (!Number.isInteger(v)) {
    c.error(at, `must be an integer, not ${describe(v)}` + rejects(d, "must be of type integer"));
    return undefined;
  }
  const n = v as number;
  if (n < MIN_PORT || n > MAX_PORT) {
    c.error(at, `port ${n} is out of range: use 1-65535` + rejects(d, n < MIN_PORT ? "should be greater than or equal to 1" : "should be less than or equal to 65535"));
    return undefined;
  }
  return n;
}
