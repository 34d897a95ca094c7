// Which pod classes a pull request can have changed the rows of. Revisions evaluated with one
// Shared over one universe have equal rows for a class governed by the same policy objects
// (sameGoverning): only a policy that one revision holds and the other does not (a file the pull
// request touched) can make them differ, and only for the classes it selects.
import type { Direction } from "../model/policy.js";
import type { Shared, SidePolicies } from "./shared.js";
import type { Universe } from "./universe.js";
import { heldByOne } from "../model/revision-lists.js";

/**
 * Per direction, the classes that some policy of one side but not the other selects and says
 * something of in that direction (NetworkPolicy or admin tier): a class's row in a direction is
 * made of the policies with rules (or isolation) there, so a policy changed only in its ingress
 * leaves its classes' egress rows alone, and they are not compared.
 */
export function changedSubjects(universe: Universe, shared: Shared, a: SidePolicies, b: SidePolicies): Readonly<Record<Direction, ReadonlySet<number>>> {
  const out = { ingress: new Set<number>(), egress: new Set<number>() };
  const peers = shared.peers(universe);
  for (const p of heldByOne(a.policies, b.policies)) {
    const subjects = shared.subjects(universe, p);
    for (const dir of DIRECTIONS) if (p[dir] !== null) for (const c of subjects) out[dir].add(c);
  }
  for (const p of heldByOne(a.adminPolicies, b.adminPolicies)) {
    const subjects = peers.ofAdminSubject(p.subject);
    for (const dir of DIRECTIONS) if (p[dir].length > 0) for (const c of subjects) out[dir].add(c);
  }
  return out;
}

const DIRECTIONS = ["ingress", "egress"] as const;
