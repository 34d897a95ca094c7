// Admin-tier policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy)
// apply across namespaces and outrank (or underlie) every namespace's own policies: a change to
// one is flagged next to the verdict even when it changes no flow today, since the next
// namespace or workload created falls under it.
import type { DiffReport } from "../analyze.js";
import type { PolicyTextChange } from "../diff/policy-text.js";

const MAX_LINES = 5;

/** "🌐 Cluster-wide: AdminNetworkPolicy `x` (priority 1) added — applies to every namespace; no flow changes today", one line each; undefined when none. */
export function clusterWideBlock(report: Pick<DiffReport, "policyChanges" | "changes" | "exposureChanges">, code: (text: string) => string): string | undefined {
  const admin = report.policyChanges.filter((p): p is PolicyTextChange & { admin: NonNullable<PolicyTextChange["admin"]> } => p.admin !== undefined && p.status !== "reformatted");
  if (admin.length === 0) return undefined;
  const named = new Set<string>();
  for (const list of [report.changes, report.exposureChanges]) for (const c of list) for (const r of c.why) named.add(r.policy);
  const lines = admin.slice(0, MAX_LINES).map((p) => {
    const a = p.admin;
    const priority = a.priority !== null ? ` (priority ${a.priority})` : "";
    const past = p.status === "removed";
    const scope =
      a.subject === "every-namespace" ? `${past ? "applied" : "applies"} to every namespace`
      : a.subject === "namespaces" ? `${past ? "applied" : "applies"} to the namespaces its subject selects`
      : a.subject === "pods" ? `${past ? "applied" : "applies"} to the pods its subject selects, in any namespace`
      : `${past ? "applied" : "applies"} across namespaces`;
    const effect = named.has(p.id) ? "changes flows listed below" : "no flow changes today";
    return `🌐 **Cluster-wide:** ${a.kind} ${code(a.name)}${priority} ${p.status} — ${scope}; ${effect}.`;
  });
  if (admin.length > MAX_LINES) lines.push(`… and ${admin.length - MAX_LINES} more admin-tier policy changes (see Policy changes).`);
  return lines.join("\n\n");
}
