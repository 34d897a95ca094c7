// Objects that change what traffic flows but that netreach does not analyze (yet): skipping them
// silently would make a report look more certain than it is. A diff also lists the ones a pull
// request adds, removes or edits (DESIGN section 4b), and gate rule `unanalyzed` can fail on them.
import { diagnostic, type Diagnostic } from "./object/diagnostic.js";
import type { KubeObject } from "./object/source.js";

const CILIUM = "with --cni generic, Cilium policies are left out: the report is of a cluster that does not enforce them";
const CALICO = "Calico policies are evaluated together with NetworkPolicy";
const ISTIO_AUTHZ = "Istio authorization allows or denies requests on top of what the network allows";
const ISTIO_ROUTING = "Istio routing can expose workloads or send traffic elsewhere";
const LINKERD = "Linkerd authorization allows or denies requests on top of what the network allows";
const ANTREA = "Antrea policies are evaluated together with NetworkPolicy";

/** By API group (the apiVersion before "/"), then kind. */
const KINDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "cilium.io": {
    CiliumNetworkPolicy: CILIUM,
    CiliumClusterwideNetworkPolicy: CILIUM,
    CiliumCIDRGroup: "Cilium CIDR groups name addresses that Cilium policies allow or deny",
    CiliumEgressGatewayPolicy: "Cilium egress gateways change where traffic leaves the cluster",
  },
  "crd.projectcalico.org": { NetworkPolicy: CALICO, GlobalNetworkPolicy: CALICO, GlobalNetworkSet: CALICO, NetworkSet: CALICO },
  "projectcalico.org": { NetworkPolicy: CALICO, GlobalNetworkPolicy: CALICO, GlobalNetworkSet: CALICO, NetworkSet: CALICO, StagedNetworkPolicy: CALICO, StagedGlobalNetworkPolicy: CALICO },
  "security.istio.io": { AuthorizationPolicy: ISTIO_AUTHZ, PeerAuthentication: "Istio peer authentication can refuse plain-text traffic" },
  // Gateway, VirtualService and DestinationRule are read for exposure (src/load/istio).
  "networking.istio.io": { Sidecar: "Istio sidecars can limit what a workload reaches", ServiceEntry: ISTIO_ROUTING },
  "policy.linkerd.io": { Server: LINKERD, ServerAuthorization: LINKERD, AuthorizationPolicy: LINKERD, MeshTLSAuthentication: LINKERD, NetworkAuthentication: LINKERD },
  "crd.antrea.io": { NetworkPolicy: ANTREA, ClusterNetworkPolicy: ANTREA, Tier: ANTREA, ClusterGroup: ANTREA, Group: ANTREA },
  "security.antrea.tanzu.vmware.com": { NetworkPolicy: ANTREA, ClusterNetworkPolicy: ANTREA },
};

const group = (apiVersion: string) => (apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "");

/** Why an object of this kind matters to the network and is not analyzed; undefined for other kinds. */
export function unanalyzedReason(obj: Pick<KubeObject, "kind" | "apiVersion">): string | undefined {
  const known = KINDS[group(obj.apiVersion)]?.[obj.kind];
  if (known !== undefined) return known;
  // Read by the loader when it is networking.k8s.io/v1; any other NetworkPolicy is not.
  if (obj.kind === "NetworkPolicy") return `apiVersion ${obj.apiVersion} is not served by current clusters (use networking.k8s.io/v1)`;
  return undefined;
}

/** A warning for a policy-like object whose effect is not in the report; undefined for other kinds. */
export function unanalyzedPolicy(obj: KubeObject): Diagnostic | undefined {
  const why = unanalyzedReason(obj);
  if (why === undefined) return undefined;
  return diagnostic("warning", obj.file, obj.locate([]), `${obj.kind} (${obj.apiVersion}) is not analyzed: ${why}, so the flows in this report may differ from the cluster's`);
}
