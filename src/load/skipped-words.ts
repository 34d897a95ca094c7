// What was read but not analyzed, in words: part of every report's assumptions.
import type { Loaded } from "./load-sources.js";

/** "3 documents that are not Kubernetes objects; 5 objects of kinds not analyzed (ConfigMap 2, Service 3)" or "". */
export function describeSkipped(s: Loaded["skipped"]): string {
  const parts: string[] = [];
  if (s.documents > 0) parts.push(`${s.documents} document${s.documents === 1 ? "" : "s"} that ${s.documents === 1 ? "is" : "are"} not a Kubernetes object`);
  const total = [...s.kinds.values()].reduce((a, b) => a + b, 0);
  if (total > 0) {
    const kinds = [...s.kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k} ${n}`);
    parts.push(`${total} object${total === 1 ? "" : "s"} of kinds not analyzed (${kinds.join(", ")})`);
  }
  return parts.join("; ");
}
