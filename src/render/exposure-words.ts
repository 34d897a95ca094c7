// An exposure change in words, shared by the Markdown and text renderers: "`backend/db[StatefulSet]`
// TCP 5432 newly reachable from the internet through Service `backend/db` (LoadBalancer, port
// 5432); no NetworkPolicy selects it for ingress".
import type { Reason } from "../diff/change.js";
import { newlyClosed, newlyOpened, type ExposureChange } from "../exposure/changes.js";
import { chainKey } from "../exposure/exposures.js";
import type { Carried } from "../exposure/table.js";
import type { PodEndpoint } from "../model/endpoint.js";
import type { Hop } from "../model/exposure.js";
import type { ConnSet } from "../net/conn-set.js";
import { connWords } from "./conn-words.js";
import { reasonWords } from "./reason-words.js";

export interface ExposureFormat {
  /** An id or address set from the pull request, as code. */
  readonly code: (text: string) => string;
  /** Words that may hold text from the pull request (details of objects). */
  readonly text: (text: string) => string;
  /** "Service `backend/db`", linked to its line where the format can. */
  readonly hop: (h: Hop, side: "base" | "head") => string;
  /** A policy reason's policy and rule, linked where the format can. */
  readonly reason: (r: Reason) => string;
}

const MAX_CHAINS = 3;
const MAX_REASONS = 4;

export function exposureSentence(c: ExposureChange, facet: "opened" | "closed", f: ExposureFormat): string {
  // What no one outside had (or keeps); all of it where it all moved (said for rule any-opened).
  const part = facet === "opened" ? newlyOpened(c) : newlyClosed(c);
  const conn = part.isEmpty ? (facet === "opened" ? c.opened : c.closed) : part;
  const side = facet === "opened" ? "head" : "base";
  const chains = chainWords(facet === "opened" ? c.via.head : c.via.base, conn, side, f);
  const from = sourceWords(c, f);
  const what = `${f.code(c.dst.id)} ${f.text(connWords(conn))}`;
  const policy = policyWords(c, facet, f);
  const tail = policy === "" ? "" : `; ${policy}`;
  if (facet === "opened") return `${what} newly reachable from ${from}${chains === "" ? "" : ` through ${chains}`}${tail}`;
  return `${what} no longer reachable from ${from}${chains === "" ? "" : ` (was through ${chains})`}${tail}`;
}

/** A (workload, port) public before and after, under another path: shown once, with both. */
export interface MovedExposure {
  readonly dst: PodEndpoint;
  readonly conn: ConnSet;
  readonly base: readonly Carried[];
  readonly head: readonly Carried[];
}

/**
 * The exposure changes' moved parts, one per workload and set of ports carried by the same paths
 * (an opened and a closed change make one move): a port moved from a LoadBalancer to a Gateway and
 * a port the LoadBalancer keeps beside a new Gateway route read as two moves, each true of its ports.
 */
export function movedExposures(changes: readonly ExposureChange[]): MovedExposure[] {
  const byDst = new Map<string, { dst: PodEndpoint; conn: ConnSet; base: Carried[]; head: Carried[] }>();
  for (const c of changes) {
    if (c.moved === undefined || c.moved.public.isEmpty) continue;
    const m = byDst.get(c.dst.id);
    if (m === undefined) byDst.set(c.dst.id, { dst: c.dst, conn: c.moved.public, base: [...c.moved.via.base], head: [...c.moved.via.head] });
    else {
      m.conn = m.conn.union(c.moved.public);
      m.base.push(...c.moved.via.base);
      m.head.push(...c.moved.via.head);
    }
  }
  return [...byDst.values()].flatMap(byPaths);
}

