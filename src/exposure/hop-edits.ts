// What the pull request did to an object on an exposure path, said on its hop. A head path's hop
// says what is new ("new in this PR", "was ClusterIP"); a base path's, what is gone or changed
// ("removed in this PR", "now ClusterIP"): a reader of a closed or moved exposure sees which
// object the pull request removed or changed, not only the path it no longer takes.
import type { Cluster } from "../model/cluster.js";
import type { HopEdit } from "../model/exposure.js";
import type { Gateway, Listener } from "../model/gateway.js";
import type { IstioDestination, IstioGateway, IstioServer, VirtualService } from "../model/istio.js";
import type { Labels } from "../model/labels.js";
import type { Route, RouteBackend } from "../model/route.js";
import type { ExposureObjects } from "../model/service-resolution.js";
import type { Service, ServicePort } from "../model/service.js";

/** The other revision's objects, and which revision they are (the described path is on the other). */
export interface Compared {
  readonly objects: Pick<Cluster, "namespaces" | "istio"> & ExposureObjects;
  readonly side: "base" | "head";
}

const NEW = "new in this PR";

// Every hop of every path looks its object up on the other side: by id, once per revision.
const indexes = new WeakMap<object, { services: Map<string, Service>; routes: Map<string, Route>; gateways: Map<string, Gateway> }>();
function index(o: ExposureObjects) {
  let i = indexes.get(o);
  if (i === undefined) {
    // The first of duplicate ids, as a search would find it.
    const first = <T extends { id: string }>(xs: readonly T[]) => new Map([...xs].reverse().map((x) => [x.id, x]));
    i = { services: first(o.services), routes: first(o.routes), gateways: first(o.gateways) };
    indexes.set(o, i);
  }
  return i;
}
const REMOVED = "removed in this PR";

function edit(kind: HopEdit["kind"], words: readonly string[]): HopEdit | undefined {
  return words.length === 0 ? undefined : { kind, words: words.join(", ") };
}

export function serviceEdit(s: Service, port: ServicePort, other: Compared | undefined): HopEdit | undefined {
  if (other === undefined) return undefined;
  const that = index(other.objects).services.get(s.id);
  if (that === undefined) return edit(other.side === "base" ? "added" : "removed", [other.side === "base" ? NEW : REMOVED]);
  const notes: string[] = [];
  // A port only the base declares: the head side's new ports are not said (its earlier words kept).
  if (other.side === "head" && !that.ports.some((p) => p.protocol === port.protocol && p.port === port.port)) notes.push(`port ${port.port} ${REMOVED}`);
  if (that.type !== s.type) notes.push(`${other.side === "base" ? "was" : "now"} ${that.type}`);
  if (JSON.stringify(sorted(that.selector)) !== JSON.stringify(sorted(s.selector))) notes.push("selector changed in this PR");
  return edit("changed", notes);
}

export function routeEdit(route: Route, backend: RouteBackend, other: Compared | undefined): HopEdit | undefined {
  if (other === undefined) return undefined;
  const that = index(other.objects).routes.get(route.id);
  if (that === undefined) return edit(other.side === "base" ? "added" : "removed", [other.side === "base" ? NEW : REMOVED]);
  if (other.side === "base") return undefined;
  const same = (b: RouteBackend) => b.serviceNamespace === backend.serviceNamespace && b.serviceName === backend.serviceName && JSON.stringify(b.port) === JSON.stringify(backend.port);
  return that.backends.some(same) ? undefined : edit("changed", [`backend ${backend.serviceName} changed in this PR`]);
}

export function listenerEdit(g: Gateway, l: Listener, other: Compared | undefined): HopEdit | undefined {
  if (other === undefined) return undefined;
  const gone = other.side === "base" ? NEW : REMOVED;
  const that = index(other.objects).gateways.get(g.id);
  if (that === undefined) return edit(other.side === "base" ? "added" : "removed", [gone]);
  const was = that.listeners.find((x) => x.name === l.name);
  if (was === undefined) return edit(other.side === "base" ? "added" : "removed", [`listener ${gone}`]);
  const then = other.side === "base" ? "was" : "now";
  const notes: string[] = [];
  if (was.port !== l.port) notes.push(`${then} port ${was.port}`);
  if (was.hostname !== l.hostname) notes.push(`${then} ${was.hostname !== undefined ? `host ${was.hostname}` : "any host"}`);
  if (JSON.stringify(was.allowedNamespaces) !== JSON.stringify(l.allowedNamespaces)) notes.push(`allowedRoutes changed in this PR (${then} ${allowedWords(was)})`);
  return edit("changed", notes);
}

function allowedWords(l: Listener): string {
  const a = l.allowedNamespaces;
  return a.from === "Selector" ? "namespaces by selector" : a.from === "All" ? "all namespaces" : "its own namespace";
}

function sorted(labels: Labels | null): [string, string][] | null {
  return labels === null ? null : Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** An Istio Gateway hop: the Gateway or its server (by port) new, removed, or its hosts changed. */
export function istioGatewayEdit(g: IstioGateway, s: IstioServer, other: Compared | undefined): HopEdit | undefined {
  if (other === undefined) return undefined;
  const gone = other.side === "base" ? NEW : REMOVED;
  const that = other.objects.istio.gateways.find((x) => x.id === g.id);
  if (that === undefined) return edit(other.side === "base" ? "added" : "removed", [gone]);
  const was = that.servers.find((x) => x.port === s.port && x.protocol === s.protocol);
  if (was === undefined) return edit(other.side === "base" ? "added" : "removed", [`server ${gone}`]);
  const then = other.side === "base" ? "was" : "now";
  return edit("changed", was.hosts.join(",") === s.hosts.join(",") ? [] : [`${then} hosts ${was.hosts.join(", ")}`]);
}

/** A VirtualService hop: the VirtualService new or removed, or the destination new in it (head path) or gone from it (base path). */
export function virtualServiceEdit(vs: VirtualService, d: IstioDestination, other: Compared | undefined): HopEdit | undefined {
  if (other === undefined) return undefined;
  const that = other.objects.istio.virtualServices.find((x) => x.id === vs.id);
  if (that === undefined) return edit(other.side === "base" ? "added" : "removed", [other.side === "base" ? NEW : REMOVED]);
  const same = that.routes.some((r) => r.destinations.some((x) => x.host === d.host && x.port === d.port && x.subset === d.subset));
  return same ? undefined : edit("changed", [`destination ${d.host}${d.port !== undefined ? ` port ${d.port}` : ""} ${other.side === "base" ? NEW : REMOVED}`]);
}
