// What Services and routes send to each pod, before any policy: the exposure paths (DESIGN
// section 4a). A LoadBalancer, NodePort or externalIPs Service carries traffic from outside
// addresses; an Ingress, Gateway API route or OpenShift Route carries the ingress controller's.
import type { Cluster } from "../model/cluster.js";
import type { PodEndpoint } from "../model/endpoint.js";
import type { ExposurePath, Hop } from "../model/exposure.js";
import type { Route, RouteBackend } from "../model/route.js";
import type { Listener } from "../model/gateway.js";
import { NAMESPACE_NAME_LABEL, type Labels } from "../model/labels.js";
import { selects, type Requirement } from "../model/selector.js";
import { podTargets, resolveExposure, type Attachment, type ExposureObjects } from "../model/service-resolution.js";
import type { Service, ServicePort } from "../model/service.js";
import { formatCidr } from "../net/ip.js";
import { resolveIstio } from "../model/istio-resolution.js";
import { listenerEdit, routeEdit, type Compared } from "./hop-edits.js";
import { istioPaths } from "./istio-paths.js";
import { portWords, routedConn, serviceHop } from "./service-hop.js";

/**
 * `other`: the other revision's objects. A hop then says what the pull request changed on it: on
 * a head path a new Gateway, listener or route, a Namespace label that now lets the route attach
 * (why the exposure is new); on a base path a removed or changed one (why it is gone).
 */
export function exposurePaths(cluster: Pick<Cluster, "namespaces" | "workloads" | "istio"> & ExposureObjects, pods: readonly PodEndpoint[], other?: Compared): ExposurePath[] {
  const resolution = resolveExposure(cluster, podTargets(cluster, pods));
  const paths: ExposurePath[] = [];
  const byService = new Map(resolution.services.map((s) => [s.service.id, s]));

  for (const { service, ports } of resolution.services) {
    const gates = outsideGates(service);
    if (gates.length === 0) continue;
    for (const { port, workloads } of ports) {
      for (const { workload, port: target } of workloads) {
        const routed = routedConn(port, target);
        if (routed === undefined) continue;
        for (const gate of gates) {
          paths.push({ dst: workload.id, source: "internet", routed, addresses: gate.addresses, chain: [serviceHop(service, port, gate.detail(port), target, gate.after, other)] });
        }
      }
    }
  }

  for (const b of resolution.backends) {
    if (!b.attached || b.service === undefined || b.backend.weight === 0) continue;
    const targetsOf = byService.get(b.service.id)!;
    for (const sp of b.ports) {
      // The controller proxies its route kind's protocol: UDP for a UDPRoute, TCP for the rest.
      if (sp.protocol !== (b.route.kind === "UDPRoute" ? "UDP" : "TCP")) continue;
      const entry = targetsOf.ports.find((p) => p.port === sp);
      for (const { workload, port: target } of entry?.workloads ?? []) {
        const routed = routedConn(sp, target);
        if (routed === undefined) continue;
        const tail = [routeHop(b.route, b.backend, other), serviceHop(b.service, sp, `${b.service.type}, port ${portWords(sp)}`, target, undefined, other)];
        const heads = b.attachments.length === 0 ? [[]] : b.attachments.flatMap((a) => gatewayHops(a, b.route, cluster, other));
        for (const head of heads) paths.push({ dst: workload.id, source: "ingress-controller", routed, addresses: undefined, chain: [...head, ...tail] });
      }
    }
  }
  paths.push(...istioPaths(resolveIstio(cluster).bindings, byService, other));
  return paths;
}

interface Gate {
  readonly addresses: ExposurePath["addresses"];
  readonly detail: (port: ServicePort) => string;
  /** Said after the port and its target: who may come in. */
  readonly after?: string;
}

/**
 * The ways outside addresses reach a Service: its load balancer (narrowed by
 * loadBalancerSourceRanges), its node ports, its externalIPs. A LoadBalancer's node ports are
 * taken to sit behind the same firewall as its load balancer (stated in the assumptions).
 */
