// Gateway API Gateways (where outside traffic enters) and ReferenceGrants (which cross-namespace
// references a namespace admits), as plain data.
import type { Selector } from "./selector.js";
import type { SourceRef } from "./policy.js";

export interface Listener {
  readonly name: string;
  readonly port: number;
  /** HTTP, HTTPS, TLS, TCP, UDP, or an implementation's own (a domain-prefixed name). */
  readonly protocol: string;
  readonly hostname: string | undefined;
  /** Which namespaces' routes may attach: the Gateway's own (Same, the default), All, or those a selector picks. */
  readonly allowedNamespaces: { readonly from: "Same" | "All" } | { readonly from: "Selector"; readonly selector: Selector };
}

export interface Gateway {
  /** "namespace/name" */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly gatewayClassName: string;
  readonly listeners: readonly Listener[];
  readonly source: SourceRef;
}

export interface ReferenceGrant {
  readonly namespace: string;
  readonly name: string;
  readonly from: readonly { readonly group: string; readonly kind: string; readonly namespace: string }[];
  /** `name` undefined: every object of the group and kind in the grant's namespace. */
  readonly to: readonly { readonly group: string; readonly kind: string; readonly name: string | undefined }[];
  readonly source: SourceRef;
}
