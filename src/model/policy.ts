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
  | { readonly kind: "ipBlock"; readonly cidr: Cidr; readonly except: readonly Cidr[] };

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
}

export interface Policy {
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly subject: Selector;
  /** null: the policy does not isolate this direction (not in policyTypes). */
  readonly ingress: readonly Rule[] | null;
  readonly egress: readonly Rule[] | null;
  readonly source: SourceRef;
}

/** A field's position, for diagnostics raised after loading (resolving references between objects). */
export interface FieldRef extends SourceRef {
  readonly column: number;
}
