// Connection sets as people say them. The canonical form (`SCTP 1-65535,TCP 1-6378,6380-65535,
// UDP 1-65535`, DESIGN section 5) is exact and stays in JSON; a reviewer reads "all but TCP 6379",
// "all TCP except 6379", "TCP and UDP 53", "TCP 80, 443". A change is said as before and after
// ("was all connections, now TCP 8080 (`http-prom`), 9292"): the difference alone ("all but TCP
// 8080, 9292" closed) hides what is left.
import type { Endpoint } from "../model/endpoint.js";
import { ConnSet, PortSet } from "../net/conn-set.js";
import * as iv from "../net/intervals.js";
import type { Protocol } from "../net/protocol.js";

/** Protocols in the order people name them. */
const SPOKEN: readonly Protocol[] = ["TCP", "UDP", "SCTP"];

/** At most this many holes in "all TCP except …": more reads worse than the list itself. */
const MAX_EXCEPT = 3;

/** The name a destination gives a port number, if one: `containerPorts[].name`. */
export type PortNames = (protocol: Protocol, port: number) => string | undefined;

export interface ConnFormat {
  /** Port names a policy gives that no pod resolves (untrusted text). */
  readonly text: (s: string) => string;
  /** Container port names (untrusted text). */
  readonly code: (s: string) => string;
  readonly names?: PortNames;
}

const PLAIN: ConnFormat = { text: (s) => s, code: (s) => s };

export function connWords(c: ConnSet, f: ConnFormat = PLAIN): string {
  return words(c, f).text;
}

/** The words, and whether they say the set by what it lacks ("all but TCP 6379", "all TCP except 22"). */
function words(c: ConnSet, f: ConnFormat): { text: string; complement: boolean } {
  if (c.isEmpty) return { text: "no connections", complement: false };
  if (c.isAll) return { text: "all connections", complement: false };
  const direct = phrases(c, f);
  const rest = ConnSet.ALL.subtract(c);
  const named = SPOKEN.some((p) => c.ports(p).names.length > 0);
  if (!named && !rest.isEmpty) {
    const complement = phrases(rest, PLAIN);
    // "all but TCP 6379" when what is missing says it in fewer pieces than what is there.
    if (weight(complement) < weight(direct) && weight(complement) <= MAX_EXCEPT) return { text: `all but ${join(complement)}`, complement: true };
  }
  return { text: join(direct), complement: direct.some((p) => p.complement) };
}

interface Phrase {
  readonly text: string;
  /** How many separate pieces (ranges, names) a reader takes in. */
  readonly weight: number;
  /** Said by what it lacks: "all TCP except 22". */
  readonly complement?: boolean;
}

/** One phrase per distinct port set, protocols sharing one set named together ("TCP and UDP 53"). */
function phrases(c: ConnSet, f: ConnFormat): Phrase[] {
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
      return { text: `all ${who} except ${rangeList(holes.ranges)}`, weight: holeCount, complement: true };
    }
    const numbers = rangeList(ports.ranges, (port) => portName(protocols, port, f));
    return { text: `${who} ${[numbers, ...ports.names.map(f.text)].filter((s) => s !== "").join(", ")}`, weight: count };
  });
}

const weight = (ps: readonly Phrase[]): number => ps.reduce((n, p) => n + p.weight, 0);
const join = (ps: readonly Phrase[]): string => ps.map((p) => p.text).join("; ");

/** "80, 8080 (`http-prom`), 9000-9100": a single port followed by the name its pods give it. */
function rangeList(ranges: iv.Intervals, name: (port: number) => string | undefined = () => undefined): string {
  return iv
    .format(ranges)
    .split(",")
    .filter((s) => s !== "")
    .map((s) => {
      const n = /^\d+$/.test(s) ? name(Number(s)) : undefined;
      return n === undefined ? s : `${s} (${n})`;
    })
    .join(", ");
}

/** The name every protocol of a phrase gives `port`, formatted; none when they disagree. */
function portName(protocols: readonly Protocol[], port: number, f: ConnFormat): string | undefined {
  if (!f.names) return undefined;
  const names = new Set(protocols.map((p) => f.names!(p, port)));
  const [only] = names;
  return names.size === 1 && only !== undefined ? f.code(only) : undefined;
}

/**
 * The names the destinations give their ports: a number is named when every destination that
 * declares it gives it the same name. Representatives' named ports (number 0) name nothing.
 */
export function portNames(destinations: readonly Endpoint[]): PortNames {
  const byPort = new Map<string, string | null>();
  for (const d of destinations) {
    if (d.type === "external") continue;
    for (const p of d.pod.ports) {
      if (p.port === 0) continue;
      const key = `${p.protocol} ${p.port}`;
      const name = p.name ?? null;
      const seen = byPort.get(key);
      if (seen === undefined) byPort.set(key, name);
      else if (seen !== name) byPort.set(key, null);
    }
  }
  return (protocol, port) => byPort.get(`${protocol} ${port}`) ?? undefined;
}

/**
 * A change of one flow, before and after: "was all connections, now TCP 9292"; a flow that is
 * new or gone is said by what it has or had ("TCP 8080").
 */
export function changeWords(base: ConnSet, head: ConnSet, f: ConnFormat = PLAIN): string {
  if (base.isEmpty) return connWords(head, f);
  if (head.isEmpty) return connWords(base, f);
  return `was ${connWords(base, f)}, now ${connWords(head, f)}`;
}

/** At most this many distinct before → after changes are spelled out for a group. */
const MAX_CHANGES = 2;

/**
 * A group's change, what opened or closed (`delta`, which its pairs share) when that reads
 * plainly ("TCP and UDP 53"); else, when only its complement is short ("all but TCP 8080, 9292"
 * closed hides what is left), before and after, if its pairs agree (or differ in at most two ways).
 */
export function groupChangeWords(changes: readonly { readonly base: ConnSet; readonly head: ConnSet }[], delta: ConnSet, f: ConnFormat = PLAIN): string {
  const plain = words(delta, f);
  if (!plain.complement) return plain.text;
  const distinct: { base: ConnSet; head: ConnSet }[] = [];
  for (const c of changes) {
    if (distinct.some((d) => (d.base === c.base || d.base.equals(c.base)) && (d.head === c.head || d.head.equals(c.head)))) continue;
    distinct.push(c);
    if (distinct.length > MAX_CHANGES) return plain.text;
  }
  return distinct.map((d) => changeWords(d.base, d.head, f)).join("; ");
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
