// Exposure, base vs head, on the shared universe: per pod, what the ingress controller and each
// external address class got through before and after. A pull request that only moves an
// exposure to another Service or Ingress with the same reach changes nothing here; one that
// moves it from a LoadBalancer to a Gateway (or back) changes both sources, and the part that is
// public before and after is marked moved, not new.
import type { Change, ChangeType, Reason } from "../diff/change.js";
import { explain } from "../diff/explain.js";
import type { ExternalEndpoint, IngressControllerEndpoint, PodEndpoint } from "../model/endpoint.js";
import type { Chain, ExposureSource } from "../model/exposure.js";
import { ConnSet } from "../net/conn-set.js";
import type { AddrRange, Family } from "../net/ip.js";
import { externalEndpoint } from "../reach/external-space.js";
import type { Carried, ExposureTable, Reached, TableInput } from "./table.js";
import { NOTHING } from "./table.js";
import { chainKey, compareExposures, viaKey } from "./exposures.js";

export interface ExposureChange extends Change {
  readonly source: ExposureSource;
  readonly src: IngressControllerEndpoint | ExternalEndpoint;
  readonly dst: PodEndpoint;
  /** The objects that carry the traffic, at base and at head. */
  readonly via: { readonly base: readonly Carried[]; readonly head: readonly Carried[] };
  /** Whether some policy isolates the pod's ingress, at base and at head (undefined: no such pod there). */
  readonly isolated: { readonly base: boolean | undefined; readonly head: boolean | undefined };
  /**
   * The part of `opened` that was public before through the other source, and of `closed` that
   * is public after through the other source: no one outside gains or loses it, so it is not
   * newly exposed (nor lost). Public: reachable from the ingress controller (which stands for any
   * outside client), or from every address of one family through the internet. `public`: the part
   * public on both sides, shown as a move. `via`: the chains that carry it, at base and at head.
   */
  readonly moved: { readonly conn: ConnSet; readonly public: ConnSet; readonly via: { readonly base: readonly Carried[]; readonly head: readonly Carried[] } } | undefined;
}

/** What an exposure change newly opens to someone who could not reach it before. */
export function newlyOpened(c: ExposureChange): ConnSet {
  return c.moved === undefined ? c.opened : c.opened.subtract(c.moved.conn);
}

/** What an exposure change closes to everyone outside. */
export function newlyClosed(c: ExposureChange): ConnSet {
  return c.moved === undefined ? c.closed : c.closed.subtract(c.moved.conn);
}

export interface ExposureSide extends TableInput {
  readonly table: ExposureTable;
}

/** `podOf`: the pod endpoint of an id, asked only of the pods the exposure tables name. */
export function exposureChanges(base: ExposureSide, head: ExposureSide, podOf: (id: string) => PodEndpoint | undefined, controller: IngressControllerEndpoint): ExposureChange[] {
  const out: ExposureChange[] = [];
  const ids = [...new Set([...base.table.keys(), ...head.table.keys()])];
  const P = base.reach.universe.podClasses.length;
  const externals = base.reach.universe.externals;
  const byFamily = (["v4", "v6"] as const).map((family) => externals.flatMap((x, i) => (x.ranges[0]?.family === family ? [i] : [])));
  for (const id of ids) {
    const dst = podOf(id);
    if (dst === undefined) continue;
    const bd = base.classOf.get(id);
    const hd = head.classOf.get(id);
    const isolated = {
      base: bd === undefined ? undefined : base.reach.isolating(bd, "ingress").length > 0,
      head: hd === undefined ? undefined : head.reach.isolating(hd, "ingress").length > 0,
    };
    const endpoint = bd === undefined ? ("added" as const) : hd === undefined ? ("removed" as const) : null;
    const why = (b: Reached, h: Reached, src: { base: number | undefined; head: number | undefined }) =>
      explain({ r: base.reach, src: src.base, dst: bd }, { r: head.reach, src: src.head, dst: hd }, h.conn.subtract(b.conn), b.conn.subtract(h.conn));
    // Worked out only for a pod whose exposure changed: most pods' never do.
    let known: { base: Public; head: Public } | undefined;
    const publics = () => (known ??= { base: publicOf(base.table.get(id), byFamily), head: publicOf(head.table.get(id), byFamily) });
    const change = (source: ExposureSource, src: IngressControllerEndpoint | ExternalEndpoint, b: Reached, h: Reached, reasons: Reason[]): ExposureChange => {
      const type: ChangeType = b.conn.isEmpty ? "added" : h.conn.isEmpty ? "removed" : "changed";
      const opened = h.conn.subtract(b.conn);
      const closed = b.conn.subtract(h.conn);
      // Opened here, but public before through the other source; closed here, but public after:
      // no one outside gains or loses it. Shown as a move where it is public on both sides.
      const other = source === "ingress-controller" ? "internet" : "controller";
      // The same reach through other objects (an Ingress replaced by an HTTPRoute): a move too,
      // port by port, beside a port the same change opens or closes.
      const rerouted = reroutedConn(b.via, h.via).intersect(b.conn).intersect(h.conn);
      const pub = publics();
      const covered = opened.intersect(pub.base[other].conn).union(closed.intersect(pub.head[other].conn)).union(rerouted);
      const both = covered.intersect(pub.base.controller.conn.union(pub.base.internet.conn)).intersect(pub.head.controller.conn.union(pub.head.internet.conn));
      const moved = covered.isEmpty
        ? undefined
        : { conn: covered, public: both, via: { base: carrying(dedupe([...b.via, ...pub.base.all]), covered), head: carrying(dedupe([...h.via, ...pub.head.all]), covered) } };
      return { type, src, dst, base: b.conn, head: h.conn, opened, closed, endpoint, why: reasons, source, via: { base: b.via, head: h.via }, isolated, moved };
    };

    const bc = base.table.get(id)?.controller ?? NOTHING;
    const hc = head.table.get(id)?.controller ?? NOTHING;
    if (!bc.conn.equals(hc.conn)) out.push(change("ingress-controller", controller, bc, hc, why(bc, hc, { base: base.controllerClass, head: head.controllerClass })));
    else if (!reroutedConn(bc.via, hc.via).isEmpty) out.push(change("ingress-controller", controller, bc, hc, []));

    const bi = base.table.get(id)?.internet ?? new Map<number, Reached>();
    const hi = head.table.get(id)?.internet ?? new Map<number, Reached>();
    const buckets = new Map<string, { family: Family; ranges: AddrRange[]; b: Reached; h: Reached; reasons: Reason[] }>();
    for (const x of new Set([...bi.keys(), ...hi.keys()])) {
      const b = bi.get(x) ?? NOTHING;
      const h = hi.get(x) ?? NOTHING;
      const same = b.conn.equals(h.conn);
      if (same && reroutedConn(b.via, h.via).isEmpty) continue;
      const ext = externals[x]!;
      const family = ext.ranges[0]!.family;
      const reasons = same ? [] : why(b, h, { base: P + x, head: P + x });
      const key = [family, b.conn.toString(), h.conn.toString(), viaKey(b.via), viaKey(h.via), JSON.stringify(reasons)].join("|");
      const bucket = buckets.get(key);
      if (bucket) bucket.ranges.push(...ext.ranges);
      else buckets.set(key, { family, ranges: [...ext.ranges], b, h, reasons });
    }
    for (const bucket of buckets.values()) out.push(change("internet", externalEndpoint(bucket.family, bucket.ranges), bucket.b, bucket.h, bucket.reasons));
  }
  return out.sort(compareExposures);
}

