// Services that stop forwarding: a Service port that reached some pod at the base and reaches none
// at the head. No flow changes (policies do not see Services), so without this a renamed
// container port or a selector typo that takes a site down reads as "no change".
import type { Cluster } from "../model/cluster.js";
import type { PodEndpoint } from "../model/endpoint.js";
import type { FieldRef } from "../model/policy.js";
import type { Route } from "../model/route.js";
import { podTargets, resolveExposure, type ExposureObjects } from "../model/service-resolution.js";
import type { Service, ServicePort } from "../model/service.js";

export interface ServiceBreakage {
  /** The Service at the head. */
  readonly service: Service;
  readonly port: ServicePort;
  /** The workloads it forwarded to at the base, by endpoint id. */
  readonly before: readonly string[];
  /** Why it forwards to nothing now. */
  readonly cause:
    | { readonly kind: "target-port"; readonly name: string; readonly workloads: readonly string[] }
    | { readonly kind: "no-pod" };
  /** The routes (Ingress, Gateway API, Route) at the head whose traffic goes through it. */
  readonly routes: readonly { readonly kind: Route["kind"]; readonly id: string; readonly at: FieldRef }[];
}

type Side = Pick<Cluster, "namespaces" | "workloads"> & ExposureObjects;

const portKey = (p: ServicePort) => `${p.protocol}/${p.port}`;

export function serviceBreakages(base: Side, head: Side, basePods: readonly PodEndpoint[], headPods: readonly PodEndpoint[]): ServiceBreakage[] {
  const b = resolveExposure(base, podTargets(base, basePods));
  const h = resolveExposure(head, podTargets(head, headPods));
  const before = new Map<string, string[]>();
  for (const s of b.services) for (const { port, workloads } of s.ports) before.set(`${s.service.id}|${portKey(port)}`, workloads.filter((w) => w.port !== undefined).map((w) => w.workload.id));
  const out: ServiceBreakage[] = [];
  for (const s of h.services) {
    for (const { port, workloads } of s.ports) {
      const was = before.get(`${s.service.id}|${portKey(port)}`) ?? [];
      if (was.length === 0 || workloads.some((w) => w.port !== undefined)) continue;
      const cause: ServiceBreakage["cause"] =
        workloads.length > 0 && port.targetPort.kind === "name" ? { kind: "target-port", name: port.targetPort.name, workloads: workloads.map((w) => w.workload.id) } : { kind: "no-pod" };
      const routes = h.backends
        .filter((x) => x.attached && x.service?.id === s.service.id && x.ports.includes(port))
        .map((x) => ({ kind: x.route.kind, id: x.route.id, at: x.backend.source }));
      const seen = new Set<string>();
      out.push({ service: s.service, port, before: was, cause, routes: routes.filter((r) => !seen.has(r.id) && seen.add(r.id)) });
    }
  }
  return out;
}
