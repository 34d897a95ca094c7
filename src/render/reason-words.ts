// A reason in plain words, shared by the Markdown and text renderers:
// "allowed by <policy rule>", "now selected by <policy> (isolates egress)", ...
import type { Change, Reason } from "../diff/change.js";
import type { WorkloadChange } from "../diff/workload-changes.js";

export interface ReasonWords {
  /** Words before the policy: "allowed by", "now selected by", ... */
  readonly before: string;
  /** Words after the policy and rule: "(isolates egress)", or "". */
  readonly after: string;
}

export function reasonWords(r: Reason): ReasonWords {
  const head = r.side === "head";
  switch (r.effect) {
    case "allows":
      return head ? { before: "allowed by", after: "" } : { before: "no longer allowed by", after: "" };
    case "isolates": {
      if (head) return { before: "now selected by", after: `(isolates ${r.direction})` };
      return { before: "no longer isolated by", after: `(${r.direction})` };
    }
    case "denies":
      return head ? { before: "denied by", after: "" } : { before: "no longer denied by", after: "" };
    case "passes":
      return head ? { before: "passed on by", after: "" } : { before: "no longer passed on by", after: "" };
  }
}

/**
 * What a reason names: "`backend/allow-db` ingress[0]", or for an admin-tier rule
 * "ClusterNetworkPolicy `tenant-isolation` (Admin, priority 10) ingress rule `deny-other-tenants`".
 * `code` and `text` escape for the output format.
 */
export function reasonName(r: Reason, code: (s: string) => string, text: (s: string) => string): string {
  const a = r.admin;
  // "denied by CiliumNetworkPolicy `shop/deny-world` ingressDeny[0] (fromEntities world)"
  if (r.kind !== undefined) return `${text(r.kind)} ${code(r.policy)}${r.rule ? ` ${text(r.rule)}` : ""}${r.said ? ` (${text(r.said)})` : ""}`;
  if (a === undefined) return `${code(r.policy)}${r.rule ? ` ${text(r.rule)}` : ""}`;
  const rank = a.priority === null ? a.tier : `${a.tier}, priority ${a.priority}`;
  const rule = a.ruleName !== null ? `${r.direction} rule ${code(a.ruleName)}` : text(r.rule ?? "");
  return `${text(a.kind)} ${code(a.name)} (${rank}) ${rule}`;
}

/** The sentence for an endpoint that exists on one side only. */
export function endpointNote(endpoint: Change["endpoint"]): string | null {
  if (endpoint === "added") return "involves a workload added in this change";
  if (endpoint === "removed") return "involves a workload removed in this change";
  return null;
}

/**
 * What an added or removed workload can do: "isolated — no ingress, no egress, no DNS".
 * `restricted` is the words for a direction that lets some traffic through.
 */
export function workloadWords(w: WorkloadChange, restricted: (direction: string) => string): string {
  if (w.change === "removed") return "its flows close with it";
  const state = (o: WorkloadChange["ingress"], d: string) => (o === "none" ? `no ${d}` : o === "all" ? `${d} open to everything` : restricted(d));
  const isolated = w.ingress === "none" && w.egress === "none" ? "isolated — " : "";
  return `${isolated}${state(w.ingress, "ingress")}, ${state(w.egress, "egress")}, ${w.dns ? "DNS allowed" : "no DNS"}`;
}
