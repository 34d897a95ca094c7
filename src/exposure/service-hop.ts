// The Service hop of an exposure chain, and the pod port a Service port lands on: shared by the
// chains of Services, routes and Istio gateways.
import type { Hop } from "../model/exposure.js";
import type { Service, ServicePort } from "../model/service.js";
import { ConnSet, PortSet } from "../net/conn-set.js";
import { serviceEdit, type Compared } from "./hop-edits.js";

/**
 * The pod's port a Service port lands on. A representative pod's named port has no number (0):
 * the name stands for it. Undefined: the named targetPort is not among the pod's ports.
 */
export function routedConn(port: ServicePort, target: number | undefined): ConnSet | undefined {
  if (target === undefined) return undefined;
  const ports = target === 0 && port.targetPort.kind === "name" ? PortSet.named(port.targetPort.name) : PortSet.range(target, target);
  return ConnSet.of({ [port.protocol]: ports });
}

export function portWords(p: ServicePort): string {
  return `${p.port}${p.name !== undefined ? ` (${p.name})` : ""}${p.protocol !== "TCP" ? `/${p.protocol}` : ""}`;
}

export function serviceHop(s: Service, port: ServicePort, detail: string, target: number | undefined, after: string | undefined, other: Compared | undefined): Hop {
  const to = port.targetPort.kind === "name" ? `targetPort ${port.targetPort.name}${target ? ` = ${target}` : ""}` : port.targetPort.port !== port.port ? `targetPort ${port.targetPort.port}` : "";
  const edit = serviceEdit(s, port, other);
  const words = [to === "" ? detail : `${detail} → ${to}`, ...(after !== undefined ? [after] : []), ...(edit ? [edit.words] : [])].join(", ");
  return { kind: "Service", namespace: s.namespace, name: s.name, detail: words, at: port.source, ...(edit ? { edit } : {}) };
}

