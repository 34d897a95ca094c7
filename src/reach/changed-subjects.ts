// Which pod classes a pull request can have changed the rows of. Revisions evaluated with one
// Shared over one universe have equal rows for a class governed by the same policy objects
// (sameGoverning): only a policy that one revision holds and the other does not (a file the pull
// request touched) can make them differ, and only for the classes it selects.
import type { Shared, SidePolicies } from "./shared.js";
import type { Universe } from "./universe.js";

/** The classes that some policy of one side but not the other selects, NetworkPolicy or admin tier. */
export function changedSubjects(universe: Universe, shared: Shared, a: SidePolicies, b: SidePolicies): ReadonlySet<number> {
  const out = new Set<number>();
  const holds = (side: SidePolicies) => new Set<object>([...side.policies, ...side.adminPolicies]);
  const inA = holds(a);
  const inB = holds(b);
  const peers = shared.peers(universe);
  for (const [side, other] of [[a, inB], [b, inA]] as const) {
    for (const p of side.policies) if (!other.has(p)) for (const c of shared.subjects(universe, p)) out.add(c);
    for (const p of side.adminPolicies) if (!other.has(p)) for (const c of peers.ofAdminSubject(p.subject)) out.add(c);
  }
  return out;
}