function outsideGates(s: Service): Gate[] {
  const gates: Gate[] = [];
  if (s.type === "LoadBalancer") {
    const ranges = s.loadBalancerSourceRanges;
    const from = ranges.length === 0 ? undefined : `loadBalancerSourceRanges ${ranges.map(formatCidr).join(", ")}`;
    gates.push({ addresses: ranges.length === 0 ? undefined : ranges, detail: (p) => `LoadBalancer, port ${portWords(p)}`, ...(from !== undefined ? { after: from } : {}) });
  } else if (s.type === "NodePort") {
    gates.push({ addresses: undefined, detail: (p) => `NodePort, port ${portWords(p)}${p.nodePort !== undefined ? `, nodePort ${p.nodePort}` : ""}` });
  }
  if (s.externalIPs.length > 0 && s.type !== "ExternalName") {
    gates.push({ addresses: undefined, detail: (p) => `externalIPs ${s.externalIPs.join(", ")}, port ${portWords(p)}` });
  }
  return gates;
}

function routeHop(route: Route, backend: RouteBackend, other: Compared | undefined): Hop {
  const edit = routeEdit(route, backend, other);
  return { kind: route.kind, namespace: route.namespace, name: route.name, detail: routeDetail(route, backend) + (edit ? `, ${edit.words}` : ""), at: backend.source, ...(edit ? { edit } : {}) };
}

function routeDetail(route: Route, backend: RouteBackend): string {
  if (route.kind === "Ingress") {
    const m = backend.match;
    if (m === undefined) return "default backend";
    return `host ${m.host ?? "*"}, path ${m.path ?? "/"}`;
  }
  const gateway = route.parents.length > 0;
  const host = route.hosts.length > 0 ? `host ${route.hosts.join(", ")}` : gateway ? "" : "any host";
  const paths = route.kind === "HTTPRoute" ? `path ${(backend.paths ?? ["/"]).join(", ")}` : "";
  // Behind a Gateway a route without hostnames takes the listener's (said on the Gateway hop):
  // "any host" would contradict a listener that names one.
  return [host, paths].filter((w) => w !== "").join(", ") || (gateway ? "all traffic the listener accepts" : "any host");
}

/**
 * The Gateway hops in front of a route: one per listener that accepts it, naming the listener's
 * port and hostname (the host the route answers on when it names none), and the Namespace label
 * that let the route attach where the listener admits routes by namespace selector.
 */
function gatewayHops(a: Attachment, route: Route, cluster: Pick<Cluster, "namespaces">, other: Compared | undefined): Hop[][] {
  const g = a.gateway;
  if (g === undefined) {
    if (a.parent.kind !== "Gateway") return [[]];
    return [[{ kind: "Gateway", namespace: a.parent.namespace, name: a.parent.name, detail: "not in these manifests", at: a.parent.source }]];
  }
  const at = { ...g.source, column: 1 };
  return a.listeners.map((l) => {
    // TCP and UDP listeners match on the port alone: no host to name.
    const hostless = l.protocol === "TCP" || l.protocol === "UDP";
    const words = [`listener ${l.name}: ${l.protocol} port ${l.port}`, ...(hostless ? [] : [l.hostname !== undefined ? `host ${l.hostname}` : "any host"])];
    const admit = admission(l, route, cluster, other);
    if (admit !== "") words.push(admit);
    const edit = listenerEdit(g, l, other);
    if (edit) words.push(edit.words);
    return [{ kind: "Gateway", namespace: g.namespace, name: g.name, detail: words.join(", "), at, ...(edit ? { edit } : {}) }];
  });
}

/** Why a listener admits a route from another namespace: its selector, and the labels that match it. */
function admission(l: Listener, route: Route, cluster: Pick<Cluster, "namespaces">, other: Compared | undefined): string {
  const a = l.allowedNamespaces;
  if (a.from !== "Selector") return "";
  const labels = cluster.namespaces.get(route.namespace)?.labels ?? {};
  const matched = a.selector.requirements.map((r) => requirementWords(r, labels)).join(", ");
  // Whether the other revision's labels match too: if not, the pull request made (or unmade) the attachment.
  const then = other?.objects.namespaces.get(route.namespace)?.labels;
  const edited = other !== undefined && !selects(a.selector, then ?? { [NAMESPACE_NAME_LABEL]: route.namespace });
  const note = !edited ? "" : other.side === "base" ? " (added in this PR)" : " (changed in this PR)";
  return `admits Namespace ${route.namespace} by its label${a.selector.requirements.length === 1 ? "" : "s"} ${matched === "" ? "(any)" : matched}${note}`;
}

function requirementWords(r: Requirement, labels: Labels): string {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  if (r.op === "In" || r.op === "Exists") return has ? `${r.key}=${labels[r.key]}` : r.key;
  if (r.op === "NotIn") return `${r.key} not in (${r.values.join(", ")})`;
  return `no ${r.key}`;
}
