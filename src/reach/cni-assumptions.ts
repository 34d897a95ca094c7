// What an answer rests on when the CNI is Cilium, or when the user chose to analyze without it:
// the run's CNI changes what pods look like to every selector, so the report says which it was
// and why.
import type { CniDecision } from "../load/cni-decision.js";

/** The sentences for the report's assumptions (none for "auto" on input without Cilium policies). */
export function cniAssumptions(d: CniDecision): string[] {
  if (d.cni.kind === "generic") {
    if (d.choice !== "generic") return [];
    return [
      d.ciliumPolicies.some((x) => x)
        ? "CNI: generic (--cni generic): Cilium policies are not analyzed (they are listed as such) and pods carry no Cilium labels, so the flows in this report may differ from a Cilium cluster's."
        : "CNI: generic (--cni generic): Kubernetes NetworkPolicy and the admin tiers decide; pods carry no Cilium labels.",
    ];
  }
  const why = d.choice === "cilium" ? "(--cni cilium)" : `(chosen because ${holders(d.ciliumPolicies)}; --cni generic, the Action's cni input, to analyze without them)`;
  return [
    `CNI: Cilium ${why}. Pods carry Cilium's labels io.kubernetes.pod.namespace, io.cilium.k8s.policy.serviceaccount and io.cilium.k8s.policy.cluster=${d.cni.cluster} (--cilium-cluster to name another), and their namespace's labels as io.cilium.k8s.namespace.labels.KEY; NetworkPolicy selectors see them too. Cilium's host and remote-node entities are the hostNetwork pods. L7 rules (http, kafka, dns) leave their ports open at L4: flows they filter are reported as L7-filtered, not evaluated. toFQDNs, toServices and toGroups are not modelled.`,
  ];
}

/** Which revisions hold the Cilium policies that chose Cilium. */
function holders(ciliumPolicies: readonly boolean[]): string {
  if (ciliumPolicies.length === 2 && ciliumPolicies[0] !== ciliumPolicies[1]) {
    return `the ${ciliumPolicies[0] ? "base" : "head"} revision holds Cilium policies, and both revisions are read alike`;
  }
  return "the input holds Cilium policies";
}
