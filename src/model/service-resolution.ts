// Which pods a Service forwards to, and which Service ports each route backend reaches: the
// references between loaded objects, followed as the cluster follows them. Pure: no I/O.
import type { Cluster, ContainerPort } from "./cluster.js";
import type { PodEndpoint } from "./endpoint.js";
import type { Labels } from "./labels.js";
import type { Gateway, Listener, ReferenceGrant } from "./gateway.js";
import type { FieldRef } from "./policy.js";
import type { Route, RouteBackend } from "./route.js";
import { selects } from "./selector.js";
import type { Service, ServicePort } from "./service.js";

/** Something a reviewer should know about a reference; positioned at the field that makes it. */
export interface Finding {
  readonly severity: "warning" | "note";
  readonly at: FieldRef;
  readonly message: string;
}

/** What a Service selects: a declared workload, or a representative pod (by its endpoint id). */
export interface Targetable {
  readonly id: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
}

export interface WorkloadTarget {
  readonly workload: Targetable;
  /** The pods' port the Service port forwards to; undefined when a named targetPort is not among the pods' container ports. */
  readonly port: number | undefined;
}

export interface ServiceTargets {
  readonly service: Service;
  readonly ports: readonly { readonly port: ServicePort; readonly workloads: readonly WorkloadTarget[] }[];
}

export interface BackendTarget {
  readonly route: Route;
  readonly backend: RouteBackend;
  /** Undefined: no such Service in these manifests, or the reference is not permitted. */
  readonly service: Service | undefined;
  /** The Service ports it reaches; empty when none matches. */
  readonly ports: readonly ServicePort[];
  /**
   * Whether outside traffic takes this path: false for a Gateway API route that no declared
   * Gateway accepts, or that names no parent. A parent Gateway not in the manifests counts as
   * accepting (it may be declared elsewhere; erring towards exposure).
   */
  readonly attached: boolean;
  /** Gateway API routes: the parents that accept the route, each with the listeners it attaches to. */
  readonly attachments: readonly Attachment[];
}

/** A parent that accepts a Gateway API route. */
export interface Attachment {
  readonly parent: Route["parents"][number];
  /** Undefined: not declared in these manifests (or not a Gateway), assumed to accept. */
  readonly gateway: Gateway | undefined;
  /** The listeners that accept the route (empty when the Gateway is undeclared). */
  readonly listeners: readonly Listener[];
}

export interface Resolution {
  readonly services: readonly ServiceTargets[];
  readonly backends: readonly BackendTarget[];
  readonly findings: readonly Finding[];
}

export interface ExposureObjects {
  readonly services: readonly Service[];
  readonly routes: readonly Route[];
  readonly gateways: readonly Gateway[];
  readonly referenceGrants: readonly ReferenceGrant[];
}

const GATEWAY_GROUP = "gateway.networking.k8s.io";

/**
 * Pod endpoints as what a cluster's Services may select: none to make when it has no Service (a
 * diff resolves both revisions' exposure, and a cluster of a hundred thousand pods may have none).
 */
export function podTargets(cluster: Pick<ExposureObjects, "services">, pods: readonly PodEndpoint[]): Targetable[] {
  if (cluster.services.length === 0) return [];
  return pods.map((ep) => ({ id: ep.id, namespace: ep.pod.namespace, labels: ep.pod.labels, ports: ep.pod.ports }));
}

/** `pods`: what Services may select; the declared workloads unless given (representatives too). */
export function resolveExposure(cluster: Pick<Cluster, "namespaces" | "workloads"> & ExposureObjects, pods: readonly Targetable[] = cluster.workloads): Resolution {
  const findings: Finding[] = [];
  // A Service selects in its own namespace: looked up there, not among every pod of the cluster.
  const inNamespace = new Map<string, Targetable[]>();
  for (const p of pods) {
    const list = inNamespace.get(p.namespace);
    if (list) list.push(p);
    else inNamespace.set(p.namespace, [p]);
  }
  const services = cluster.services.map((s) => serviceTargets(s, inNamespace.get(s.namespace) ?? [], findings));
  const byId = new Map(services.map((t) => [t.service.id, t]));
  const backends: BackendTarget[] = [];
  for (const route of cluster.routes) {
    const subject = `${route.kind} ${route.namespace}/${route.name}`;
    const attachments = isGatewayRoute(route) ? route.parents.flatMap((parent) => checkParent(route, parent, cluster, findings)) : [];
    const attached = isGatewayRoute(route) ? attachments.length > 0 : true;
    for (const backend of route.backends) {
      const id = `${backend.serviceNamespace}/${backend.serviceName}`;
      if (route.parents.length > 0 || isGatewayRoute(route)) {
        if (backend.serviceNamespace !== route.namespace && !granted(route, backend, cluster.referenceGrants)) {
          findings.push({
            severity: "warning",
            at: backend.source,
            message: `${subject}: the backend Service ${id} is in another namespace and no ReferenceGrant in ${backend.serviceNamespace} admits ${route.kind} from ${route.namespace}; the gateway does not send traffic to it`,
          });
          backends.push({ route, backend, service: undefined, ports: [], attached, attachments });
          continue;
        }
      }
      const target = byId.get(id);
      if (target === undefined) {
        findings.push({ severity: "warning", at: backend.source, message: `${subject}: the backend Service ${id} is not declared in these manifests; its exposure cannot be followed` });
        backends.push({ route, backend, service: undefined, ports: [], attached, attachments });
        continue;
      }
      const ports = reachedPorts(backend, target);
      if (ports.length === 0) {
        findings.push({ severity: "warning", at: backend.source, message: `${subject}: the backend Service ${id} has no port ${describePort(backend)}; no traffic is sent to it` });
      }
      backends.push({ route, backend, service: target.service, ports, attached, attachments });
    }
  }
  return { services, backends, findings };
}

