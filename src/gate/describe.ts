import type { Violation } from "./gate.js";

const WHAT: Record<Violation["rule"], string> = {
  "external-ingress": "newly reachable from outside the cluster",
  "external-egress": "newly allowed to reach outside the cluster",
  "cross-namespace": "newly reachable across namespaces",
  "sensitive-ports": "newly reachable on a sensitive port",
  "any-opened": "newly opened",
};

/** "backend/db[StatefulSet] TCP 5432 newly reachable from 0.0.0.0/0 (external-ingress)" — plain text, escape before Markdown. */
export function describeViolation(v: Violation): string {
  const c = v.change;
  if (v.rule === "external-egress") return `${c.src.id} ${WHAT[v.rule]}: ${c.dst.id} ${v.conn.toString()} (${v.rule})`;
  return `${c.dst.id} ${v.conn.toString()} ${WHAT[v.rule]}: from ${c.src.id} (${v.rule})`;
}
