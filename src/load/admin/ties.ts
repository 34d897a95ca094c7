// Two admin-tier policies of one tier at one priority whose subjects can select the same pod:
// upstream leaves their order undefined ("the implementation can apply any of the matching
// policies", SEMANTICS 8.1) and does not validate it. netreach reads them in adminOrder (name,
// then kind) and says so, naming both, so that a reviewer knows the answer rests on a reading.
import { adminOrder, type AdminPolicy } from "../../model/admin-policy.js";
import type { Selector } from "../../model/selector.js";
import { combinations } from "../../synth/combinations.js";
import { diagnostic, type Diagnostic } from "../object/diagnostic.js";

/** One tie that matters: `first` is read before `later`, and both have rules of `directions`. */
export interface PriorityTie {
  readonly first: AdminPolicy;
  readonly later: AdminPolicy;
  readonly directions: readonly string[];
}

/** The ties whose order can change an answer: same tier and priority, overlapping subjects, rules of one direction. */
export function priorityTies(policies: readonly AdminPolicy[]): PriorityTie[] {
  const groups = new Map<string, AdminPolicy[]>();
  for (const p of policies) {
    // The BaselineAdminNetworkPolicy has no priority and is a singleton: it ties with nothing.
    if (p.priority === null) continue;
    const key = `${p.tier}/${p.priority}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const out: PriorityTie[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort(adminOrder);
    for (let j = 1; j < sorted.length; j++) {
      const later = sorted[j]!;
      for (let i = 0; i < j; i++) {
        const first = sorted[i]!;
        const directions = sharedDirections(first, later);
        if (directions.length > 0 && subjectsCanOverlap(first, later)) out.push({ first, later, directions });
      }
    }
  }
  return out;
}

export function adminPriorityTies(policies: readonly AdminPolicy[]): Diagnostic[] {
  return priorityTies(policies).map(({ first, later, directions }) =>
    diagnostic("warning", later.source.file, { line: later.source.line, column: 1 },
      `${later.kind} ${later.name} and ${first.kind} ${first.name} (${first.source.file}:${first.source.line}) are both ${later.tier}-tier policies at priority ${later.priority}, ` +
        `their subjects can select the same pods and both have ${directions.join(" and ")} rules: upstream leaves their order undefined (an implementation may apply either). ` +
        `netreach reads ${first.kind} ${first.name} first (equal priorities are ordered by name, then kind); give them different priorities to make the order certain`),
  );
}

function sharedDirections(a: AdminPolicy, b: AdminPolicy): string[] {
  const out: string[] = [];
  if (a.ingress.length > 0 && b.ingress.length > 0) out.push("ingress");
  if (a.egress.length > 0 && b.egress.length > 0) out.push("egress");
  return out;
}

function subjectsCanOverlap(a: AdminPolicy, b: AdminPolicy): boolean {
  return bothSatisfiable(a.subject.namespaces, b.subject.namespaces) && bothSatisfiable(a.subject.pods, b.subject.pods);
}

/** Some label set satisfies both selectors (too many combinations to tell: assume so). */
function bothSatisfiable(a: Selector, b: Selector): boolean {
  const combos = combinations([a, b], { bound: 16 });
  return combos === undefined || combos.some((c) => c.satisfied.length === 2);
}