function isGatewayRoute(route: Route): boolean {
  return route.kind !== "Ingress" && route.kind !== "Route";
}

function serviceTargets(service: Service, workloads: readonly Targetable[], findings: Finding[]): ServiceTargets {
  const selector = service.selector;
  const selected = selector === null ? [] : workloads.filter((w) => w.namespace === service.namespace && matches(selector, w.labels));
  return {
    service,
    ports: service.ports.map((port) => ({
      port,
      workloads: selected.map((workload) => {
        const resolved = targetPortOn(port, workload);
        if (resolved === undefined && port.targetPort.kind === "name") {
          findings.push({
            severity: "note",
            at: port.source,
            message: `Service ${service.id}: targetPort "${port.targetPort.name}" names no ${port.protocol} container port of ${workload.id}; the Service sends that workload nothing on port ${port.port}`,
          });
        }
        return { workload, port: resolved };
      }),
    })),
  };
}

/** Service selectors are plain equality maps. */
function matches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v);
}

/** As the endpoints controller does it: a name is the first container port with that name and the Service port's protocol. */
export function targetPortOn(port: ServicePort, workload: Targetable): number | undefined {
  if (port.targetPort.kind === "number") return port.targetPort.port;
  const name = port.targetPort.name;
  return workload.ports.find((p) => p.name === name && p.protocol === port.protocol)?.port;
}

function reachedPorts(backend: RouteBackend, target: ServiceTargets): ServicePort[] {
  const p = backend.port;
  switch (p.kind) {
    case "all":
      return [...target.service.ports];
    case "service-port":
      return target.service.ports.filter((s) => s.port === p.port);
    case "service-port-name":
      return target.service.ports.filter((s) => s.name === p.name);
    case "target-port":
      return target.ports
        .filter((t) => (t.port.targetPort.kind === "number" ? t.port.targetPort.port === p.port : t.workloads.some((w) => w.port === p.port)))
        .map((t) => t.port);
  }
}

function describePort(backend: RouteBackend): string {
  const p = backend.port;
  switch (p.kind) {
    case "all":
      return "at all";
    case "service-port":
      return String(p.port);
    case "service-port-name":
      return `named "${p.name}"`;
    case "target-port":
      return `with targetPort ${p.port}`;
  }
}

/** A ReferenceGrant in the target namespace admitting this route kind from the route's namespace to this Service. */
export function granted(route: Route, backend: RouteBackend, grants: readonly ReferenceGrant[]): boolean {
  return grants.some(
    (g) =>
      g.namespace === backend.serviceNamespace &&
      g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.namespace) &&
      g.to.some((t) => t.group === "" && t.kind === "Service" && (t.name === undefined || t.name === backend.serviceName)),
  );
}

/** The parent's acceptance of the route: none, or one (an undeclared Gateway or another kind of parent: assumed to accept). */
function checkParent(route: Route, parent: Route["parents"][number], cluster: Pick<Cluster, "namespaces"> & ExposureObjects, findings: Finding[]): Attachment[] {
  if (parent.group !== GATEWAY_GROUP || parent.kind !== "Gateway") return [{ parent, gateway: undefined, listeners: [] }];
  const subject = `${route.kind} ${route.namespace}/${route.name}`;
  const gateway = cluster.gateways.find((g) => g.namespace === parent.namespace && g.name === parent.name);
  if (gateway === undefined) {
    findings.push({ severity: "warning", at: parent.source, message: `${subject}: the parent Gateway ${parent.namespace}/${parent.name} is not declared in these manifests; where it listens cannot be followed` });
    return [{ parent, gateway: undefined, listeners: [] }];
  }
  const listeners = gateway.listeners.filter((l) => (parent.sectionName === undefined || l.name === parent.sectionName) && (parent.port === undefined || l.port === parent.port));
  if (listeners.length === 0) {
    findings.push({ severity: "warning", at: parent.source, message: `${subject}: Gateway ${gateway.id} has no listener ${parent.sectionName !== undefined ? `named "${parent.sectionName}"` : `on port ${parent.port}`}; the route is not attached` });
    return [];
  }
  const labels = cluster.namespaces.get(route.namespace)?.labels ?? { "kubernetes.io/metadata.name": route.namespace };
  const admitting = listeners.filter((l) => {
    const a = l.allowedNamespaces;
    if (a.from === "Selector") return selects(a.selector, labels);
    return a.from === "All" || route.namespace === gateway.namespace;
  });
  if (admitting.length === 0) {
    findings.push({ severity: "warning", at: parent.source, message: `${subject}: no listener of Gateway ${gateway.id} allows routes from namespace ${route.namespace}; the route is not attached` });
    return [];
  }
  return [{ parent, gateway, listeners: admitting }];
}
