// Test-side reading of a `netreach.reach/v1` document (DESIGN sections 4-6): resolve endpoints by
// a short name, parse canonical connection strings, answer "can A reach B on PROTO PORT?".
// Written against the JSON contract only, never against engine internals.
import { type AnalyzeOptions } from "../../src/analyze.js";
import { analyzeReach } from "../../src/render/reach-json.js";
import type { SourceFile } from "../../src/load/object/source.js";
import type { DiagnosticJson, EndpointJson, ReachJson } from "../../src/report/reach-json.js";

export type Proto = "TCP" | "UDP" | "SCTP";
export const PROTOCOLS: readonly Proto[] = ["SCTP", "TCP", "UDP"];

/** A parsed connection set: every protocol and port, or per protocol inclusive port ranges (and names). */
export interface Conn {
  readonly all: boolean;
  readonly ranges: Readonly<Record<Proto, readonly (readonly [number, number])[]>>;
  /** Named ports standing in for unknown numbers (synthetic pods only). */
  readonly names: Readonly<Record<Proto, readonly string[]>>;
}

const NONE: Conn = { all: false, ranges: { SCTP: [], TCP: [], UDP: [] }, names: { SCTP: [], TCP: [], UDP: [] } };

/**
 * Parses `All Connections` | `No Connections` | `PROTO RANGES(,PROTO RANGES)*` and checks that the string
 * is canonical (DESIGN section 5): protocols in the order SCTP, TCP, UDP, each at most once; ranges
 * ascending, disjoint and not adjacent (merged); ports 1-65535; names only after the numbers.
 */
export function parseConn(text: string): Conn {
  if (text === "All Connections") return { ...NONE, all: true };
  if (text === "No Connections") return NONE;
  const ranges: Record<Proto, [number, number][]> = { SCTP: [], TCP: [], UDP: [] };
  const names: Record<Proto, string[]> = { SCTP: [], TCP: [], UDP: [] };
  const bad = (why: string): never => {
    throw new Error(`connection string ${JSON.stringify(text)} is not canonical: ${why}`);
  };
  let proto: Proto | undefined;
  const seen: Proto[] = [];
  for (const rawToken of text.split(",")) {
    let token = rawToken;
    const head = /^(SCTP|TCP|UDP) (.*)$/.exec(token);
    if (head) {
      const next = head[1] as Proto;
      if (seen.includes(next)) bad(`${next} appears twice`);
      const last = seen[seen.length - 1];
      if (last !== undefined && PROTOCOLS.indexOf(last) > PROTOCOLS.indexOf(next)) bad(`${next} after ${last}`);
      seen.push(next);
      proto = next;
      token = head[2] ?? "";
    }
    if (proto === undefined) bad("does not start with a protocol");
    const p = proto as Proto;
    const num = /^(\d+)(?:-(\d+))?$/.exec(token);
    if (num) {
      if (names[p].length > 0) bad(`number ${token} after a named port`);
      const lo = Number(num[1]);
      const hi = num[2] === undefined ? lo : Number(num[2]);
      if (lo < 1 || hi > 65535 || lo > hi) bad(`bad range ${token}`);
      if (num[2] !== undefined && lo === hi) bad(`range ${token} should be written ${lo}`);
      const prev = ranges[p][ranges[p].length - 1];
      if (prev && lo <= prev[1] + 1) bad(`range ${token} overlaps or touches ${prev[0]}-${prev[1]} (not merged/ascending)`);
      ranges[p].push([lo, hi]);
    } else if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(token)) {
      names[p].push(token);
    } else {
      bad(`unexpected token ${JSON.stringify(token)}`);
    }
  }
  return { all: false, ranges, names };
}

export function connAllows(conn: Conn, proto: Proto, port: number): boolean {
  return conn.all || conn.ranges[proto].some(([lo, hi]) => lo <= port && port <= hi);
}

// ---- IPv4 helpers (test-only; IPv6 ranges are ignored when looking up a sample IPv4 address) ----

