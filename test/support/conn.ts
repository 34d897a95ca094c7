// Connection strings (DESIGN section 5, netpol-analyzer's grammar) parsed into normalized
// per-protocol port sets, so that two strings naming the same set compare equal:
//   `All Connections` | `No Connections` | `PROTO RANGES(,PROTO RANGES)*`
// A new protocol starts at each `SCTP `, `TCP `, `UDP ` token; a range is `N` or `N-M` in
// 1..65535. A named port (`TCP 80,http`, synthetic pods only) is kept as a name.

export const PROTOCOLS = ["SCTP", "TCP", "UDP"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** Inclusive port interval. */
export type PortRange = readonly [first: number, last: number];

export const PORT_MIN = 1;
export const PORT_MAX = 65535;

/** A normalized connection set: per protocol, sorted merged intervals and sorted unique names. */
export interface ConnSet {
  readonly ports: Readonly<Record<Protocol, readonly PortRange[]>>;
  readonly names: Readonly<Record<Protocol, readonly string[]>>;
}

export const NO_CONNECTIONS: ConnSet = makeConn({}, {});
export const ALL_CONNECTIONS: ConnSet = makeConn(
  { SCTP: [[PORT_MIN, PORT_MAX]], TCP: [[PORT_MIN, PORT_MAX]], UDP: [[PORT_MIN, PORT_MAX]] },
  {},
);

export class ConnParseError extends Error {
  override name = "ConnParseError";
}

/** Builds a normalized set from possibly unsorted, overlapping intervals and names. */
export function makeConn(
  ports: Partial<Record<Protocol, Iterable<PortRange>>>,
  names: Partial<Record<Protocol, Iterable<string>>> = {},
): ConnSet {
  const outPorts = {} as Record<Protocol, PortRange[]>;
  const outNames = {} as Record<Protocol, string[]>;
  for (const protocol of PROTOCOLS) {
    const merged = mergePorts(ports[protocol] ?? []);
    outPorts[protocol] = merged;
    // A name adds nothing to a protocol whose every port is already allowed.
    outNames[protocol] = isFull(merged) ? [] : [...new Set(names[protocol] ?? [])].sort();
  }
  return { ports: outPorts, names: outNames };
}

function mergePorts(ranges: Iterable<PortRange>): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [first, last] of sorted) {
    if (!(Number.isInteger(first) && Number.isInteger(last) && PORT_MIN <= first && first <= last && last <= PORT_MAX)) {
      throw new ConnParseError(`bad port range ${first}-${last}`);
    }
    const top = out[out.length - 1];
    if (top !== undefined && first <= top[1] + 1) top[1] = Math.max(top[1], last);
    else out.push([first, last]);
  }
  return out;
}

function isFull(ranges: readonly PortRange[]): boolean {
  return ranges.length === 1 && ranges[0]![0] === PORT_MIN && ranges[0]![1] === PORT_MAX;
}

const PORT = /^(?:0|[1-9][0-9]*)$/;
const PORT_NAME = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/i;

function parsePort(text: string, whole: string): number {
  if (!PORT.test(text)) throw new ConnParseError(`bad port ${JSON.stringify(text)} in ${JSON.stringify(whole)}`);
  const value = Number(text);
  if (value < PORT_MIN || value > PORT_MAX) {
    throw new ConnParseError(`port ${value} out of ${PORT_MIN}..${PORT_MAX} in ${JSON.stringify(whole)}`);
  }
  return value;
}

