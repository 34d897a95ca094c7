// cilium.io/v2 CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy -> the model: per spec, a
// Policy of allow rules (which isolates the directions it has any rule for, deny rules too, unless
// enableDefaultDeny says otherwise) and an AdminPolicy of the deny tier for its deny rules.
import type { AdminPolicy } from "../../model/admin-policy.js";
import { NAMESPACE_NAME_LABEL } from "../../model/labels.js";
import type { Policy, PolicyKind } from "../../model/policy.js";
import type { Selector } from "../../model/selector.js";
import { Checker, describe } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";
import { parseEndpointSelector } from "./endpoint-selector.js";
import type { CidrGroups, Scope } from "./peers.js";
import { allowRules, denyRules } from "./rules.js";

export const CILIUM_API = "cilium.io/v2";
export type CiliumPolicyKind = Exclude<PolicyKind, "NetworkPolicy">;

export function isCiliumPolicyObject(obj: Pick<KubeObject, "apiVersion" | "kind">): obj is KubeObject & { kind: CiliumPolicyKind } {
  return obj.apiVersion === CILIUM_API && (obj.kind === "CiliumNetworkPolicy" || obj.kind === "CiliumClusterwideNetworkPolicy");
}

export interface CiliumPolicyLoad {
  /** The object's id ("CiliumNetworkPolicy/ns/name"); undefined when it has no valid name. */
  readonly id: string | undefined;
  readonly policies: readonly Policy[];
  readonly deny: readonly AdminPolicy[];
  readonly diagnostics: readonly Diagnostic[];
}

const REFUSED = "; Cilium refuses this policy";

export function loadCiliumPolicy(obj: KubeObject & { kind: CiliumPolicyKind }, groups: CidrGroups): CiliumPolicyLoad {
  const clusterWide = obj.kind === "CiliumClusterwideNetworkPolicy";
  const meta = objectMeta(obj, clusterWide ? "cluster-scoped" : "namespaced");
  const c = new Checker(obj, `${obj.kind} ${clusterWide ? meta.nameShown : meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REFUSED));
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "specs", "status"]);
  const namespace = clusterWide ? "" : meta.namespace;
  const id = meta.name === undefined ? undefined : clusterWide ? `${obj.kind}/${meta.name}` : `${obj.kind}/${meta.namespace}/${meta.name}`;
  const scope: Scope = clusterWide ? { kind: "cluster" } : { kind: "namespace", namespace };

  const specs: { path: DocPath; prefix: string }[] = [];
  if (!c.isUnset(["spec"])) specs.push({ path: ["spec"], prefix: "" });
  const list = c.list(["specs"]);
  (list ?? []).forEach((_, i) => specs.push({ path: ["specs", i], prefix: `specs[${i}].` }));
  if (specs.length === 0) c.error([], "has neither spec nor specs" + REFUSED);

  const policies: Policy[] = [];
  const deny: AdminPolicy[] = [];
  for (const { path, prefix } of specs) {
    const r = loadSpec(c, path, prefix, { kind: obj.kind, namespace, name: meta.name ?? "", id: id ?? "", scope, clusterWide }, groups, specs.length > 1 || prefix !== "");
    if (r === undefined) continue;
    if (r.policy) policies.push(r.policy);
    if (r.deny) deny.push(r.deny);
  }
  if (c.hasErrors || id === undefined) return { id, policies: [], deny: [], diagnostics: c.diagnostics };
  return { id, policies, deny, diagnostics: c.diagnostics };
}

interface Owner {
  readonly kind: CiliumPolicyKind;
  readonly namespace: string;
  readonly name: string;
  readonly id: string;
  readonly scope: Scope;
  readonly clusterWide: boolean;
}

function loadSpec(c: Checker, at: DocPath, prefix: string, owner: Owner, groups: CidrGroups, several: boolean): { policy?: Policy; deny?: AdminPolicy } | undefined {
  if (c.map(at) === undefined) {
    c.error(at, `a spec must be a mapping, not ${describe(c.get(at))}` + REFUSED);
    return undefined;
  }
  c.knownKeys(at, ["endpointSelector", "nodeSelector", "ingress", "egress", "ingressDeny", "egressDeny", "enableDefaultDeny", "description", "labels", "log"]);
  const hasEndpoints = !c.isUnset([...at, "endpointSelector"]);
  const hasNodes = !c.isUnset([...at, "nodeSelector"]);
  if (hasEndpoints === hasNodes) {
    c.error(at, "a spec needs exactly one of endpointSelector and nodeSelector" + REFUSED);
    return undefined;
  }
  if (hasNodes) {
    c.warning([...at, "nodeSelector"], "host policies (nodeSelector) are not analyzed: traffic of the nodes themselves is outside this report");
    return undefined;
  }
  const subject = parseEndpointSelector(c, [...at, "endpointSelector"]);
  if (subject === undefined) return undefined;
  if (subject.reserved.length > 0 || subject.foreign) {
    c.warning([...at, "endpointSelector"], "selects a reserved identity or a label source no pod carries: this spec selects no pod of the report");
    return undefined;
  }
  const defaults = c.map([...at, "enableDefaultDeny"]);
  c.knownKeys([...at, "enableDefaultDeny"], ["ingress", "egress"]);
  const isolates = { ingress: defaults?.["ingress"] !== false, egress: defaults?.["egress"] !== false };

  const ingress = allowRules(c, at, "ingress", prefix, owner.scope, groups);
  const egress = allowRules(c, at, "egress", prefix, owner.scope, groups);
  const ingressDeny = denyRules(c, at, "ingressDeny", prefix, owner.scope, groups);
  const egressDeny = denyRules(c, at, "egressDeny", prefix, owner.scope, groups);
  if (ingress === undefined || egress === undefined || ingressDeny === undefined || egressDeny === undefined) return undefined;
  // A direction is governed as soon as the spec lists a rule for it, allow or deny, `{}` too.
  const listed = (k: string) => (c.list([...at, k]) ?? []).length > 0;
  const governs = { ingress: listed("ingress") || listed("ingressDeny"), egress: listed("egress") || listed("egressDeny") };

  const id = several ? `${owner.id} ${prefix.slice(0, -1)}` : owner.id;
  const source = sourceRef(c.object, at.length > 1 ? at : []);
  const namespaces: Selector = owner.clusterWide ? subject.namespaces : { requirements: [...subject.namespaces.requirements, { key: NAMESPACE_NAME_LABEL, op: "In", values: [owner.namespace] }] };
  const out: { policy?: Policy; deny?: AdminPolicy } = {};
  if (governs.ingress || governs.egress) {
    out.policy = {
      id,
      kind: owner.kind,
      namespace: owner.namespace,
      name: owner.name,
      subject: subject.pods,
      ...(owner.clusterWide || subject.namespaces.requirements.length > 0 ? { subjectNamespaces: namespaces } : {}),
      ...(isolates.ingress && isolates.egress ? {} : { isolates }),
      ingress: governs.ingress ? ingress : null,
      egress: governs.egress ? egress : null,
      source,
    };
  }
  if (ingressDeny.length > 0 || egressDeny.length > 0) {
    out.deny = {
      id,
      kind: owner.kind,
      name: owner.name,
      ...(owner.clusterWide ? {} : { namespace: owner.namespace }),
      tier: "deny",
      priority: null,
      subject: { namespaces, pods: subject.pods },
      ingress: ingressDeny,
      egress: egressDeny,
      source,
    };
  }
  return out;
}
