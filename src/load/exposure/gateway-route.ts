// Gateway API routes (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute, UDPRoute): their parentRefs
// (Gateways, possibly in other namespaces) and backendRefs to Services, validated as the CRD
// schema does. Backends of other kinds (a custom backend resource) are noted and not analyzed.
import type { ParentRef, Route, RouteBackend, RouteKind } from "../../model/route.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { GATEWAY_GROUP, rejects, requiredString, schemaPort } from "./gateway-api.js";
import { objectMeta, quoted } from "../object/object-meta.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";

export const GATEWAY_ROUTE_KINDS: readonly RouteKind[] = ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"];
/** Kinds whose spec has hostnames (TCP and UDP routes match on the listener only). */
const WITH_HOSTNAMES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);

export function loadGatewayRoute(obj: KubeObject): { route: Route | undefined; diagnostics: readonly Diagnostic[] } {
  const kind = obj.kind as RouteKind;
  const REJECTS = rejects(kind);
  const meta = objectMeta(obj);
  const c = new Checker(obj, `${kind} ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);

  const parents: ParentRef[] = [];
  const parentList = c.list(["spec", "parentRefs"]) ?? [];
  if (parentList.length > 32) c.error(["spec", "parentRefs"], "may list at most 32 parents" + REJECTS);
  parentList.forEach((_, i) => {
    const at: DocPath = ["spec", "parentRefs", i];
    if (c.map(at) === undefined) return;
    const name = requiredString(c, [...at, "name"], kind);
    const port = schemaPort(c, [...at, "port"], kind);
    if (name === undefined) return;
    parents.push({
      group: c.string([...at, "group"]) ?? GATEWAY_GROUP,
      kind: c.string([...at, "kind"]) ?? "Gateway",
      namespace: c.string([...at, "namespace"]) || meta.namespace,
      name,
      sectionName: c.string([...at, "sectionName"]) || undefined,
      port,
      source: fieldRef(obj, at),
    });
  });

  const hosts: string[] = [];
  if (WITH_HOSTNAMES.has(kind)) {
    (c.list(["spec", "hostnames"]) ?? []).forEach((h, i) => {
      if (typeof h === "string") hosts.push(h);
      else c.error(["spec", "hostnames", i], `must be a string, not ${describe(h)}` + REJECTS);
    });
  }

  const backends: RouteBackend[] = [];
  const rules = c.list(["spec", "rules"]);
  // TCP, TLS and UDP routes require rules; HTTP and GRPC routes default to one rule without backends.
  if ((rules === undefined || rules.length === 0) && !WITH_HOSTNAMES.has(kind) && c.isUnset(["spec", "rules"])) c.error(["spec", "rules"], "is required" + REJECTS);
  (rules ?? []).forEach((_, i) => {
    const at: DocPath = ["spec", "rules", i];
    if (c.map(at) === undefined) return;
    const paths = kind === "HTTPRoute" ? rulePaths(c, [...at, "matches"]) : undefined;
    (c.list([...at, "backendRefs"]) ?? []).forEach((__, j) => {
      const b = backendRef(c, kind, meta.namespace, [...at, "backendRefs", j]);
      if (b) backends.push(paths === undefined ? b : { ...b, paths });
    });
  });

  if (c.hasErrors || meta.name === undefined) return { route: undefined, diagnostics: c.diagnostics };
  return {
    route: { id: `${meta.namespace}/${meta.name}[${kind}]`, kind, namespace: meta.namespace, name: meta.name, hosts, ingressClassName: undefined, parents, backends, source: sourceRef(obj) },
    diagnostics: c.diagnostics,
  };
}

/** An HTTPRoute rule's path matches, for a reader; a match without a path matches every path ("/"). */
function rulePaths(c: Checker, at: DocPath): string[] | undefined {
  const matches = c.list(at);
  if (matches === undefined || matches.length === 0) return undefined;
  const out = matches.map((m) => {
    const path = typeof m === "object" && m !== null ? (m as Record<string, unknown>)["path"] : undefined;
    if (typeof path !== "object" || path === null) return "/";
    const { type, value } = path as Record<string, unknown>;
    const v = typeof value === "string" ? value : "/";
    return type === "Exact" ? `= ${v}` : type === "RegularExpression" ? `~ ${v}` : v;
  });
  return [...new Set(out)];
}

function backendRef(c: Checker, kind: RouteKind, namespace: string, at: DocPath): RouteBackend | undefined {
  const REJECTS = rejects(kind);
  if (c.map(at) === undefined) return undefined;
  const name = requiredString(c, [...at, "name"], kind);
  const group = c.string([...at, "group"]) ?? "";
  const refKind = c.string([...at, "kind"]) ?? "Service";
  const port = schemaPort(c, [...at, "port"], kind);
  const weightRaw = c.get([...at, "weight"]) ?? 1;
  let weight: number | undefined;
  if (!Number.isInteger(weightRaw) || (weightRaw as number) < 0 || (weightRaw as number) > 1_000_000) {
    c.error([...at, "weight"], `weight ${describe(weightRaw)} must be an integer 0-1000000` + REJECTS);
  } else weight = weightRaw as number;
  if (group !== "" || refKind !== "Service") {
    c.note(at, `a backend of kind ${quoted(refKind)}${group === "" ? "" : ` (group ${quoted(group)})`} is not a Service; it is not analyzed`);
    return undefined;
  }
  if (port === undefined && c.isUnset([...at, "port"])) {
    c.error([...at, "port"], "is required for a Service backend" + REJECTS);
    return undefined;
  }
  if (name === undefined || port === undefined || weight === undefined) return undefined;
  return {
    serviceNamespace: c.string([...at, "namespace"]) || namespace,
    serviceName: name,
    port: { kind: "service-port", port },
    weight,
    match: undefined,
    source: fieldRef(c.object, at),
  };
}
