// Admin-tier policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy)
// apply across namespaces and outrank (or underlie) every namespace's own policies: a change to
// one is flagged next to the verdict even when it changes no flow today, since the next
// namespace or workload created falls under it. The same facts go to the JSON report
// (`clusterWide`) and SARIF (a note at the policy's line).
import type { DiffReport } from "../analyze.js";
import type { AdminTextInfo, PolicyTextChange } from "../diff/policy-text.js";

const MAX_LINES = 5;

/** One changed admin-tier policy, as the comment flags it. */
export interface ClusterWideChange {
  /** The policy change's id ("AdminNetworkPolicy/name"). */
  readonly policy: string;
  readonly kind: string;
  readonly name: string;
  readonly tier: AdminTextInfo["tier"];
  readonly priority: number | null;
  /** Whom its subject selects. */
  readonly subject: AdminTextInfo["subject"];
  /** Where it is: at the head; for a removed one, at the base. */
  readonly file: string;
  readonly line: number;
  readonly change: "added" | "removed" | "modified";
  /** Whether some flow or exposure change of this report names it as a reason. */
  readonly changesFlows: boolean;
}

/** The report's changed admin-tier policies (reformatted ones aside), in policy-change order. */
export function clusterWideChanges(report: Pick<DiffReport, "policyChanges" | "changes" | "exposureChanges">): ClusterWideChange[] {
  const admin = report.policyChanges.filter((p): p is PolicyTextChange & { admin: AdminTextInfo; status: "added" | "removed" | "modified" } => p.admin !== undefined && p.status !== "reformatted");
  if (admin.length === 0) return [];
  const named = new Set<string>();
  for (const list of [report.changes, report.exposureChanges]) for (const c of list) for (const r of c.why) named.add(r.policy);
  return admin.map((p) => ({
    policy: p.id,
    kind: p.admin.kind,
    name: p.admin.name,
    tier: p.admin.tier,
    priority: p.admin.priority,
    subject: p.admin.subject,
    file: p.file,
    line: p.line,
    change: p.status,
    changesFlows: named.has(p.id),
  }));
}

/** "applies to every namespace", "applied to the pods its subject selects, in any namespace". */
export function scopeWords(c: ClusterWideChange): string {
  const verb = c.change === "removed" ? "applied" : "applies";
  switch (c.subject) {
    case "every-namespace":
      return `${verb} to every namespace`;
    case "namespaces":
      return `${verb} to the namespaces its subject selects`;
    case "pods":
      return `${verb} to the pods its subject selects, in any namespace`;
    default:
      return `${verb} across namespaces`;
  }
}

/**
 * " (priority 1)"; a ClusterNetworkPolicy's tier too, which its kind does not say: " (Baseline
 * tier, priority 40)".
 */
export function rankWords(c: ClusterWideChange): string {
  const parts = [...(c.kind === "ClusterNetworkPolicy" && c.tier !== null ? [`${c.tier} tier`] : []), ...(c.priority !== null ? [`priority ${c.priority}`] : [])];
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** "🌐 Cluster-wide: AdminNetworkPolicy `x` (priority 1) added — applies to every namespace; no flow changes today", one line each; undefined when none. */
export function clusterWideBlock(report: Pick<DiffReport, "policyChanges" | "changes" | "exposureChanges">, code: (text: string) => string): string | undefined {
  const all = clusterWideChanges(report);
  if (all.length === 0) return undefined;
  const lines = all.slice(0, MAX_LINES).map((c) => {
    const priority = rankWords(c);
    const effect = c.changesFlows ? "changes flows listed below" : "no flow changes today";
    return `🌐 **Cluster-wide:** ${c.kind} ${code(c.name)}${priority} ${c.change} — ${scopeWords(c)}; ${effect}.`;
  });
  if (all.length > MAX_LINES) lines.push(`… and ${all.length - MAX_LINES} more admin-tier policy changes (see Policy changes).`);
  return lines.join("\n\n");
}