export function ipv4ToNumber(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

export function cidrContains(cidr: string, address: string): boolean {
  const [net, bitsText] = cidr.split("/");
  const ip = ipv4ToNumber(address);
  const base = ipv4ToNumber(net ?? "");
  if (ip === undefined || base === undefined || bitsText === undefined) return false;
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const start = Math.floor(base / size) * size;
  return ip >= start && ip < start + size;
}

export function isIPv4(text: string): boolean {
  return ipv4ToNumber(text) !== undefined;
}

// ---- the report, queried ----

/**
 * An endpoint reference used by tests:
 * - `ns/name`: the declared workload `ns/name[Kind]` (for the e2e model, `x/a` is `x/a[Pod]`);
 * - an IPv4 address such as `10.0.1.50`: the external endpoint whose `cidrs` contain it;
 * - anything else: an endpoint id, verbatim.
 */
export type EndpointRef = string;

export interface Reach {
  readonly json: ReachJson;
  /** The endpoint id a reference names; throws when there is none or more than one. */
  id(ref: EndpointRef): string;
  /** The flow's canonical connection string, or `No Connections` when there is no flow. */
  conn(from: EndpointRef, to: EndpointRef): string;
  /** Whether `from` can open a connection to `to` on proto/port. */
  can(from: EndpointRef, to: EndpointRef, proto: Proto, port: number): boolean;
  errors(): DiagnosticJson[];
}

export function reachOf(json: ReachJson): Reach {
  const byId = new Map<string, EndpointJson>();
  for (const e of json.endpoints) {
    if (byId.has(e.id)) throw new Error(`duplicate endpoint id ${e.id}`);
    byId.set(e.id, e);
  }
  const flows = new Map<string, string>();
  for (const f of json.flows) {
    const key = `${f.src}\u0000${f.dst}`;
    if (flows.has(key)) throw new Error(`duplicate flow ${f.src} => ${f.dst}`);
    if (!byId.has(f.src)) throw new Error(`flow source ${f.src} is not among the endpoints`);
    if (!byId.has(f.dst)) throw new Error(`flow destination ${f.dst} is not among the endpoints`);
    flows.set(key, f.conn);
  }
  const cache = new Map<string, string>();

  const resolve = (ref: EndpointRef): string => {
    const known = cache.get(ref);
    if (known !== undefined) return known;
    let found: string[];
    if (isIPv4(ref)) {
      found = json.endpoints
        .filter((e) => e.type === "external" && e.cidrs.some((c) => cidrContains(c, ref)))
        .map((e) => e.id);
      if (found.length === 0) {
        const ext = json.endpoints.filter((e) => e.type === "external").map((e) => e.id);
        throw new Error(`no external endpoint contains ${ref}; external endpoints: ${JSON.stringify(ext)}`);
      }
    } else if (byId.has(ref)) {
      found = [ref];
    } else if (byId.has(`${ref}[Pod]`)) {
      found = [`${ref}[Pod]`];
    } else {
      const slash = ref.indexOf("/");
      const ns = ref.slice(0, slash);
      const name = ref.slice(slash + 1);
      found = json.endpoints
        .filter((e) => e.type === "workload" && e.namespace === ns && e.name === name)
        .map((e) => e.id);
      if (found.length === 0) {
        throw new Error(`no endpoint for ${ref}; endpoints: ${JSON.stringify(json.endpoints.map((e) => e.id))}`);
      }
    }
    if (found.length > 1) throw new Error(`${ref} names several endpoints: ${JSON.stringify(found)}`);
    const id = found[0] as string;
    cache.set(ref, id);
    return id;
  };

  const conn = (from: EndpointRef, to: EndpointRef): string =>
    flows.get(`${resolve(from)}\u0000${resolve(to)}`) ?? "No Connections";

  return {
    json,
    id: resolve,
    conn,
    can: (from, to, proto, port) => connAllows(parseConn(conn(from, to)), proto, port),
    errors: () => json.diagnostics.filter((d) => d.severity === "error"),
  };
}

export function analyze(files: readonly SourceFile[], options: AnalyzeOptions = { pods: "declared" }): Reach {
  return reachOf(analyzeReach(files, options));
}

export function formatDiagnostics(diags: readonly DiagnosticJson[]): string {
  return diags.map((d) => `${d.severity} ${d.file}:${d.line}:${d.column} ${d.message}`).join("\n");
}
