// What an answer with admin-tier policies rests on, for the report's assumptions: the readings
// netreach takes where the API leaves a choice, and the peers it cannot decide from manifests.
import { priorityTies } from "../load/admin/ties.js";
import type { AdminPolicy } from "../model/admin-policy.js";

/** What the input says of addresses: pods' IPs (status.podIP) and Nodes, in any revision. */
export interface KnownAddresses {
  readonly podIps: boolean;
  readonly nodes: boolean;
}

/** `revisions`: each revision's admin-tier policies (one for reach, base and head for a diff). */
export function adminAssumptions(revisions: readonly (readonly AdminPolicy[])[], known: KnownAddresses): string[] {
  const policies = revisions.flat();
  if (policies.length === 0) return [];
  const out = [
    "Admin-tier policies are evaluated per direction: admin rules by priority, then rule order, the first match accepting, denying or passing; then NetworkPolicy for pods it isolates in that direction; then the baseline tier; else allowed. An egress Accept or Allow does not override the destination's ingress policies (the ClusterNetworkPolicy reading).",
  ];
  if (policies.some((p) => p.ingress.length > 0)) {
    out.push("Admin-tier ingress rules match pods only (from: namespaces or pods): traffic from outside the cluster and from nodes is matched by none of them, so an admin Deny does not stop it; NetworkPolicy ipBlocks and the baseline's absence decide it.");
  }
  const peers = new Set(policies.flatMap((p) => [...p.ingress, ...p.egress]).flatMap((r) => r.peers.map((peer) => peer.kind)));
  if (peers.has("networks")) {
    out.push(
      known.podIps
        ? "networks peers match outside addresses and the pods whose IPs the input gives (status.podIP), when all of a workload's pods are inside; pods without a known IP are matched by none."
        : "networks peers match addresses outside the cluster only: the input gives no pod IPs (status.podIP), so a networks rule that covers them (0.0.0.0/0, say) is not applied to traffic between pods.",
    );
  }
  if (peers.has("nodes")) {
    out.push(
      known.nodes
        ? "nodes peers match the hostNetwork pods on the Nodes they select (by spec.nodeName); node addresses themselves are not endpoints of this report."
        : "nodes peers match nothing here: the input declares no Nodes.",
    );
  }
  if (peers.has("domainNames")) out.push("domainNames peers match nothing here: the addresses a name resolves to are known only at run time.");
  // The ties the loader warns about: same tier and priority, and an order that can matter.
  const tied = new Set(revisions.flatMap((r) => priorityTies(r).map((t) => `${t.first.id} and ${t.later.id}`)));
  if (tied.size > 0) {
    out.push(`Policies of one tier with the same priority (${[...tied].slice(0, 3).join("; ")}${tied.size > 3 ? `; ${tied.size - 3} more` : ""}) are consulted in order of name, then kind: upstream leaves their order undefined.`);
  }
  return out;
}
