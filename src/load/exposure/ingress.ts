// networking.k8s.io/v1 Ingress: validation as the API server does it (ValidateIngress),
// producing a Route of src/model/route with one backend per path (and the default backend).
// Resource backends (`backend.resource`, e.g. a storage bucket) reach no Service: noted, ignored.
import type { BackendPort, PathType, Route, RouteBackend } from "../../model/route.js";
import { MAX_PORT, MIN_PORT } from "../../net/protocol.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { isDnsSubdomain, objectMeta, quoted, RULE_TEXT } from "../object/object-meta.js";
import { svcNameProblem } from "../object/port-name.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";

const REJECTS = "; the API server rejects this Ingress";
const PATH_TYPES: readonly PathType[] = ["Exact", "Prefix", "ImplementationSpecific"];
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function loadIngress(obj: KubeObject): { route: Route | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `Ingress ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);
  c.knownKeys(["spec"], ["ingressClassName", "defaultBackend", "tls", "rules"]);
  const backends: RouteBackend[] = [];
  const hosts: string[] = [];

  const className = c.string(["spec", "ingressClassName"]);
  if (className !== undefined && !isDnsSubdomain(className)) {
    c.error(["spec", "ingressClassName"], `${quoted(className)} is invalid: it must be ${RULE_TEXT["dns-subdomain"]}` + REJECTS);
  }
  const rules = c.list(["spec", "rules"]);
  if (c.isUnset(["spec", "defaultBackend"]) && (rules === undefined || rules.length === 0) && c.isUnset(["spec", "rules"])) {
    c.error(["spec"], "either defaultBackend or rules must be specified" + REJECTS);
  }
  if (!c.isUnset(["spec", "defaultBackend"])) {
    const b = backend(c, meta.namespace, ["spec", "defaultBackend"], undefined);
    if (b) backends.push(b);
  }
  (rules ?? []).forEach((_, i) => {
    const at: DocPath = ["spec", "rules", i];
    if (c.map(at) === undefined) return;
    c.knownKeys(at, ["host", "http"]);
    const host = c.string([...at, "host"]);
    if (host !== undefined && host !== "") {
      const problem = hostProblem(host);
      if (problem) c.error([...at, "host"], `${quoted(host)} ${problem}` + REJECTS);
      else if (!hosts.includes(host)) hosts.push(host);
    }
    if (c.isUnset([...at, "http"])) return;
    if (c.map([...at, "http"]) === undefined) return;
    const paths = c.list([...at, "http", "paths"]);
    if (paths === undefined || paths.length === 0) {
      if (paths !== undefined || c.isUnset([...at, "http", "paths"])) c.error([...at, "http", "paths"], "at least one path is required" + REJECTS);
      return;
    }
    paths.forEach((_, j) => {
      const p: DocPath = [...at, "http", "paths", j];
      if (c.map(p) === undefined) return;
      c.knownKeys(p, ["path", "pathType", "backend"]);
      const pathType = c.string([...p, "pathType"]);
      const path = c.string([...p, "path"]);
      if (pathType === undefined) {
        if (c.isUnset([...p, "pathType"])) c.error([...p, "pathType"], "is required: Exact, Prefix or ImplementationSpecific" + REJECTS);
      } else if (!(PATH_TYPES as readonly string[]).includes(pathType)) {
        c.error([...p, "pathType"], `unsupported value ${quoted(pathType)}: use Exact, Prefix or ImplementationSpecific (case matters)` + REJECTS);
      }
      if (path !== undefined && path !== "" && !path.startsWith("/")) c.error([...p, "path"], `${quoted(path)} must be an absolute path (start with "/")` + REJECTS);
      else if ((pathType === "Exact" || pathType === "Prefix") && (path === undefined || path === "")) c.error([...p, "path"], `is required for pathType ${pathType}` + REJECTS);
      const match = { host: host === "" ? undefined : host, path, pathType: (PATH_TYPES as readonly string[]).includes(pathType ?? "") ? (pathType as PathType) : undefined };
      if (c.isUnset([...p, "backend"])) c.error([...p, "backend"], "is required" + REJECTS);
      else {
        const b = backend(c, meta.namespace, [...p, "backend"], match);
        if (b) backends.push(b);
      }
    });
  });

  if (c.hasErrors || meta.name === undefined) return { route: undefined, diagnostics: c.diagnostics };
  return {
    route: {
      id: `${meta.namespace}/${meta.name}[Ingress]`,
      kind: "Ingress",
      namespace: meta.namespace,
      name: meta.name,
      hosts,
      ingressClassName: className,
      parents: [],
      backends,
      source: sourceRef(obj),
    },
    diagnostics: c.diagnostics,
  };
}

/** A rule's host: a DNS name, possibly with one leading wildcard label; never an IP address. */
function hostProblem(host: string): string | undefined {
  if (/^[0-9.]+$/.test(host) || host.includes(":")) return "must be a DNS name, not an IP address";
  const name = host.startsWith("*.") ? host.slice(2) : host;
  if (!isDnsSubdomain(name)) return `is invalid: it must be ${RULE_TEXT["dns-subdomain"]}, optionally after a leading "*."`;
  return undefined;
}

function backend(c: Checker, namespace: string, at: DocPath, match: RouteBackend["match"]): RouteBackend | undefined {
  if (c.map(at) === undefined) return undefined;
  c.knownKeys(at, ["service", "resource"]);
  const hasService = !c.isUnset([...at, "service"]);
  const hasResource = !c.isUnset([...at, "resource"]);
  if (hasService === hasResource) {
    c.error(at, `must set exactly one of service and resource${hasService ? ", not both" : ""}` + REJECTS);
    return undefined;
  }
  if (hasResource) {
    c.note([...at, "resource"], "a resource backend reaches no Service (it serves, e.g., a storage bucket); it is not analyzed");
    return undefined;
  }
  const svc: DocPath = [...at, "service"];
  if (c.map(svc) === undefined) return undefined;
  c.knownKeys(svc, ["name", "port"]);
  const name = c.string([...svc, "name"]);
  let ok = true;
  if (name === undefined || name === "") {
    c.error([...svc, "name"], "is required" + REJECTS);
    ok = false;
  } else if (!(name.length <= 63 && DNS_1035_LABEL.test(name))) {
    c.error([...svc, "name"], `${quoted(name)} is not a valid Service name (a DNS-1035 label: a-z, 0-9 and '-', starting with a letter)` + REJECTS);
    ok = false;
  }
  const port = servicePortRef(c, [...svc, "port"]);
  if (!ok || port === undefined || name === undefined) return undefined;
  return { serviceNamespace: namespace, serviceName: name, port, weight: undefined, match, source: fieldRef(c.object, svc) };
}

function servicePortRef(c: Checker, at: DocPath): BackendPort | undefined {
  if (c.map(at) === undefined) {
    if (c.isUnset(at)) c.error(at, "is required: set port.number or port.name" + REJECTS);
    return undefined;
  }
  c.knownKeys(at, ["name", "number"]);
  const nameRaw = c.get([...at, "name"]);
  const numRaw = c.get([...at, "number"]);
  const hasName = nameRaw !== undefined && nameRaw !== null && nameRaw !== "";
  const hasNumber = numRaw !== undefined && numRaw !== null && numRaw !== 0;
  if (hasName === hasNumber) {
    c.error(at, `must set exactly one of name and number${hasName ? ", not both" : ""}` + REJECTS);
    return undefined;
  }
  if (hasName) {
    const problem = typeof nameRaw === "string" ? svcNameProblem(nameRaw) : `must be a string, not ${describe(nameRaw)}`;
    if (problem) {
      c.error([...at, "name"], problem + REJECTS);
      return undefined;
    }
    return { kind: "service-port-name", name: nameRaw as string };
  }
  if (!Number.isInteger(numRaw) || (numRaw as number) < MIN_PORT || (numRaw as number) > MAX_PORT) {
    c.error([...at, "number"], `port ${describe(numRaw)} is out of range: use 1-65535` + REJECTS);
    return undefined;
  }
  return { kind: "service-port", port: numRaw as number };
}
