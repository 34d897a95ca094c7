// The namespace of one analysis run, as `kubectl apply -n NS` uses it: objects without
// metadata.namespace go to NS (`default` when none is given), and with an explicit NS kubectl
// refuses, before the API server sees it, an object that names another namespace.
import { Checker, isPlainObject } from "./object/checker.js";
import type { Diagnostic } from "./object/diagnostic.js";
import { objectMeta, quoted } from "./object/object-meta.js";
import type { KubeObject } from "./object/source.js";
import { EXPOSURE_KINDS } from "./exposure/exposure-kinds.js";
import { isOperatorWorkload } from "./workloads/operator-workloads.js";
import { WORKLOAD_KINDS } from "./workloads/workload.js";

export const DEFAULT_NAMESPACE = "default";

export interface NamespaceOption {
  readonly name: string;
  /** Given by the user (-n): only then are objects of other namespaces refused, as kubectl does. */
  readonly explicit: boolean;
}

export function namespaceOption(given: string | undefined): NamespaceOption {
  return given === undefined ? { name: DEFAULT_NAMESPACE, explicit: false } : { name: given, explicit: true };
}

/**
 * The namespaced kinds netreach reads. Other kinds are not analyzed, and for custom kinds the
 * scope is unknown here (kubectl ignores the namespace of cluster-scoped objects), so they are
 * neither refused nor counted; the operator kinds netreach reads are namespaced.
 */
const NAMESPACED = new Set(["NetworkPolicy", "CiliumNetworkPolicy", ...WORKLOAD_KINDS, ...EXPOSURE_KINDS]);

export interface Placed {
  /** The objects kubectl would send. */
  readonly objects: readonly KubeObject[];
  readonly diagnostics: readonly Diagnostic[];
  /** Namespaced objects that name no namespace: they were put in the option's. */
  readonly withoutNamespace: number;
}

export function placeInNamespace(objects: readonly KubeObject[], option: NamespaceOption): Placed {
  const kept: KubeObject[] = [];
  const diagnostics: Diagnostic[] = [];
  let withoutNamespace = 0;
  for (const obj of objects) {
    if (!NAMESPACED.has(obj.kind) && !isOperatorWorkload(obj)) {
      kept.push(obj);
      continue;
    }
    const meta = obj.body["metadata"];
    const ns = isPlainObject(meta) ? meta["namespace"] : undefined;
    if (ns === undefined || ns === null) {
      withoutNamespace++;
      kept.push(obj);
    } else if (option.explicit && typeof ns === "string" && ns !== option.name) {
      const c = new Checker(obj, `${obj.kind} ${objectMeta(obj).display}`);
      c.error(
        ["metadata", "namespace"],
        `the namespace from the provided object ${quoted(ns)} does not match the namespace ${quoted(option.name)} given with --namespace; ` +
          `kubectl apply refuses such an object, so it is left out (kubectl: pass --namespace ${quoted(ns)} to apply it)`,
      );
      diagnostics.push(...c.diagnostics);
    } else {
      kept.push(obj);
    }
  }
  return { objects: kept, diagnostics, withoutNamespace };
}