interface Public {
  readonly controller: Reached;
  /** What every address of one family gets through (the union over the families). */
  readonly internet: Reached;
  /** Every public chain, the controller's first. */
  readonly all: readonly Carried[];
}

/**
 * What is public on one side: the ingress controller's reach (it stands for any outside client,
 * as the exposure assumptions say) and what the internet gets through from every address of a
 * family. A port reachable only from some addresses (loadBalancerSourceRanges, an ipBlock) is
 * not public: moving it behind a Gateway opens it to everyone, which is new.
 */
function publicOf(e: { controller: Reached | undefined; internet: ReadonlyMap<number, Reached> } | undefined, byFamily: readonly (readonly number[])[]): Public {
  const controller = e?.controller ?? NOTHING;
  let conn = ConnSet.NONE;
  const via: Carried[] = [];
  for (const classes of byFamily) {
    if (classes.length === 0) continue;
    let every: ConnSet | undefined;
    for (const i of classes) {
      const got = e?.internet.get(i)?.conn ?? ConnSet.NONE;
      every = every === undefined ? got : every.intersect(got);
      if (every.isEmpty) break;
    }
    if (every === undefined || every.isEmpty) continue;
    conn = conn.union(every);
    for (const i of classes) via.push(...(e?.internet.get(i)?.via ?? []).filter((c) => !c.conn.intersect(every).isEmpty));
  }
  const internet: Reached = { conn, via: dedupe(via) };
  return { controller, internet, all: dedupe([...controller.via, ...internet.via]) };
}

/** The chains that carry some of `conn`, each once, with what they carry of it. */
function carrying(via: readonly Carried[], conn: ConnSet): Carried[] {
  return via.filter((c) => !c.conn.intersect(conn).isEmpty).map((c) => ({ chain: c.chain, conn: c.conn.intersect(conn) }));
}

function dedupe(via: readonly Carried[]): Carried[] {
  const seen = new Map<string, Carried>();
  for (const c of via) {
    const k = chainKey(c.chain);
    const had = seen.get(k);
    seen.set(k, had === undefined ? c : { chain: c.chain, conn: had.conn.union(c.conn) });
  }
  return [...seen.values()];
}

/** The objects of a chain, without what each contributes: the same objects with other details is no move. */
function objectsKey(chain: Chain): string {
  return chain.map((h) => `${h.kind} ${h.namespace}/${h.name}`).join(" > ");
}

/** What other objects carry on one side than on the other, where both sides reach the same. */
function reroutedConn(base: readonly Carried[], head: readonly Carried[]): ConnSet {
  const by = (via: readonly Carried[]) => {
    const m = new Map<string, ConnSet>();
    for (const c of via) m.set(objectsKey(c.chain), (m.get(objectsKey(c.chain)) ?? ConnSet.NONE).union(c.conn));
    return m;
  };
  const b = by(base);
  const h = by(head);
  let out = ConnSet.NONE;
  for (const k of new Set([...b.keys(), ...h.keys()])) {
    const x = b.get(k) ?? ConnSet.NONE;
    const y = h.get(k) ?? ConnSet.NONE;
    out = out.union(x.subtract(y)).union(y.subtract(x));
  }
  return out;
}
