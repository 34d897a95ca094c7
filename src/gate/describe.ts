import type { Violation } from "./gate.js";

const WHAT: Record<Violation["rule"], string> = {
  exposed: "newly exposed outside the cluster",
  "external-ingress": "newly reachable from outside the cluster",
  "external-egress": "newly allowed to reach outside the cluster",
  "cross-namespace": "newly reachable across namespaces",
  "sensitive-ports": "newly reachable on a sensitive port",
  "any-opened": "newly opened",
};

/**
 * A broken rule in a sentence, from words the caller chose for the source, destination and
 * connections (ids and the canonical form for JSON and logs; grouped words for a comment).
 */
export function describeRule(rule: Violation["rule"], src: string, dst: string, conn: string): string {
  if (rule === "external-egress") return `${src} ${WHAT[rule]}: ${dst} ${conn} (${rule})`;
  return `${dst} ${conn} ${WHAT[rule]}: from ${src} (${rule})`;
}

/** "backend/db[StatefulSet] TCP 5432 newly reachable from outside the cluster: from 0.0.0.0/0 (external-ingress)" — plain text, escape before Markdown. */
export function describeViolation(v: Violation): string {
  return describeRule(v.rule, v.change.src.id, v.change.dst.id, v.conn.toString());
}
