// networking.istio.io VirtualService: the gateways it binds to (`ns/name`, a bare name in its own
// namespace, or `mesh`), and its http, tcp and tls routes: the gateway ports their matches name,
// and the destinations (a Service by host, its port, a subset) they send to.
import { serviceOfHost, type GatewayRef, type IstioDestination, type IstioRoute, type IstioRouteKind, type VirtualService } from "../../model/istio.js";
import { Checker, describe, isPlainObject } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta, quoted } from "../object/object-meta.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";
import { istioPort, rejects } from "./istio-api.js";

const REJECTS = rejects("VirtualService");
const KINDS: readonly IstioRouteKind[] = ["http", "tcp", "tls"];

export function loadVirtualService(obj: KubeObject): { virtualService: VirtualService | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `VirtualService ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const hosts = strings(c, ["spec", "hosts"]);
  const gateways: GatewayRef[] = [];
  strings(c, ["spec", "gateways"]).forEach((g, i) => {
    const ref = gatewayRef(g, meta.namespace);
    if (ref === undefined) c.error(["spec", "gateways", i], `${quoted(g)} is not a gateway name: use NAME, NAMESPACE/NAME or mesh` + REJECTS);
    else gateways.push({ ...ref, at: fieldRef(obj, ["spec", "gateways", i]) } as GatewayRef);
  });
  const routes: IstioRoute[] = [];
  for (const kind of KINDS) {
    (c.list(["spec", kind]) ?? []).forEach((_, i) => {
      const r = route(c, kind, i, meta.namespace);
      if (r) routes.push(r);
    });
  }
  const exportTo = c.isUnset(["spec", "exportTo"]) ? undefined : strings(c, ["spec", "exportTo"]);
  if (c.hasErrors || meta.name === undefined) return { virtualService: undefined, diagnostics: c.diagnostics };
  return { virtualService: { id: `${meta.namespace}/${meta.name}`, namespace: meta.namespace, name: meta.name, hosts, gateways, routes, exportTo, source: sourceRef(obj) }, diagnostics: c.diagnostics };
}

/**
 * "mesh"; "ns/name"; a bare name, in the VirtualService's namespace; the older
 * "name.ns.svc.cluster.local" form names the gateway by its first two labels.
 */
export function gatewayRef(text: string, namespace: string): { mesh: true } | { mesh: false; namespace: string; name: string } | undefined {
  if (text === "mesh") return { mesh: true };
  const slash = text.split("/");
  if (slash.length === 2 && slash[0] !== "" && slash[1] !== "") return { mesh: false, namespace: slash[0]!, name: slash[1]! };
  if (slash.length !== 1 || text === "") return undefined;
  const dots = text.split(".");
  return dots.length === 1 ? { mesh: false, namespace, name: text } : { mesh: false, namespace: dots[1]!, name: dots[0]! };
}

function strings(c: Checker, at: DocPath): string[] {
  const out: string[] = [];
  (c.list(at) ?? []).forEach((v, i) => {
    if (typeof v === "string" && v !== "") out.push(v);
    else c.error([...at, i], `must be a non-empty string, not ${describe(v)}` + REJECTS);
  });
  return out;
}

function route(c: Checker, kind: IstioRouteKind, i: number, namespace: string): IstioRoute | undefined {
  const at: DocPath = ["spec", kind, i];
  if (c.map(at) === undefined) return undefined;
  const matches = c.list([...at, "match"]);
  if (kind === "tls" && (matches === undefined || matches.length === 0)) c.error([...at, "match"], "a tls route must have at least one match (with sniHosts)" + REJECTS);
  let ports: number[] | undefined = [];
  let gateways: string[][] | undefined = [];
  const paths: string[] = [];
  let everyPath = matches === undefined || matches.length === 0;
  const catchAll = everyPath || (matches ?? []).some(matchesEverything);
  if (matches === undefined || matches.length === 0) {
    ports = undefined;
    gateways = undefined;
  }
  (matches ?? []).forEach((_, j) => {
    const m: DocPath = [...at, "match", j];
    if (c.map(m) === undefined) return;
    const port = istioPort(c, [...m, "port"], "VirtualService");
    if (port === undefined) ports = undefined;
    else ports?.push(port);
    const gws = strings(c, [...m, "gateways"]);
    if (gws.length === 0) gateways = undefined;
    else gateways?.push(gws);
    if (kind === "http") {
      const p = uriWords(c.get([...m, "uri"]));
      if (p === undefined) everyPath = true;
      else paths.push(p);
    }
  });
  const destinations: IstioDestination[] = [];
  (c.list([...at, "route"]) ?? []).forEach((_, k) => {
    const d = weighted(c, [...at, "route", k], namespace);
    if (d) destinations.push(d);
  });
  // A mirror receives a copy of each request (its answers are dropped): the gateway reaches it too.
  if (kind === "http" && c.map([...at, "mirror"]) !== undefined) {
    const d = destination(c, [...at, "mirror"], namespace, undefined, true);
    if (d) destinations.push(d);
  }
  if (kind === "http") {
    (c.list([...at, "mirrors"]) ?? []).forEach((_, k) => {
      const m: DocPath = [...at, "mirrors", k, "destination"];
      if (c.map(m) === undefined) {
        if (c.isUnset(m)) c.error(m, "is required" + REJECTS);
        return;
      }
      const d = destination(c, m, namespace, undefined, true);
      if (d) destinations.push(d);
    });
  }
  if (kind === "http" && !c.isUnset([...at, "delegate"])) c.note([...at, "delegate"], "a delegate VirtualService's routes are not followed; the exposure it adds is not in this report");
  return {
    kind,
    label: `${kind}[${i}]`,
    ports: ports === undefined ? undefined : [...new Set<number>(ports)],
    gateways,
    paths: kind === "http" && !everyPath ? [...new Set(paths)] : undefined,
    destinations,
    catchAll,
    at: fieldRef(c.object, at),
  };
}

/** A match that tests nothing but a uri prefix "/" (a name is only a label). */
function matchesEverything(m: unknown): boolean {
  if (!isPlainObject(m)) return false;
  return Object.entries(m).every(([k, v]) => k === "name" || (k === "uri" && isPlainObject(v) && Object.keys(v).length === 1 && v["prefix"] === "/"));
}

/** "= /exact", "/prefix", "~ regex"; undefined: no uri condition (every path). */
function uriWords(uri: unknown): string | undefined {
  if (!isPlainObject(uri)) return undefined;
  if (typeof uri["exact"] === "string") return `= ${uri["exact"]}`;
  if (typeof uri["prefix"] === "string") return uri["prefix"];
  if (typeof uri["regex"] === "string") return `~ ${uri["regex"]}`;
  return undefined;
}

/** A route entry: a destination and its weight. */
function weighted(c: Checker, at: DocPath, namespace: string): IstioDestination | undefined {
  if (c.map(at) === undefined) return undefined;
  const d: DocPath = [...at, "destination"];
  if (c.map(d) === undefined) {
    if (c.isUnset(d)) c.error(d, "is required" + REJECTS);
    return undefined;
  }
  const w = c.get([...at, "weight"]);
  let weight: number | undefined;
  if (w !== undefined && w !== null) {
    if (!Number.isInteger(w) || (w as number) < 0) {
      c.error([...at, "weight"], `weight ${describe(w)} must be a whole number 0 or more` + REJECTS);
      return undefined;
    }
    weight = w as number;
  }
  return destination(c, d, namespace, weight);
}

function destination(c: Checker, d: DocPath, namespace: string, weight: number | undefined, mirror = false): IstioDestination | undefined {
  const host = c.string([...d, "host"]);
  if (host === undefined || host === "") {
    c.error([...d, "host"], "is required" + REJECTS);
    return undefined;
  }
  const port = istioPort(c, [...d, "port", "number"], "VirtualService");
  const subset = c.string([...d, "subset"]) || undefined;
  return { host, service: serviceOfHost(host, namespace), port, subset, weight, mirror, at: fieldRef(c.object, d) };
}
