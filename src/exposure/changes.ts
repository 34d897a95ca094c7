// Exposure, base vs head, on the shared universe: per pod, what the ingress controller and each
// external address class got through before and after. A pull request that only moves an
// exposure to another Service or Ingress with the same reach changes nothing here.
import type { Change, ChangeType, Reason } from "../diff/change.js";
import { explain } from "../diff/explain.js";
import type { ExternalEndpoint, IngressControllerEndpoint, PodEndpoint } from "../model/endpoint.js";
import type { ExposureSource } from "../model/exposure.js";
import type { AddrRange, Family } from "../net/ip.js";
import { externalEndpoint } from "../reach/external-space.js";
import type { Carried, ExposureTable, Reached, TableInput } from "./table.js";
import { NOTHING } from "./table.js";
import { compareExposures, viaKey } from "./exposures.js";

export interface ExposureChange extends Change {
  readonly source: ExposureSource;
  readonly src: IngressControllerEndpoint | ExternalEndpoint;
  readonly dst: PodEndpoint;
  /** The objects that carry the traffic, at base and at head. */
  readonly via: { readonly base: readonly Carried[]; readonly head: readonly Carried[] };
  /** Whether some policy isolates the pod's ingress, at base and at head (undefined: no such pod there). */
  readonly isolated: { readonly base: boolean | undefined; readonly head: boolean | undefined };
}

export interface ExposureSide extends TableInput {
  readonly table: ExposureTable;
}

export function exposureChanges(base: ExposureSide, head: ExposureSide, pods: ReadonlyMap<string, PodEndpoint>, controller: IngressControllerEndpoint): ExposureChange[] {
  const out: ExposureChange[] = [];
  const ids = [...new Set([...base.table.keys(), ...head.table.keys()])];
  const P = base.reach.universe.podClasses.length;
  const externals = base.reach.universe.externals;
  for (const id of ids) {
    const dst = pods.get(id);
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
    const change = (source: ExposureSource, src: IngressControllerEndpoint | ExternalEndpoint, b: Reached, h: Reached, reasons: Reason[]): ExposureChange => {
      const type: ChangeType = b.conn.isEmpty ? "added" : h.conn.isEmpty ? "removed" : "changed";
      const opened = h.conn.subtract(b.conn);
      const closed = b.conn.subtract(h.conn);
      return { type, src, dst, base: b.conn, head: h.conn, opened, closed, endpoint, why: reasons, source, via: { base: b.via, head: h.via }, isolated };
    };

    const bc = base.table.get(id)?.controller ?? NOTHING;
    const hc = head.table.get(id)?.controller ?? NOTHING;
    if (!bc.conn.equals(hc.conn)) out.push(change("ingress-controller", controller, bc, hc, why(bc, hc, { base: base.controllerClass, head: head.controllerClass })));

    const bi = base.table.get(id)?.internet ?? new Map<number, Reached>();
    const hi = head.table.get(id)?.internet ?? new Map<number, Reached>();
    const buckets = new Map<string, { family: Family; ranges: AddrRange[]; b: Reached; h: Reached; reasons: Reason[] }>();
    for (const x of new Set([...bi.keys(), ...hi.keys()])) {
      const b = bi.get(x) ?? NOTHING;
      const h = hi.get(x) ?? NOTHING;
      if (b.conn.equals(h.conn)) continue;
      const ext = externals[x]!;
      const family = ext.ranges[0]!.family;
      const reasons = why(b, h, { base: P + x, head: P + x });
      const key = [family, b.conn.toString(), h.conn.toString(), viaKey(b.via), viaKey(h.via), JSON.stringify(reasons)].join("|");
      const bucket = buckets.get(key);
      if (bucket) bucket.ranges.push(...ext.ranges);
      else buckets.set(key, { family, ranges: [...ext.ranges], b, h, reasons });
    }
    for (const bucket of buckets.values()) out.push(change("internet", externalEndpoint(bucket.family, bucket.ranges), bucket.b, bucket.h, bucket.reasons));
  }
  return out.sort(compareExposures);
}