/** Parses a connection string; throws ConnParseError on anything outside the grammar. */
export function parseConn(text: string): ConnSet {
  const trimmed = text.trim();
  if (trimmed === "All Connections") return ALL_CONNECTIONS;
  if (trimmed === "No Connections") return NO_CONNECTIONS;
  if (trimmed === "") throw new ConnParseError("empty connection string");
  const ports: Record<Protocol, PortRange[]> = { SCTP: [], TCP: [], UDP: [] };
  const names: Record<Protocol, string[]> = { SCTP: [], TCP: [], UDP: [] };
  const seen = new Set<Protocol>();
  let current: Protocol | undefined;
  for (const rawItem of trimmed.split(",")) {
    let item = rawItem.trim();
    const space = item.indexOf(" ");
    if (space >= 0) {
      const head = item.slice(0, space);
      if (!(PROTOCOLS as readonly string[]).includes(head)) {
        throw new ConnParseError(`unknown protocol ${JSON.stringify(head)} in ${JSON.stringify(text)}`);
      }
      current = head as Protocol;
      seen.add(current);
      item = item.slice(space + 1).trim();
    }
    if (current === undefined) throw new ConnParseError(`ports before any protocol in ${JSON.stringify(text)}`);
    if (item === "") throw new ConnParseError(`empty port item in ${JSON.stringify(text)}`);
    const dash = item.indexOf("-");
    if (/^[0-9]/.test(item) && dash > 0) {
      const first = parsePort(item.slice(0, dash), text);
      const last = parsePort(item.slice(dash + 1), text);
      if (first > last) throw new ConnParseError(`empty range ${item} in ${JSON.stringify(text)}`);
      ports[current].push([first, last]);
    } else if (/^[0-9]+$/.test(item)) {
      const port = parsePort(item, text);
      ports[current].push([port, port]);
    } else if (PORT_NAME.test(item) && /[a-z]/i.test(item)) {
      names[current].push(item);
    } else {
      throw new ConnParseError(`bad port item ${JSON.stringify(item)} in ${JSON.stringify(text)}`);
    }
  }
  if (seen.size === 0) throw new ConnParseError(`no protocol in ${JSON.stringify(text)}`);
  return makeConn(ports, names);
}

function formatRange([first, last]: PortRange): string {
  return first === last ? String(first) : `${first}-${last}`;
}

/** Canonical string: protocols SCTP, TCP, UDP; ranges ascending and merged; names after numbers. */
export function formatConn(conn: ConnSet): string {
  if (connEquals(conn, ALL_CONNECTIONS)) return "All Connections";
  const parts: string[] = [];
  for (const protocol of PROTOCOLS) {
    const items = [...conn.ports[protocol].map(formatRange), ...conn.names[protocol]];
    if (items.length > 0) parts.push(`${protocol} ${items.join(",")}`);
  }
  return parts.length === 0 ? "No Connections" : parts.join(",");
}

export function connIsEmpty(conn: ConnSet): boolean {
  return PROTOCOLS.every((p) => conn.ports[p].length === 0 && conn.names[p].length === 0);
}

export function connEquals(a: ConnSet, b: ConnSet): boolean {
  for (const protocol of PROTOCOLS) {
    const pa = a.ports[protocol];
    const pb = b.ports[protocol];
    if (pa.length !== pb.length) return false;
    for (let i = 0; i < pa.length; i++) {
      if (pa[i]![0] !== pb[i]![0] || pa[i]![1] !== pb[i]![1]) return false;
    }
    const na = a.names[protocol];
    const nb = b.names[protocol];
    if (na.length !== nb.length || na.some((name, i) => name !== nb[i])) return false;
  }
  return true;
}

export function connUnion(a: ConnSet, b: ConnSet): ConnSet {
  const ports: Partial<Record<Protocol, PortRange[]>> = {};
  const names: Partial<Record<Protocol, string[]>> = {};
  for (const protocol of PROTOCOLS) {
    ports[protocol] = [...a.ports[protocol], ...b.ports[protocol]];
    names[protocol] = [...a.names[protocol], ...b.names[protocol]];
  }
  return makeConn(ports, names);
}

/** `a` minus `b` (ports and names), e.g. opened = head minus base. */
export function connMinus(a: ConnSet, b: ConnSet): ConnSet {
  const ports: Partial<Record<Protocol, PortRange[]>> = {};
  const names: Partial<Record<Protocol, string[]>> = {};
  for (const protocol of PROTOCOLS) {
    const out: PortRange[] = [];
    for (const [first, last] of a.ports[protocol]) {
      let start = first;
      for (const [bf, bl] of b.ports[protocol]) {
        if (bl < start || bf > last) continue;
        if (bf > start) out.push([start, bf - 1]);
        start = Math.max(start, bl + 1);
        if (start > last) break;
      }
      if (start <= last) out.push([start, last]);
    }
    ports[protocol] = out;
    const bFull = isFull(b.ports[protocol]);
    names[protocol] = bFull ? [] : a.names[protocol].filter((n) => !b.names[protocol].includes(n));
  }
  return makeConn(ports, names);
}
