// What assertions are judged against: one revision's reachability over its nodes (pod classes,
// then external classes), the endpoints of each node, the ingress controller's flows (its
// exposures through routes), and what its namespaces and representatives are.
import type { Namespace } from "../model/cluster.js";
import type { Endpoint, IngressControllerEndpoint, PodEndpoint } from "../model/endpoint.js";
import type { ConnSet } from "../net/conn-set.js";
import type { Reachability } from "../reach/evaluate.js";
import type { RepresentativeScope } from "../synth/synthesize.js";

export interface AssertionView {
  readonly reach: Reachability;
  /** The side's pod endpoints (declared workloads and representatives), the ingress controller aside. */
  readonly pods: readonly PodEndpoint[];
  /** Pod endpoint id -> pod class (node) of the reachability. */
  readonly classOf: ReadonlyMap<string, number>;
  /** The ingress controller when some revision has routes; its flows are `controllerFlows`. */
  readonly controller?: IngressControllerEndpoint;
  readonly controllerFlows: readonly { readonly src: Endpoint; readonly dst: Endpoint; readonly conn: ConnSet }[];
  /** The side's namespaces, representative ones included; a namespace not here is known by its name alone. */
  readonly namespaces: ReadonlyMap<string, Namespace>;
  /** What each representative pod and namespace stands for. */
  readonly representatives: {
    scopeOf(podId: string): RepresentativeScope | undefined;
    namespaceScopeOf(name: string): RepresentativeScope | undefined;
  };
}
