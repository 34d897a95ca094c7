// Whether an endpoint matches an endpoint spec. A representative pod (or namespace) matches only
// when every pod (or namespace) it stands for would; external classes are cut at assertion CIDRs,
// so each lies wholly inside a spec's CIDR or wholly outside it.
import { NAMESPACE_NAME_LABEL, type Labels } from "../model/labels.js";
import type { Endpoint } from "../model/endpoint.js";
import { cidrRange, parseCidr, type AddrRange } from "../net/ip.js";
import type { EndpointSpec, LabelSpec } from "./assertion.js";
import { surelyHas } from "./surely.js";
import type { AssertionView } from "./view.js";

export function labelsMatch(spec: LabelSpec, labels: Labels): boolean {
  for (const k in spec) {
    if (!Object.prototype.hasOwnProperty.call(labels, k)) return false;
    if (spec[k] !== "*" && labels[k] !== spec[k]) return false;
  }
  return true;
}

export type EndpointMatcher = (spec: EndpointSpec, e: Endpoint) => boolean;

export function endpointMatcher(view: AssertionView): EndpointMatcher {
  const reps = view.representatives;
  const ranges = new Map<string, AddrRange>();
  const rangeOf = (cidr: string) => {
    let r = ranges.get(cidr);
    if (r === undefined) {
      const p = parseCidr(cidr);
      if (!p.ok) throw new Error(`unparsed cidr ${cidr}`);
      ranges.set(cidr, (r = cidrRange(p.cidr)));
    }
    return r;
  };
  // Asked for every pod of a namespace: answered once per namespace and spec.
  const known = new WeakMap<LabelSpec, Map<string, boolean>>();
  const namespaceMatches = (name: string, spec: LabelSpec): boolean => {
    let byName = known.get(spec);
    if (byName === undefined) known.set(spec, (byName = new Map()));
    let answer = byName.get(name);
    if (answer === undefined) {
      const scope = reps.namespaceScopeOf(name);
      answer =
        scope !== undefined
          ? Object.keys(spec).every((k) => surelyHas(scope, k, spec[k]!))
          : labelsMatch(spec, view.namespaces.get(name)?.labels ?? { [NAMESPACE_NAME_LABEL]: name });
      byName.set(name, answer);
    }
    return answer;
  };
  return (spec, e) => {
    switch (spec.kind) {
      case "internet":
        return e.type === "external";
      case "cidr": {
        if (e.type !== "external") return false;
        const c = rangeOf(spec.cidr);
        return e.ranges.every((r) => r.family === c.family && r.lo >= c.lo && r.hi <= c.hi);
      }
      case "any-pod":
        return e.type === "workload" || e.type === "synthetic";
      case "ingress-controller":
        return e.type === "ingress-controller";
      case "pods": {
        if (e.type !== "workload" && e.type !== "synthetic") return false;
        // Representative namespaces are named "[…]", which no namespace spec can name.
        if (spec.namespace !== undefined && e.pod.namespace !== spec.namespace) return false;
        if (spec.workload !== undefined && (e.type !== "workload" || e.pod.name !== spec.workload)) return false;
        if (spec.workloadKind !== undefined && (e.type !== "workload" || e.pod.kind !== spec.workloadKind)) return false;
        if (spec.namespaceLabels !== undefined && !namespaceMatches(e.pod.namespace, spec.namespaceLabels)) return false;
        if (spec.labels !== undefined) {
          if (e.type === "workload") return labelsMatch(spec.labels, e.pod.labels);
          const scope = reps.scopeOf(e.id);
          const labels = spec.labels;
          return scope !== undefined && Object.keys(labels).every((k) => surelyHas(scope, k, labels[k]!));
        }
        return true;
      }
    }
  };
}
