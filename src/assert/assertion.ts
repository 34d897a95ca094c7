// Assertions kept in `.netreach.yaml` (DESIGN section 4c): facts about who may reach whom that
// must hold at every revision. Plain data, read once from the configuration and then judged
// against any revision's reachability; nothing here knows how.
import type { Labels } from "../model/labels.js";
import type { ConnSet } from "../net/conn-set.js";

export const ASSERTION_TYPES = ["deny", "only", "allow", "isolated"] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

/** A label requirement as written: matchLabels meaning, value "*" = the key is present with any value. */
export type LabelSpec = Labels;

/**
 * One endpoint spec. A mapping's keys are ANDed; a list of specs (SpecList) is OR.
 * `cidr` is canonical (host bits masked).
 */
export type EndpointSpec =
  | { readonly kind: "internet" }
  | { readonly kind: "cidr"; readonly cidr: string }
  | { readonly kind: "any-pod" }
  | { readonly kind: "ingress-controller" }
  | {
      readonly kind: "pods";
      readonly namespace?: string;
      readonly namespaceLabels?: LabelSpec;
      readonly workload?: string;
      readonly workloadKind?: string;
      readonly labels?: LabelSpec;
    };

/** OR of its elements; never empty. */
export type SpecList = readonly EndpointSpec[];

/** Where an assertion (or a part of it) is written in `.netreach.yaml`. */
export interface AssertionSource {
  readonly file: string;
  readonly line: number;
}

interface Common {
  /** Unique in a configuration; letters, digits, `.`, `_`, `-`. */
  readonly name: string;
  /** Only these targets; null: every target. */
  readonly targets: readonly string[] | null;
  /** Violations present at the base fail the gate too. */
  readonly strict: boolean;
  readonly source: AssertionSource;
  /**
   * The assertion's meaning in one canonical line (keys sorted, defaults filled): two assertions
   * with the same name and the same `key` are the same assertion, whatever their layout.
   */
  readonly key: string;
}

export type Assertion =
  | (Common & { readonly type: "deny"; readonly from: SpecList; readonly to: SpecList; readonly ports: ConnSet | null })
  | (Common & { readonly type: "only"; readonly from: SpecList; readonly to: SpecList; readonly ports: ConnSet | null })
  | (Common & { readonly type: "allow"; readonly from: SpecList; readonly to: SpecList; readonly ports: ConnSet })
  | (Common & { readonly type: "isolated"; readonly namespaces: SpecList; readonly ports: ConnSet | null });

/** A pair (source endpoint id, destination endpoint id) with the connections that break the assertion. */
export interface AssertionViolation {
  readonly src: string;
  readonly dst: string;
  readonly conn: ConnSet;
}

export type AssertionStatus = "passed" | "failed" | "no-match";

/** An assertion judged at one revision. */
export interface AssertionResult {
  readonly assertion: Assertion;
  readonly status: AssertionStatus;
  /** Sorted by src, then dst. Empty unless `failed`. */
  readonly violations: readonly AssertionViolation[];
  /**
   * Added with the evaluator: set only when `violations` lists fewer than all (past the listing
   * limit, so that an assertion every pair breaks cannot exhaust memory): how many pairs break it.
   */
  readonly total?: number;
  /** Why it is `no-match` (which spec matched nothing), or other notes; empty when there is nothing to say. */
  readonly notes: readonly string[];
}

/** A violation at the head of a diff: `isNew` when the same pair did not violate the assertion at the base. */
export interface AssertionDiffViolation extends AssertionViolation {
  readonly isNew: boolean;
}

/** An assertion judged at the head of a diff, against the base. */
export interface AssertionDiff {
  readonly assertion: Assertion;
  readonly status: AssertionStatus;
  readonly baseStatus: AssertionStatus;
  /** New first, then existing; each part sorted by src, then dst. */
  readonly violations: readonly AssertionDiffViolation[];
  /** As AssertionResult.total: set only when `violations` lists fewer than all. */
  readonly total?: number;
  readonly notes: readonly string[];
  /** Where the assertion came from: the base's `.netreach.yaml`, or added by the pull request. */
  readonly origin: "base" | "head";
}
