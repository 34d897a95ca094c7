// Which pod classes a pull request can have changed the rows of. Revisions evaluated with one
// Shared over one universe have equal rows for a class governed by the same policy objects
// (sameGoverning): only a policy that one revision holds and the other does not (a file the pull
// request touched) can make them differ, and only for the classes it selects.
import type { Shared, SidePolicies } from "./shared.js";
import type { Universe } from "./universe.js";
import { heldByOne } from "../model/revision-lists.js";

/** The classes that some policy of one side but not the other selects, NetworkPolicy or admin tier. */
export function changedSubjects(universe: Universe, shared: Shared, a: SidePolicies, b: SidePolicies): ReadonlySet<number> {
  const out = new Set<number>();
  const peers = shared.peers(universe);
  for (const p of heldByOne(a.policies, b.policies)) for (const c of shared.subjects(universe, p)) out.add(c);
  for (const p of heldByOne(a.adminPolicies, b.adminPolicies)) for (const c of peers.ofAdminSubject(p.subject)) out.add(c);
  return out;
}
