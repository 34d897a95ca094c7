// route.openshift.io/v1 Route: `spec.to` and `alternateBackends` (Services, with weights) and
// `port.targetPort`, which names an endpoint port: the Service port's name, or the pods' port
// number (the router matches Endpoints, not the Service's `port`). Validated as OpenShift does.
import type { BackendPort, Route, RouteBackend } from "../../model/route.js";
import { MAX_PORT, MIN_PORT } from "../../net/protocol.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { fieldRef, sourceRef } from "../object/source-ref.js";

const REJECTS = "; the API server rejects this Route";

export function loadOpenShiftRoute(obj: KubeObject): { route: Route | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `Route ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const port = targetPort(c);
  const backends: RouteBackend[] = [];
  if (c.isUnset(["spec", "to"])) c.error(["spec", "to"], "is required (the Service the Route sends traffic to)" + REJECTS);
  else {
    const b = target(c, meta.namespace, ["spec", "to"], port);
    if (b) backends.push(b);
  }
  const alternates = c.list(["spec", "alternateBackends"]) ?? [];
  if (alternates.length > 3) c.error(["spec", "alternateBackends"], "may list at most 3 alternate backends" + REJECTS);
  alternates.forEach((_, i) => {
    const b = target(c, meta.namespace, ["spec", "alternateBackends", i], port);
    if (b) backends.push(b);
  });
  const host = c.string(["spec", "host"]);
  if (c.hasErrors || meta.name === undefined || port === undefined) return { route: undefined, diagnostics: c.diagnostics };
  return {
    route: {
      id: `${meta.namespace}/${meta.name}[Route]`,
      kind: "Route",
      namespace: meta.namespace,
      name: meta.name,
      hosts: host ? [host] : [],
      ingressClassName: undefined,
      parents: [],
      backends,
      source: sourceRef(obj),
    },
    diagnostics: c.diagnostics,
  };
}

/** Undefined on error; `all` when spec.port is omitted: the router then uses every endpoint port. */
function targetPort(c: Checker): BackendPort | undefined {
  if (c.isUnset(["spec", "port"])) return { kind: "all" };
  if (c.map(["spec", "port"]) === undefined) return undefined;
  const path: DocPath = ["spec", "port", "targetPort"];
  const raw = c.get(path);
  if (raw === undefined || raw === null || raw === "" || raw === 0) {
    c.error(path, "is required when port is set" + REJECTS);
    return undefined;
  }
  if (typeof raw === "string") return { kind: "service-port-name", name: raw };
  if (!Number.isInteger(raw) || (raw as number) < MIN_PORT || (raw as number) > MAX_PORT) {
    c.error(path, `port ${describe(raw)} is out of range: use 1-65535 or a port name` + REJECTS);
    return undefined;
  }
  return { kind: "target-port", port: raw as number };
}

function target(c: Checker, namespace: string, at: DocPath, port: BackendPort | undefined): RouteBackend | undefined {
  if (c.map(at) === undefined) return undefined;
  const kind = c.string([...at, "kind"]) ?? "Service";
  if (kind !== "Service" && kind !== "") {
    c.error([...at, "kind"], `must be Service, not ${describe(kind)}` + REJECTS);
    return undefined;
  }
  const name = c.string([...at, "name"]);
  if (name === undefined || name === "") {
    c.error([...at, "name"], "is required" + REJECTS);
    return undefined;
  }
  const weightRaw = c.get([...at, "weight"]) ?? 100;
  if (!Number.isInteger(weightRaw) || (weightRaw as number) < 0 || (weightRaw as number) > 256) {
    c.error([...at, "weight"], `weight ${describe(weightRaw)} must be an integer 0-256` + REJECTS);
    return undefined;
  }
  if (port === undefined) return undefined;
  return { serviceNamespace: namespace, serviceName: name, port, weight: weightRaw as number, match: undefined, source: fieldRef(c.object, at) };
}
