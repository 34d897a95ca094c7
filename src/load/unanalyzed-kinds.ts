// Objects that change what traffic flows but that netreach does not analyze (yet): skipping them
// silently would make a report look more certain than it is.
import { diagnostic, type Diagnostic } from "./diagnostic.js";
import type { KubeObject } from "./source.js";

const POLICY_KINDS: Readonly<Record<string, string>> = {
  CiliumNetworkPolicy: "Cilium policies add to what NetworkPolicy allows and denies",
  CiliumClusterwideNetworkPolicy: "Cilium policies add to what NetworkPolicy allows and denies",
  GlobalNetworkPolicy: "Calico policies are evaluated together with NetworkPolicy",
};

/** A warning for a policy-like object whose effect is not in the report; undefined for other kinds. */
export function unanalyzedPolicy(obj: KubeObject): Diagnostic | undefined {
  let why = POLICY_KINDS[obj.kind];
  if (obj.kind === "NetworkPolicy") {
    why = obj.apiVersion.startsWith("crd.projectcalico.org/") || obj.apiVersion.startsWith("projectcalico.org/")
      ? "Calico policies are evaluated together with NetworkPolicy"
      : `apiVersion ${obj.apiVersion} is not served by current clusters (use networking.k8s.io/v1)`;
  }
  if (why === undefined) return undefined;
  return diagnostic("warning", obj.file, obj.locate([]), `${obj.kind} (${obj.apiVersion}) is not analyzed: ${why}, so the flows in this report may differ from the cluster's`);
}
