// One side's exposures as a reader sees them: per pod and source, the addresses (merged across
// external classes that get the same through the same objects) and what gets through.
import type { Endpoint, ExternalEndpoint, PodEndpoint } from "../model/endpoint.js";
import type { Chain, ExposureSource, IngressControllerEndpoint } from "../model/exposure.js";
import type { ConnSet } from "../net/conn-set.js";
import type { AddrRange, Family } from "../net/ip.js";
import { externalEndpoint } from "../reach/external-space.js";
import type { Universe } from "../reach/universe.js";
import type { Carried, ExposureTable } from "./table.js";

export interface Exposure {
  readonly dst: PodEndpoint;
  readonly source: ExposureSource;
  /** The ingress controller, or the external addresses that get through. */
  readonly src: IngressControllerEndpoint | ExternalEndpoint;
  readonly conn: ConnSet;
  readonly via: readonly Carried[];
}

export function listExposures(table: ExposureTable, pods: ReadonlyMap<string, PodEndpoint>, universe: Universe, controller: IngressControllerEndpoint): Exposure[] {
  const out: Exposure[] = [];
  for (const [id, e] of table) {
    const dst = pods.get(id);
    if (dst === undefined) continue;
    if (e.controller) out.push({ dst, source: "ingress-controller", src: controller, conn: e.controller.conn, via: e.controller.via });
    const buckets = new Map<string, { family: Family; ranges: AddrRange[]; conn: ConnSet; via: readonly Carried[] }>();
    for (const [x, reached] of e.internet) {
      const ext = universe.externals[x]!;
      const family = ext.ranges[0]!.family;
      const key = `${family}|${reached.conn.toString()}|${viaKey(reached.via)}`;
      const b = buckets.get(key);
      if (b) b.ranges.push(...ext.ranges);
      else buckets.set(key, { family, ranges: [...ext.ranges], conn: reached.conn, via: reached.via });
    }
    for (const b of buckets.values()) out.push({ dst, source: "internet", src: externalEndpoint(b.family, b.ranges), conn: b.conn, via: b.via });
  }
  return out.sort(compareExposures);
}

export function chainKey(chain: Chain): string {
  return chain.map((h) => `${h.kind} ${h.namespace}/${h.name} ${h.detail}`).join(" > ");
}

export function viaKey(via: readonly Carried[]): string {
  return via.map((c) => `${chainKey(c.chain)}=${c.conn.toString()}`).join(";");
}

export function compareExposures(a: { dst: Endpoint; source: string; src: Endpoint }, b: { dst: Endpoint; source: string; src: Endpoint }): number {
  return cmp(a.dst.id, b.dst.id) || cmp(a.source, b.source) || cmp(a.src.id, b.src.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
