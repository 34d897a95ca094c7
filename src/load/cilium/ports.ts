// Cilium's `toPorts`: port protocols (ANY or omitted: every protocol), ports as strings (a number,
// a range start with endPort, "0" for every port, or a named port of the destination), and the
// L7 rules that filter requests on them.
import { isProtocol, MAX_PORT, PROTOCOLS, type Protocol } from "../../net/protocol.js";
import type { L7Filter, PortMatch, PortSpec } from "../../model/policy.js";
import { describe, isPlainObject, type Checker } from "../object/checker.js";
import type { DocPath } from "../object/source.js";
import { svcNameProblem } from "../object/port-name.js";

export interface PortRule {
  /** "any": no `ports` listed — every protocol and port. */
  readonly ports: readonly PortSpec[] | "any";
  /** Set when `rules` filters requests (never empty then). */
  readonly l7?: readonly L7Filter[];
  readonly path: DocPath;
}

/** One `toPorts` entry; undefined when invalid (reported). */
export function parsePortRule(c: Checker, at: DocPath, deny: boolean): PortRule | undefined {
  if (c.map(at) === undefined) {
    if (c.isUnset(at)) return { ports: "any", path: at };
    return undefined;
  }
  c.knownKeys(at, ["ports", "rules", "originatingTLS", "terminatingTLS", "listener", "serverNames"]);
  for (const k of ["originatingTLS", "terminatingTLS", "listener", "serverNames"]) {
    if (!c.isUnset([...at, k])) c.note([...at, k], `${k} is not modelled: the ports are read as reachable, whatever TLS or listener the proxy applies`);
  }
  const list = c.list([...at, "ports"]);
  let ok = true;
  const ports: PortSpec[] = [];
  (list ?? []).forEach((_, i) => {
    const specs = parsePort(c, [...at, "ports", i]);
    if (specs === undefined) ok = false;
    else ports.push(...specs);
  });
  if (!ok) return undefined;
  const l7 = parseL7(c, [...at, "rules"]);
  if (l7 !== undefined && deny) {
    c.error([...at, "rules"], "deny rules may not hold L7 rules; Cilium refuses this policy");
    return undefined;
  }
  return { ports: list === undefined || list.length === 0 ? "any" : ports, ...(l7 === undefined ? {} : { l7 }), path: at };
}

const ANY: readonly Protocol[] = PROTOCOLS;

/** A PortProtocol: several PortSpecs when the protocol is ANY. */
function parsePort(c: Checker, at: DocPath): PortSpec[] | undefined {
  if (c.map(at) === undefined) return undefined;
  c.knownKeys(at, ["port", "protocol", "endPort"]);
  const protoRaw = c.get([...at, "protocol"]);
  let protocols: readonly Protocol[] = ANY;
  if (protoRaw !== undefined && protoRaw !== null && protoRaw !== "ANY") {
    if (isProtocol(protoRaw)) protocols = [protoRaw];
    else if (protoRaw === "ICMP" || protoRaw === "ICMPv6") {
      c.warning([...at, "protocol"], `${protoRaw} ports are not modelled: this entry is left out`);
      return [];
    } else {
      c.error([...at, "protocol"], `unsupported protocol ${typeof protoRaw === "string" ? JSON.stringify(protoRaw) : describe(protoRaw)}: use TCP, UDP, SCTP or ANY (case matters); Cilium refuses this policy`);
      return undefined;
    }
  }
  const portRaw = c.get([...at, "port"]);
  const endRaw = c.get([...at, "endPort"]);
  const match = portMatch(c, at, portRaw, endRaw);
  if (match === undefined) return undefined;
  return protocols.map((protocol) => ({ protocol, port: match }));
}

