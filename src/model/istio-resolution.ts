// Which Services, ports and pods Istio gateways send to: each VirtualService bound to a Gateway
// (by name, then by host), each route to the servers whose port and protocol it matches, each
// destination to a Service port and, with a subset, the DestinationRule labels that narrow its
// pods. Pure: no I/O. Findings say where a reference leads nowhere.
//
// Chosen where Istio leaves room: a Gateway's selector picks gateway pods in every namespace
// (istiod's default; PILOT_SCOPE_GATEWAY_TO_NAMESPACE narrows it), and whichever they are, their
// traffic is the ingress controller's (one source, as for Ingress and Gateway API). Istio takes
// the first route that matches: a route after one that matches every request is never used;
// other overlaps are not worked out (a route counts unless it is certainly shadowed).
import type { Finding } from "./service-resolution.js";
import type { DestinationRule, GatewayRef, IstioDestination, IstioGateway, IstioObjects, IstioRoute, IstioServer, Subset, VirtualService } from "./istio.js";
import type { Service, ServicePort } from "./service.js";

export interface IstioBinding {
  readonly virtualService: VirtualService;
  readonly route: IstioRoute;
  readonly destination: IstioDestination;
  readonly ref: Extract<GatewayRef, { mesh: false }>;
  /** Undefined: the Gateway is not in these manifests (assumed to accept, on any port). */
  readonly gateway: IstioGateway | undefined;
  readonly server: IstioServer | undefined;
  readonly service: Service;
  /** The Service's TCP ports the destination reaches. */
  readonly ports: readonly ServicePort[];
  /** The subset that narrows the Service's pods, and the DestinationRule that defines it. */
  readonly subset: { readonly rule: DestinationRule; readonly subset: Subset } | undefined;
}

export interface IstioResolution {
  readonly bindings: readonly IstioBinding[];
  readonly findings: readonly Finding[];
}

interface Target {
  readonly service: Service;
  readonly ports: readonly ServicePort[];
  readonly subset: IstioBinding["subset"];
}

export function resolveIstio(objects: { readonly services: readonly Service[]; readonly istio: IstioObjects }): IstioResolution {
  const findings: Finding[] = [];
  const bindings: IstioBinding[] = [];
  const services = new Map(objects.services.map((s) => [s.id, s]));
  const gateways = new Map(objects.istio.gateways.map((g) => [g.id, g]));
  for (const vs of objects.istio.virtualServices) {
    const subject = `VirtualService ${vs.id}`;
    const refs = vs.gateways.filter((g): g is Extract<GatewayRef, { mesh: false }> => !g.mesh);
    // Without gateways (or with `mesh` only) the routes apply inside the mesh: no exposure.
    if (refs.length === 0) continue;
    const servers = new Map<string, { gateway: IstioGateway | undefined; servers: readonly (IstioServer | undefined)[] }>();
    for (const ref of refs) {
      const id = `${ref.namespace}/${ref.name}`;
      const gateway = gateways.get(id);
      if (gateway === undefined) {
        findings.push({ severity: "warning", at: ref.at, message: `${subject}: the Gateway ${id} is not declared in these manifests; where it listens cannot be followed` });
        servers.set(id, { gateway: undefined, servers: [undefined] });
        continue;
      }
      if (!exportedTo(vs, gateway.namespace)) {
        findings.push({ severity: "note", at: ref.at, message: `${subject}: exportTo ${vs.exportTo!.join(", ")} does not include namespace ${gateway.namespace}, so Gateway ${id} does not see it` });
        servers.set(id, { gateway, servers: [] });
        continue;
      }
      const bound = gateway.servers.filter((s) => s.hosts.some((h) => serverHostAdmits(h, gateway.namespace, vs)));
      if (bound.length === 0) findings.push({ severity: "warning", at: ref.at, message: `${subject}: no server of Gateway ${id} lists a host matching ${vs.hosts.join(", ") || "its hosts"} for namespace ${vs.namespace}; the gateway does not use it` });
      servers.set(id, { gateway, servers: bound });
    }
    // Istio takes a request's first matching route: one after a route that matches everything is never used.
    const shadowing = new Map<string, IstioRoute>();
    for (const route of vs.routes) {
      const first = shadowing.get(route.kind);
      if (first !== undefined) {
        findings.push({ severity: "note", at: route.at, message: `${subject}: ${route.label} comes after ${first.label}, which matches every request; Istio never uses it` });
        continue;
      }
      if (route.catchAll) shadowing.set(route.kind, route);
      for (const destination of route.destinations) {
        if (destination.weight === 0) continue;
        const target = destinationTarget(vs, destination, services, objects.istio.destinationRules, findings);
        if (target === undefined) continue;
        for (const ref of refs) {
          const id = `${ref.namespace}/${ref.name}`;
          if (!routeOnGateway(route, ref, vs.namespace)) continue;
          const g = servers.get(id)!;
          for (const server of g.servers) {
            if (server !== undefined && !routeOnServer(route, server)) continue;
            bindings.push({ virtualService: vs, route, destination, ref, gateway: g.gateway, server, service: target.service, ports: target.ports, subset: target.subset });
          }
        }
      }
    }
  }
  return { bindings, findings };
}

