// Label selectors as plain data: matchLabels become `In [value]` requirements, all ANDed.
import type { Labels } from "./labels.js";

export type Requirement =
  | { readonly key: string; readonly op: "In" | "NotIn"; readonly values: readonly string[] }
  | { readonly key: string; readonly op: "Exists" | "DoesNotExist" };

export interface Selector {
  /** Empty: selects everything. */
  readonly requirements: readonly Requirement[];
}

export const SELECT_ALL: Selector = Object.freeze({ requirements: Object.freeze([]) });

export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case "In":
      return has && r.values.includes(labels[r.key]!);
    case "NotIn":
      // Kubernetes: NotIn matches when the key is absent.
      return !has || !r.values.includes(labels[r.key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}

export function selects(s: Selector, labels: Labels): boolean {
  return s.requirements.every((r) => requirementMatches(r, labels));
}
