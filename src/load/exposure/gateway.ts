// gateway.networking.k8s.io Gateway: its listeners (where traffic enters and from which
// namespaces routes may attach), validated as the CRD schema does.
import type { Gateway, Listener } from "../../model/gateway.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { rejects, requiredString, schemaPort } from "./gateway-api.js";
import { objectMeta, quoted } from "../object/object-meta.js";
import { parseSelector } from "../networkpolicy/selector.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";

const REJECTS = rejects("Gateway");

export function loadGateway(obj: KubeObject): { gateway: Gateway | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `Gateway ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const gatewayClassName = requiredString(c, ["spec", "gatewayClassName"], "Gateway");
  const list = c.list(["spec", "listeners"]);
  if (list !== undefined && (list.length === 0 || list.length > 64)) c.error(["spec", "listeners"], "must list 1 to 64 listeners" + REJECTS);
  else if (list === undefined && c.isUnset(["spec", "listeners"])) c.error(["spec", "listeners"], "is required" + REJECTS);
  const listeners: Listener[] = [];
  const names = new Set<string>();
  (list ?? []).forEach((_, i) => {
    const l = listener(c, ["spec", "listeners", i]);
    if (l === undefined) return;
    if (names.has(l.name)) c.error(["spec", "listeners", i, "name"], `duplicate listener name ${quoted(l.name)}: listener names must be unique` + REJECTS);
    names.add(l.name);
    listeners.push(l);
  });
  if (c.hasErrors || meta.name === undefined || gatewayClassName === undefined) return { gateway: undefined, diagnostics: c.diagnostics };
  return {
    gateway: { id: `${meta.namespace}/${meta.name}`, namespace: meta.namespace, name: meta.name, gatewayClassName, listeners, source: sourceRef(obj) },
    diagnostics: c.diagnostics,
  };
}

function listener(c: Checker, at: DocPath): Listener | undefined {
  if (c.map(at) === undefined) return undefined;
  const name = requiredString(c, [...at, "name"], "Gateway");
  const port = schemaPort(c, [...at, "port"], "Gateway");
  if (port === undefined && c.isUnset([...at, "port"])) c.error([...at, "port"], "is required" + REJECTS);
  const protocol = requiredString(c, [...at, "protocol"], "Gateway");
  const hostname = c.string([...at, "hostname"]);
  const from = c.get([...at, "allowedRoutes", "namespaces", "from"]) ?? "Same";
  let allowed: Listener["allowedNamespaces"] | undefined;
  if (from === "Same" || from === "All") allowed = { from };
  else if (from === "Selector") {
    const selPath: DocPath = [...at, "allowedRoutes", "namespaces", "selector"];
    if (c.isUnset(selPath)) c.error(selPath, "is required when from is Selector" + REJECTS);
    else {
      const selector = parseSelector(c, selPath);
      if (selector) allowed = { from: "Selector", selector };
    }
  } else c.error([...at, "allowedRoutes", "namespaces", "from"], `unsupported value ${describe(from)}: use Same, All or Selector` + REJECTS);
  if (name === undefined || port === undefined || protocol === undefined || allowed === undefined) return undefined;
  return { name, port, protocol, hostname: hostname === "" ? undefined : hostname, allowedNamespaces: allowed };
}