function destinationTarget(vs: VirtualService, d: IstioDestination, services: ReadonlyMap<string, Service>, rules: readonly DestinationRule[], findings: Finding[]): Target | undefined {
  const subject = `VirtualService ${vs.id}`;
  if (d.service === undefined) {
    findings.push({ severity: "warning", at: d.at, message: `${subject}: destination host ${d.host} is not the name of a Service in the cluster (an external host or a ServiceEntry?); where it leads is not followed` });
    return undefined;
  }
  const id = `${d.service.namespace}/${d.service.name}`;
  const service = services.get(id);
  if (service === undefined) {
    findings.push({ severity: "warning", at: d.at, message: `${subject}: destination host ${d.host} names Service ${id}, which is not declared in these manifests; its exposure cannot be followed` });
    return undefined;
  }
  // The gateway proxies TCP (HTTP, TLS and plain TCP alike): a UDP port is never reached.
  const tcp = service.ports.filter((p) => p.protocol === "TCP");
  let ports: ServicePort[];
  if (d.port !== undefined) {
    ports = tcp.filter((p) => p.port === d.port);
    if (ports.length === 0) {
      findings.push({ severity: "warning", at: d.at, message: `${subject}: Service ${id} has no TCP port ${d.port}; the gateway sends this destination nothing` });
      return undefined;
    }
  } else {
    ports = tcp;
    if (tcp.length > 1) findings.push({ severity: "note", at: d.at, message: `${subject}: destination ${d.host} names no port and Service ${id} has ${tcp.length}; Istio needs port.number for a Service of several ports, and every port is taken to be reached` });
  }
  if (d.subset === undefined) return { service, ports, subset: undefined };
  const rule = rules.find((r) => r.service !== undefined && r.service.namespace === service.namespace && r.service.name === service.name && r.subsets.some((s) => s.name === d.subset));
  if (rule === undefined) {
    findings.push({ severity: "warning", at: d.at, message: `${subject}: no DestinationRule for ${id} defines subset ${d.subset}; Istio answers this route with an error (no healthy upstream) and reaches no pod` });
    return undefined;
  }
  return { service, ports, subset: { rule, subset: rule.subsets.find((s) => s.name === d.subset)! } };
}

/** An empty or absent exportTo exports to every namespace. */
function exportedTo(vs: VirtualService, namespace: string): boolean {
  if (vs.exportTo === undefined || vs.exportTo.length === 0) return true;
  return vs.exportTo.some((e) => e === "*" || (e === "." ? vs.namespace : e) === namespace);
}

/**
 * A server host "[ns/]host": the namespace part ("*" or absent: any, "." the Gateway's own) says
 * which VirtualServices may bind; the host must overlap one of the VirtualService's hosts.
 */
function serverHostAdmits(entry: string, gatewayNamespace: string, vs: VirtualService): boolean {
  const slash = entry.indexOf("/");
  const ns = slash < 0 ? "*" : entry.slice(0, slash);
  const host = slash < 0 ? entry : entry.slice(slash + 1);
  if (ns !== "*" && (ns === "." ? gatewayNamespace : ns) !== vs.namespace) return false;
  return vs.hosts.some((h) => hostsOverlap(h, host));
}

/** Whether two host patterns ("*", "*.example.com", "a.example.com") can name one host. */
export function hostsOverlap(a: string, b: string): boolean {
  if (a === "*" || b === "*" || a === b) return true;
  const suffix = (w: string) => (w.startsWith("*.") ? w.slice(1) : undefined);
  const sa = suffix(a);
  const sb = suffix(b);
  if (sa !== undefined && sb !== undefined) return sa.endsWith(sb) || sb.endsWith(sa);
  if (sa !== undefined) return b.endsWith(sa);
  if (sb !== undefined) return a.endsWith(sb);
  return false;
}

/** A route whose matches name gateways applies on those only (names read as the VirtualService's `gateways` are). */
function routeOnGateway(route: IstioRoute, ref: Extract<GatewayRef, { mesh: false }>, namespace: string): boolean {
  if (route.gateways === undefined) return true;
  return route.gateways.some((names) =>
    names.some((n) => {
      const slash = n.split("/");
      const [ns, name] = slash.length === 2 ? [slash[0], slash[1]] : [namespace, n];
      return ns === ref.namespace && name === ref.name;
    }),
  );
}

const HTTP = new Set(["HTTP", "HTTPS", "HTTP2", "GRPC", "GRPC-WEB"]);
const PASSTHROUGH = new Set(["PASSTHROUGH", "AUTO_PASSTHROUGH"]);

/**
 * http routes serve HTTP servers and HTTPS ones the gateway terminates; tls routes serve TLS and
 * HTTPS servers in passthrough; tcp routes serve TCP-like servers and TLS ones it terminates.
 * A route whose matches name ports applies on those ports only.
 */
function routeOnServer(route: IstioRoute, server: IstioServer): boolean {
  if (route.ports !== undefined && !route.ports.includes(server.port)) return false;
  const passthrough = server.tlsMode !== undefined && PASSTHROUGH.has(server.tlsMode);
  switch (route.kind) {
    case "http":
      return HTTP.has(server.protocol) && !(server.protocol === "HTTPS" && passthrough);
    case "tls":
      return (server.protocol === "TLS" || server.protocol === "HTTPS") && passthrough;
    case "tcp":
      return !HTTP.has(server.protocol) && !(server.protocol === "TLS" && passthrough);
  }
}
