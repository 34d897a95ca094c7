// Routes that send traffic nowhere because of the pull request: an Ingress, Gateway API route or
// OpenShift Route at the head whose backend Service was removed, or no longer has the port it
// names. No flow changes when the Service's pods are not declared here, and the loader's warning
// sits in a collapsed note: without this a deleted Service that takes a site down reads as "no change".
import type { Cluster } from "../model/cluster.js";
import type { FieldRef, SourceRef } from "../model/policy.js";
import type { BackendPort, Route, RouteBackend } from "../model/route.js";
import { resolveExposure, type BackendTarget, type ExposureObjects } from "../model/service-resolution.js";

export interface RouteBreakage {
  readonly route: { readonly kind: Route["kind"]; readonly id: string; readonly namespace: string; readonly name: string };
  /** The backend reference at the head. */
  readonly at: FieldRef;
  /** "namespace/name" */
  readonly service: string;
  readonly port: BackendPort;
  /** Where the Service (or its port) was at the base. */
  readonly was: SourceRef;
  readonly cause: "service-removed" | "port-removed";
}

type Side = Pick<Cluster, "namespaces" | "workloads"> & ExposureObjects;

const serviceOf = (b: RouteBackend) => `${b.serviceNamespace}/${b.serviceName}`;
const refKey = (route: Route, b: RouteBackend) => `${route.id}|${serviceOf(b)}|${JSON.stringify(b.port)}`;

export function routeBreakages(base: Side, head: Side): RouteBreakage[] {
  const headServices = new Set(head.services.map((s) => s.id));
  const baseServices = new Map(base.services.map((s) => [s.id, s]));
  let before: Map<string, BackendTarget> | undefined;
  const out: RouteBreakage[] = [];
  const seen = new Set<string>();
  // Backends only: no pods asked (an OpenShift Route naming a pods' port behind a named
  // targetPort is then not followed on either side, so never reported).
  for (const b of resolveExposure(head, []).backends) {
    if (!b.attached || b.backend.weight === 0 || (b.service !== undefined && b.ports.length > 0)) continue;
    const key = refKey(b.route, b.backend);
    if (seen.has(key)) continue;
    seen.add(key);
    const id = serviceOf(b.backend);
    const route = { kind: b.route.kind, id: b.route.id, namespace: b.route.namespace, name: b.route.name };
    const old = baseServices.get(id);
    if (old === undefined) continue;
    if (!headServices.has(id)) {
      out.push({ route, at: b.backend.source, service: id, port: b.backend.port, was: old.source, cause: "service-removed" });
      continue;
    }
    if (b.service === undefined) continue; // not permitted (no ReferenceGrant): the loader says so
    // The Service is there without the port: a breakage where the same reference reached a port at the base.
    before ??= new Map(resolveExposure(base, []).backends.map((x) => [refKey(x.route, x.backend), x]));
    const was = before.get(key);
    if (was === undefined || was.ports.length === 0) continue;
    out.push({ route, at: b.backend.source, service: id, port: b.backend.port, was: was.ports[0]!.source, cause: "port-removed" });
  }
  return out;
}
