// Which network plugin enforces policy in the cluster analyzed. It changes what pods look like to
// selectors (Cilium gives every pod labels of its own) and whether Cilium's policies apply at all.

/** As given: --cni / input `cni`. "auto": Cilium when either revision holds a Cilium policy. */
export type CniChoice = "auto" | "cilium" | "generic";

/** As decided for one run; both revisions of a diff are read with the same one. */
export type Cni =
  | { readonly kind: "generic" }
  /** `cluster`: the io.cilium.k8s.policy.cluster label every pod carries (Cilium's cluster-name). */
  | { readonly kind: "cilium"; readonly cluster: string };

export const GENERIC: Cni = Object.freeze({ kind: "generic" });
export const DEFAULT_CILIUM_CLUSTER = "default";

export function isCniChoice(text: string): text is CniChoice {
  return text === "auto" || text === "cilium" || text === "generic";
}

/** Whether an object is a Cilium policy: what "auto" looks for. */
export function isCiliumPolicyKind(obj: { readonly apiVersion: string; readonly kind: string }): boolean {
  return obj.apiVersion.startsWith("cilium.io/") && (obj.kind === "CiliumNetworkPolicy" || obj.kind === "CiliumClusterwideNetworkPolicy");
}

/** The CNI of a run: "auto" is Cilium when the input (either revision of a diff) holds a Cilium policy. */
export function decideCni(choice: CniChoice, cluster: string | undefined, holdsCilium: boolean): Cni {
  const cilium = choice === "cilium" || (choice === "auto" && holdsCilium);
  return cilium ? { kind: "cilium", cluster: cluster ?? DEFAULT_CILIUM_CLUSTER } : GENERIC;
}
