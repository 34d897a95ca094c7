// gateway.networking.k8s.io ReferenceGrant: the target namespace's consent to references from
// other namespaces. Without one, a route's backendRef into another namespace is not followed.
import type { ReferenceGrant } from "../../model/gateway.js";
import { Checker } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { rejects, requiredString } from "./gateway-api.js";
import { objectMeta } from "../object/object-meta.js";
import type { KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";

const REJECTS = rejects("ReferenceGrant");

export function loadReferenceGrant(obj: KubeObject): { grant: ReferenceGrant | undefined; diagnostics: readonly Diagnostic[] } {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `ReferenceGrant ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const from: ReferenceGrant["from"][number][] = [];
  const to: ReferenceGrant["to"][number][] = [];
  for (const side of ["from", "to"] as const) {
    const list = c.list(["spec", side]);
    if (list === undefined || list.length === 0) {
      if (list !== undefined || c.isUnset(["spec", side])) c.error(["spec", side], "must list at least one entry" + REJECTS);
      continue;
    }
    list.forEach((_, i) => {
      const at = ["spec", side, i];
      if (c.map(at) === undefined) return;
      // group "" is the core API group (Services): present but empty, so not requiredString.
      const group = c.string([...at, "group"]);
      if (group === undefined && c.isUnset([...at, "group"])) c.error([...at, "group"], 'is required ("" for the core group)' + REJECTS);
      const kind = requiredString(c, [...at, "kind"], "ReferenceGrant");
      if (side === "from") {
        const namespace = requiredString(c, [...at, "namespace"], "ReferenceGrant");
        if (group !== undefined && kind !== undefined && namespace !== undefined) from.push({ group, kind, namespace });
      } else {
        const name = c.string([...at, "name"]);
        if (group !== undefined && kind !== undefined) to.push({ group, kind, name: name === "" ? undefined : name });
      }
    });
  }
  if (c.hasErrors || meta.name === undefined) return { grant: undefined, diagnostics: c.diagnostics };
  return { grant: { namespace: meta.namespace, name: meta.name, from, to, source: sourceRef(obj) }, diagnostics: c.diagnostics };
}