/** One workload's moved ports, split where different paths carry them. */
function byPaths(m: MovedExposure): MovedExposure[] {
  const chains = [...m.base.map((c) => ({ side: "base", c })), ...m.head.map((c) => ({ side: "head", c }))];
  let parts = [m.conn];
  for (const { c } of chains) parts = parts.flatMap((p) => [p.intersect(c.conn), p.subtract(c.conn)].filter((x) => !x.isEmpty));
  const bySignature = new Map<string, ConnSet>();
  for (const p of parts) {
    const key = chains.map(({ side, c }) => (c.conn.intersect(p).isEmpty ? "" : `${side}:${chainKey(c.chain)}`)).join("\0");
    bySignature.set(key, (bySignature.get(key) ?? p).union(p));
  }
  if (bySignature.size <= 1) return [m];
  return [...bySignature.values()].map((conn) => ({ dst: m.dst, conn, base: m.base.filter((c) => !c.conn.intersect(conn).isEmpty), head: m.head.filter((c) => !c.conn.intersect(conn).isEmpty) }));
}

export function movedSentence(m: MovedExposure, f: ExposureFormat): string {
  const before = new Set(m.base.map((c) => chainKey(c.chain)));
  const after = new Set(m.head.map((c) => chainKey(c.chain)));
  const added = m.head.filter((c) => !before.has(chainKey(c.chain)));
  const removed = m.base.filter((c) => !after.has(chainKey(c.chain)));
  const what = `${f.code(m.dst.id)} ${f.text(connWords(m.conn))}`;
  const was = fromWords(m.base, m.conn, "base", f);
  if (added.length === 0) return `${what} still reachable ${fromWords(m.head, m.conn, "head", f)}; no longer ${fromWords(removed, m.conn, "base", f)}`;
  if (removed.length === 0) return `${what} already reachable ${was}; now also ${fromWords(added, m.conn, "head", f)}`;
  return `${what} moved: was reachable ${was}; now ${fromWords(m.head, m.conn, "head", f)}`;
}

/** "from the internet through …, from the ingress controller through …": a chain that starts at a Service is the internet's. */
function fromWords(via: readonly Carried[], conn: ConnSet, side: "base" | "head", f: ExposureFormat): string {
  const internet = via.filter((c) => c.chain[0]?.kind === "Service");
  const controller = via.filter((c) => c.chain[0]?.kind !== "Service");
  return [
    ...(internet.length > 0 ? [`from the internet through ${chainWords(internet, conn, side, f)}`] : []),
    ...(controller.length > 0 ? [`from the ingress controller through ${chainWords(controller, conn, side, f)}`] : []),
  ].join(" and ");
}

function sourceWords(c: ExposureChange, f: ExposureFormat): string {
  const src = c.src;
  if (src.type === "ingress-controller") return src.controller.named ? `the ingress controller (${f.code(src.controller.namespace)})` : "the ingress controller";
  if (src.cidrs.length === 1 && src.cidrs[0] === "0.0.0.0/0") return "the internet";
  if (src.cidrs.length === 1 && src.cidrs[0] === "::/0") return "the internet (IPv6)";
  return `addresses ${f.code(src.id)}`;
}

/** The chains that carry some of `conn`, objects outside in. */
function chainWords(via: readonly Carried[], conn: ConnSet, side: "base" | "head", f: ExposureFormat): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const c of via) {
    if (c.conn.intersect(conn).isEmpty) continue;
    const w = c.chain.map((h) => `${f.hop(h, side)} (${f.text(h.detail)})`).join(" → ");
    if (seen.has(w)) continue;
    seen.add(w);
    words.push(w);
  }
  if (words.length > MAX_CHAINS) return `${words.slice(0, MAX_CHAINS - 1).join(", ")} and ${words.length - MAX_CHAINS + 1} more`;
  return words.join(", ");
}

/** The policy side of the story: the rules that now let it in or stop it, or that none isolates the pod. */
function policyWords(c: ExposureChange, facet: "opened" | "closed", f: ExposureFormat): string {
  const reasons = c.why.map((r) => {
    const w = reasonWords(r);
    return [w.before, f.reason(r), w.after].filter((s) => s !== "").join(" ");
  });
  if (reasons.length > 0) return reasons.length > MAX_REASONS ? `${reasons.slice(0, MAX_REASONS - 1).join("; ")}; and ${reasons.length - MAX_REASONS + 1} more` : reasons.join("; ");
  if (facet === "opened" && c.isolated.head === false) return "no NetworkPolicy selects it for ingress";
  return "";
}
