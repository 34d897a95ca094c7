// What a pull request does to one flow (DESIGN section 6, `diff --format json`).
import type { CiliumKind } from "../model/policy-names.js";
import type { L7Part } from "../reach/l7.js";
import type { AdminKind } from "../model/admin-policy.js";
import type { Endpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";

/** added: no connection at base; removed: none at head; changed: both, different. */
export type ChangeType = "added" | "removed" | "changed";

/**
 * allows: a rule lets the traffic through; isolates: a policy selects the pod for this direction,
 * so only its rules' traffic passes. (denies/passes belong to the admin tiers.)
 */
export type Effect = "allows" | "isolates" | "denies" | "passes";

/** For a rule of an admin-tier policy: the policy's kind, tier and priority, the rule's action as written. */
export interface AdminReason {
  readonly kind: AdminKind;
  readonly name: string;
  readonly tier: "Admin" | "Baseline";
  /** null: the BaselineAdminNetworkPolicy, which has none. */
  readonly priority: number | null;
  readonly action: "Accept" | "Allow" | "Deny" | "Pass";
  /** The rule's `name`, when it has one. */
  readonly ruleName: string | null;
}

export interface Reason {
  readonly side: "base" | "head";
  /** "namespace/name"; "Kind/name" for admin-tier policies, which have no namespace; Cilium's "namespace/name" or "name" (with `kind`). */
  readonly policy: string;
  /** "ingress[0]" / "egress[2]"; null when the policy as a whole is the reason (isolation). */
  readonly rule: string | null;
  /** The direction the policy or rule governs. */
  readonly direction: "ingress" | "egress";
  readonly file: string;
  readonly line: number;
  readonly effect: Effect;
  /** Set when the reason is an admin-tier rule. */
  readonly admin?: AdminReason;
  /** Set when the policy is one of Cilium's (its allow rules, and its deny rules with effect "denies"). */
  readonly kind?: CiliumKind;
  /** A Cilium rule's peers in its own words ("fromEntities world"). */
  readonly said?: string;
}

export interface Change {
  readonly type: ChangeType;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly base: ConnSet;
  readonly head: ConnSet;
  /** head minus base */
  readonly opened: ConnSet;
  /** base minus head */
  readonly closed: ConnSet;
  /** Set when a workload of the pair exists on one side only. */
  readonly endpoint: "added" | "removed" | null;
  readonly why: readonly Reason[];
  /** Cilium: the part of each side's connection that only rules with L7 filters allow; absent where neither side has any. */
  readonly l7?: { readonly base: L7Part | null; readonly head: L7Part | null };
}
