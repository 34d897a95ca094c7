// The exposure paths Istio gateways open: Gateway (server port) → VirtualService (route) →
// DestinationRule (subset, when named) → Service → pods, from the ingress controller.
import type { ExposurePath, Hop } from "../model/exposure.js";
import type { IstioBinding } from "../model/istio-resolution.js";
import { DEFAULT_GATEWAY_SELECTOR, type IstioObjects } from "../model/istio.js";
import type { Labels } from "../model/labels.js";
import type { ServiceTargets } from "../model/service-resolution.js";
import { istioGatewayEdit, virtualServiceEdit, type Compared } from "./hop-edits.js";
import { portWords, routedConn, serviceHop } from "./service-hop.js";

export function istioPaths(bindings: readonly IstioBinding[], byService: ReadonlyMap<string, ServiceTargets>, other: Compared | undefined): ExposurePath[] {
  const paths: ExposurePath[] = [];
  for (const b of bindings) {
    const targets = byService.get(b.service.id);
    if (targets === undefined) continue;
    const head = [gatewayHop(b, other), virtualServiceHop(b, other), ...(b.subset ? [subsetHop(b)] : [])];
    for (const sp of b.ports) {
      const entry = targets.ports.find((p) => p.port === sp);
      for (const { workload, port: target } of entry?.workloads ?? []) {
        if (b.subset && !hasLabels(workload.labels, b.subset.subset.labels)) continue;
        const routed = routedConn(sp, target);
        if (routed === undefined) continue;
        paths.push({ dst: workload.id, source: "ingress-controller", routed, addresses: undefined, chain: [...head, serviceHop(b.service, sp, `${b.service.type}, port ${portWords(sp)}`, target, undefined, other)] });
      }
    }
  }
  return paths;
}

/** Whether Istio objects send outside traffic anywhere: then the ingress controller is a source. */
export function hasIstioGatewayRoutes(istio: IstioObjects): boolean {
  return istio.virtualServices.some((vs) => vs.gateways.some((g) => !g.mesh));
}

function hasLabels(labels: Labels, wanted: Labels): boolean {
  return Object.entries(wanted).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels, k) && labels[k] === v);
}

function labelWords(labels: Labels): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",") || "(any)";
}

function gatewayHop(b: IstioBinding, other: Compared | undefined): Hop {
  const g = b.gateway;
  if (g === undefined || b.server === undefined) return { kind: "Gateway", namespace: b.ref.namespace, name: b.ref.name, detail: "Istio, not in these manifests", at: b.ref.at };
  const s = b.server;
  const selector = g.selector === undefined ? `no selector: ${labelWords(DEFAULT_GATEWAY_SELECTOR)} assumed` : `selector ${labelWords(g.selector)}`;
  const words = [`Istio, server ${s.name !== undefined ? `${s.name}: ` : ""}${s.protocol} port ${s.port}`, `hosts ${s.hosts.join(", ")}`, selector];
  const edit = istioGatewayEdit(g, s, other);
  if (edit) words.push(edit.words);
  return { kind: "Gateway", namespace: g.namespace, name: g.name, detail: words.join(", "), at: s.at, ...(edit ? { edit } : {}) };
}

function virtualServiceHop(b: IstioBinding, other: Compared | undefined): Hop {
  const vs = b.virtualService;
  const r = b.route;
  const words = [`${r.label}${r.kind === "http" ? "" : ` (${r.kind})`}`, `host ${vs.hosts.join(", ") || "*"}`];
  if (r.paths !== undefined) words.push(`path ${r.paths.join(", ")}`);
  words.push(`${b.destination.mirror ? "mirror to" : "to"} ${b.destination.host}${b.destination.port !== undefined ? ` port ${b.destination.port}` : ""}${b.destination.subset !== undefined ? ` subset ${b.destination.subset}` : ""}`);
  const edit = virtualServiceEdit(vs, b.destination, other);
  if (edit) words.push(edit.words);
  return { kind: "VirtualService", namespace: vs.namespace, name: vs.name, detail: words.join(", "), at: b.destination.at, ...(edit ? { edit } : {}) };
}

function subsetHop(b: IstioBinding): Hop {
  const { rule, subset } = b.subset!;
  return { kind: "DestinationRule", namespace: rule.namespace, name: rule.name, detail: `subset ${subset.name}: pods labelled ${labelWords(subset.labels)}`, at: subset.at };
}
