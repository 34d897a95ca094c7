// Connection strings (DESIGN section 5) parsed for the property test, strictly: the string must
// be in canonical form (protocols SCTP, TCP, UDP; ranges ascending and merged; a full set is
// `All Connections`). Port names are rejected: they only appear for synthetic pods.

import { PROTOCOLS, type Protocol } from "./kube.js";

export type Range = readonly [first: number, last: number];

/** Per protocol, sorted disjoint inclusive port ranges. */
export type Conn = Readonly<Record<Protocol, readonly Range[]>>;

export const NO_CONN: Conn = { SCTP: [], TCP: [], UDP: [] };

function formatConn(conn: Conn): string {
  if (PROTOCOLS.every((p) => conn[p].length === 1 && conn[p][0]![0] === 1 && conn[p][0]![1] === 65535)) {
    return "All Connections";
  }
  const parts: string[] = [];
  for (const p of PROTOCOLS) {
    if (conn[p].length > 0) parts.push(`${p} ${conn[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(",")}`);
  }
  return parts.length === 0 ? "No Connections" : parts.join(",");
}

/** Parses and checks canonical form; throws with a reason otherwise. */
export function parseConn(text: string): Conn {
  if (text === "All Connections") return { SCTP: [[1, 65535]], TCP: [[1, 65535]], UDP: [[1, 65535]] };
  if (text === "No Connections") return NO_CONN;
  const ranges: Record<Protocol, [number, number][]> = { SCTP: [], TCP: [], UDP: [] };
  let current: Protocol | undefined;
  for (let item of text.split(",")) {
    const head = /^(SCTP|TCP|UDP) /.exec(item);
    if (head !== null) {
      current = head[1] as Protocol;
      item = item.slice(head[0].length);
    }
    if (current === undefined) throw new Error(`connection string ${JSON.stringify(text)}: ports before a protocol`);
    const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(item);
    if (m === null) throw new Error(`connection string ${JSON.stringify(text)}: bad item ${JSON.stringify(item)}`);
    const first = Number(m[1]);
    const last = m[2] === undefined ? first : Number(m[2]);
    if (!(first >= 1 && first <= last && last <= 65535)) {
      throw new Error(`connection string ${JSON.stringify(text)}: bad range ${JSON.stringify(item)}`);
    }
    ranges[current].push([first, last]);
  }
  for (const p of PROTOCOLS) {
    const list = ranges[p];
    for (let i = 1; i < list.length; i++) {
      if (list[i]![0] <= list[i - 1]![1] + 1) {
        throw new Error(`connection string ${JSON.stringify(text)} is not canonical: ${p} ranges not ascending and merged`);
      }
    }
  }
  // Parsed as written; the canonical rendering of what was read must be the input itself.
  const canonical = formatConn(ranges);
  if (canonical !== text) {
    throw new Error(`connection string ${JSON.stringify(text)} is not canonical (expected ${JSON.stringify(canonical)})`);
  }
  return ranges;
}

export function connAllows(conn: Conn, protocol: Protocol, port: number): boolean {
  return conn[protocol].some(([first, last]) => first <= port && port <= last);
}