function portMatch(c: Checker, at: DocPath, portRaw: unknown, endRaw: unknown): PortMatch | undefined {
  const hasEnd = endRaw !== undefined && endRaw !== null && endRaw !== 0;
  // Written as a string in the API; a YAML number is read as the same port.
  const text = typeof portRaw === "number" ? String(portRaw) : portRaw;
  if (text === undefined || text === null || text === "" || text === "0") {
    if (hasEnd) c.warning([...at, "endPort"], "endPort without a port is ignored: every port is matched");
    return { kind: "all" };
  }
  if (typeof text !== "string") {
    c.error([...at, "port"], `must be a string (a port number or name), not ${describe(portRaw)}`);
    return undefined;
  }
  if (/^[0-9]+$/.test(text)) {
    const from = Number(text);
    if (from > MAX_PORT) {
      c.error([...at, "port"], `port ${text} is out of range: use 0-65535 or a port name; Cilium refuses this policy`);
      return undefined;
    }
    if (!hasEnd) return { kind: "range", from, to: from };
    if (!Number.isInteger(endRaw) || (endRaw as number) > MAX_PORT) {
      c.error([...at, "endPort"], `must be an integer up to 65535, not ${describe(endRaw)}`);
      return undefined;
    }
    const to = endRaw as number;
    if (to < from) {
      c.error([...at, "endPort"], `endPort ${to} must be greater than or equal to port ${from}`);
      return undefined;
    }
    return { kind: "range", from, to };
  }
  const name = text.toLowerCase();
  const problem = svcNameProblem(name);
  if (problem) {
    c.error([...at, "port"], problem);
    return undefined;
  }
  if (hasEnd) c.warning([...at, "endPort"], "endPort is ignored with a named port");
  return { kind: "named", name };
}

/** `rules`: http, kafka, dns, l7proto. Undefined when there are none. */
function parseL7(c: Checker, at: DocPath): L7Filter[] | undefined {
  const rules = c.map(at);
  if (rules === undefined) return undefined;
  c.knownKeys(at, ["http", "kafka", "dns", "l7proto", "l7"]);
  const out: L7Filter[] = [];
  const http = listOf(rules["http"]);
  if (http.length > 0) out.push({ protocol: "http", said: `http ${http.map(httpWords).join(", ")}` });
  const kafka = listOf(rules["kafka"]);
  if (kafka.length > 0) out.push({ protocol: "kafka", said: `kafka ${kafka.map(kafkaWords).join(", ")}` });
  const dns = listOf(rules["dns"]);
  if (dns.length > 0) out.push({ protocol: "dns", said: `dns ${dns.map(dnsWords).join(", ")}` });
  if (typeof rules["l7proto"] === "string") out.push({ protocol: "l7proto", said: `l7proto ${rules["l7proto"]}` });
  // `http: []` and the like are L7 rules that let every request through: the port is still proxied.
  if (out.length === 0 && (Array.isArray(rules["http"]) || Array.isArray(rules["kafka"]) || Array.isArray(rules["dns"]))) {
    const which = ["http", "kafka", "dns"].find((k) => Array.isArray(rules[k])) as "http" | "kafka" | "dns";
    out.push({ protocol: which, said: `${which} any request` });
  }
  return out.length > 0 ? out : undefined;
}

const listOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isPlainObject) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function httpWords(r: Record<string, unknown>): string {
  const parts = [str(r["method"]) ?? "any method", str(r["path"]) ?? "any path"];
  const host = str(r["host"]);
  if (host) parts.push(`host ${host}`);
  if (Array.isArray(r["headers"]) && r["headers"].length > 0) parts.push(`headers ${r["headers"].map(String).join("; ")}`);
  return parts.join(" ");
}

function kafkaWords(r: Record<string, unknown>): string {
  const role = str(r["role"]) ?? str(r["apiKey"]) ?? "any request";
  const topic = str(r["topic"]);
  return topic ? `${role} topic ${topic}` : role;
}

function dnsWords(r: Record<string, unknown>): string {
  return str(r["matchName"]) ?? str(r["matchPattern"]) ?? "any name";
}
