// A v1 Node as admin-tier `nodes` peers see it: its labels select it, its addresses
// (status.addresses) and the hostNetwork pods on it are what such a peer matches.
import type { IpAddress } from "../net/ip.js";
import type { Labels } from "./labels.js";
import type { SourceRef } from "./policy.js";

export interface NodeAddress {
  /** InternalIP, ExternalIP (or any type the input gives whose value is an IP address). */
  readonly type: string;
  readonly address: IpAddress;
}

export interface Node {
  readonly name: string;
  readonly labels: Labels;
  /** Only the entries that are IP addresses: Hostname and DNS entries name no address of their own. */
  readonly addresses: readonly NodeAddress[];
  readonly source: SourceRef;
}
