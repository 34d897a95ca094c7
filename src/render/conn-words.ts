// Connection sets as people say them. The canonical form (`SCTP 1-65535,TCP 1-6378,6380-65535,
// UDP 1-65535`, DESIGN section 5) is exact and stays in JSON; a reviewer reads "all but TCP 6379",
// "all TCP except 6379", "TCP and UDP 53", "TCP 80, 443".
import { ConnSet, PortSet } from "../net/conn-set.js";
import * as iv from "../net/intervals.js";
import type { Protocol } from "../net/protocol.js";

/** Protocols in the order people name them. */
const SPOKEN: readonly Protocol[] = ["TCP", "UDP", "SCTP"];

/** At most this many holes in "all TCP except …": more reads worse than the list itself. */
const MAX_EXCEPT = 3;

export function connWords(c: ConnSet): string {
  if (c.isEmpty) return "no connections";
  if (c.isAll) return "all connections";
  const direct = phrases(c);
  const rest = ConnSet.ALL.subtract(c);
  const named = SPOKEN.some((p) => c.ports(p).names.length > 0);
  if (!named && !rest.isEmpty) {
    const complement = phrases(rest);
    // "all but TCP 6379" when what is missing says it in fewer pieces than what is there.
    if (weight(complement) < weight(direct) && weight(complement) <= MAX_EXCEPT) return `all but ${join(complement)}`;
  }
  return join(direct);
}

interface Phrase {
  readonly text: string;
  /** How many separate pieces (ranges, names) a reader takes in. */
  readonly weight: number;
}

/** One phrase per distinct port set, protocols sharing one set named together ("TCP and UDP 53"). */
function phrases(c: ConnSet): Phrase[] {
  const bySet: { protocols: Protocol[]; ports: PortSet }[] = [];
  for (const p of SPOKEN) {
    const ports = c.ports(p);
    if (ports.isEmpty) continue;
    const same = bySet.find((x) => x.ports.equals(ports));
    if (same) same.protocols.push(p);
    else bySet.push({ protocols: [p], ports });
  }
  return bySet.map(({ protocols, ports }) => {
    const who = andList(protocols);
    if (ports.isAll) return { text: `all ${who}`, weight: 1 };
    const holes = PortSet.ALL.subtract(ports);
    const count = ports.ranges.length / 2 + ports.names.length;
    const holeCount = holes.ranges.length / 2;
    if (ports.names.length === 0 && holeCount < count && holeCount <= MAX_EXCEPT) {
      return { text: `all ${who} except ${rangeList(holes.ranges)}`, weight: holeCount };
    }
    return { text: `${who} ${[rangeList(ports.ranges), ...ports.names].filter((s) => s !== "").join(", ")}`, weight: count };
  });
}

const weight = (ps: readonly Phrase[]): number => ps.reduce((n, p) => n + p.weight, 0);
const join = (ps: readonly Phrase[]): string => ps.map((p) => p.text).join("; ");

function rangeList(ranges: iv.Intervals): string {
  return iv.format(ranges).split(",").filter((s) => s !== "").join(", ");
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
