// networking.istio.io Gateway: the servers (port, protocol, hosts) that the gateway pods its
// selector picks listen on. Which pods those are is not followed: the report takes every Istio
// gateway's traffic to come from the ingress controller (see src/exposure/controller.ts).
import type { IstioGateway, IstioServer } from "../../model/istio.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";
import { istioPort, labelMap, rejects } from "./istio-api.js";

const REJECTS = rejects("Gateway");

export function loadIstioGateway(obj: KubeObject): { gateway: IstioGateway | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `Gateway ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const selector = c.isUnset(["spec", "selector"]) ? undefined : labelMap(c, ["spec", "selector"], "Gateway");
  const list = c.list(["spec", "servers"]);
  if (list === undefined || list.length === 0) {
    if (list !== undefined || c.isUnset(["spec", "servers"])) c.error(["spec", "servers"], "must list at least one server" + REJECTS);
  }
  const servers: IstioServer[] = [];
  (list ?? []).forEach((_, i) => {
    const s = server(c, ["spec", "servers", i]);
    if (s) servers.push(s);
  });
  if (c.hasErrors || meta.name === undefined) return { gateway: undefined, diagnostics: c.diagnostics };
  return { gateway: { id: `${meta.namespace}/${meta.name}`, namespace: meta.namespace, name: meta.name, selector, servers, source: sourceRef(obj) }, diagnostics: c.diagnostics };
}

function server(c: Checker, at: DocPath): IstioServer | undefined {
  if (c.map(at) === undefined) return undefined;
  if (c.map([...at, "port"]) === undefined) {
    if (c.isUnset([...at, "port"])) c.error([...at, "port"], "is required" + REJECTS);
    return undefined;
  }
  const port = istioPort(c, [...at, "port", "number"], "Gateway");
  if (port === undefined && c.isUnset([...at, "port", "number"])) c.error([...at, "port", "number"], "is required" + REJECTS);
  const protocol = c.string([...at, "port", "protocol"]);
  if (protocol === undefined || protocol === "") c.error([...at, "port", "protocol"], "is required (HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP or TLS)" + REJECTS);
  const hosts: string[] = [];
  const hostList = c.list([...at, "hosts"]);
  if (hostList === undefined || hostList.length === 0) {
    if (hostList !== undefined || c.isUnset([...at, "hosts"])) c.error([...at, "hosts"], "must list at least one host" + REJECTS);
  }
  (hostList ?? []).forEach((h, j) => {
    if (typeof h === "string" && h !== "") hosts.push(h);
    else c.error([...at, "hosts", j], `must be a host name, not ${describe(h)}` + REJECTS);
  });
  const mode = c.string([...at, "tls", "mode"]);
  if (port === undefined || protocol === undefined || protocol === "" || hosts.length === 0) return undefined;
  return { port, protocol: protocol.toUpperCase(), name: c.string([...at, "port", "name"]) || undefined, hosts, tlsMode: mode?.toUpperCase(), at: fieldRef(c.object, [...at, "port"]) };
}
