// A NetworkPolicy after validation and defaulting: plain data, one evaluator reads it
// (src/reach). Nothing here refers back to YAML except the source positions for explanations.
import type { Cidr } from "../net/ip.js";
import type { Protocol } from "../net/protocol.js";
import type { Selector } from "./selector.js";

export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

export type Direction = "ingress" | "egress";

/** Which namespaces a pod peer reaches into. */
export type NamespaceMatch =
  | { readonly kind: "own" } // podSelector alone: the policy's namespace
  | { readonly kind: "selector"; readonly selector: Selector };

export type Peer =
  | { readonly kind: "pods"; readonly namespaces: NamespaceMatch; readonly pods: Selector }
  | { readonly kind: "ipBlock"; readonly cidr: Cidr; readonly except: readonly Cidr[] }
  /**
   * Cilium's `host` and `remote-node` entities (and `cluster`, `all`): hostNetwork pods, which
   * carry their node's identity. Which node a pod runs on is rarely known, so both match every one.
   */
  | { readonly kind: "hostNetwork" };

/** Who wrote a policy. Cilium's allow rules are read as NetworkPolicy rules are; its deny rules form the "deny" tier (admin-policy.ts). */
export type PolicyKind = "NetworkPolicy" | "CiliumNetworkPolicy" | "CiliumClusterwideNetworkPolicy";

/**
 * A Cilium L7 rule on a rule's ports: the port is reachable at L4, and the proxy then lets only
 * some requests through. `said`: the rule in short ("http GET /v1/.*", "dns *.example.com").
 */
export interface L7Filter {
  readonly protocol: "http" | "kafka" | "dns" | "l7proto";
  readonly said: string;
}

export type PortMatch =
  | { readonly kind: "all" } // protocol given, port omitted
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  | { readonly kind: "named"; readonly name: string };

export interface PortSpec {
  readonly protocol: Protocol;
  readonly port: PortMatch;
}

export interface Rule {
  readonly direction: Direction;
  readonly index: number;
  /** "any": `from`/`to` omitted or empty — every source or destination, external included. */
  readonly peers: readonly Peer[] | "any";
  /** "any": `ports` omitted or empty — every protocol and port. */
  readonly ports: readonly PortSpec[] | "any";
  readonly source: SourceRef;
  /**
   * Where the rule is in its object, as users find it: "specs[1].egress[0]", "ingress[2]";
   * undefined: `${direction}[${index}]`, as for NetworkPolicy.
   */
  readonly path?: string;
  /** The peers in words where the kind's own words differ ("fromEntities world"); undefined: as NetworkPolicy. */
  readonly said?: string;
  /** Cilium: L7 rules filter requests on these ports (never empty when set). */
  readonly l7?: readonly L7Filter[];
}

export interface Policy {
  /** "namespace/name"; Cilium's: "CiliumNetworkPolicy/namespace/name", "CiliumClusterwideNetworkPolicy/name". */
  readonly id: string;
  /** undefined: NetworkPolicy. */
  readonly kind?: PolicyKind;
  readonly namespace: string;
  readonly name: string;
  readonly subject: Selector;
  /**
   * CiliumClusterwideNetworkPolicy: the namespaces (by their labels) whose pods `subject` selects;
   * undefined: `namespace` alone. `namespace` is then "" and no peer is of kind "own".
   */
  readonly subjectNamespaces?: Selector;
  /**
   * Cilium `enableDefaultDeny` set false for a direction: its rules allow, without isolating the
   * pods they select. undefined: a non-null direction isolates, as NetworkPolicy's does.
   */
  readonly isolates?: { readonly ingress: boolean; readonly egress: boolean };
  /** null: the policy does not isolate this direction (not in policyTypes). */
  readonly ingress: readonly Rule[] | null;
  readonly egress: readonly Rule[] | null;
  readonly source: SourceRef;
}

/** A field's position, for diagnostics raised after loading (resolving references between objects). */
export interface FieldRef extends SourceRef {
  readonly column: number;
}
