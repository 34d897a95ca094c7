// Which CNI a run is analyzed for (cni-option.ts), decided once for every revision it reads: a
// diff whose head adds the first Cilium policy must read its base as Cilium too, or pods would
// gain Cilium's labels between the sides and every selector naming them would look changed.
import { decideCni, isCiliumPolicyKind, type Cni, type CniChoice } from "./cni-option.js";
import { labelValueProblem } from "./object/label-syntax.js";
import type { KubeObject } from "./object/source.js";

/** What the user asked for: --cni and --cilium-cluster (the Action's cni and cilium-cluster inputs). */
export interface CniSetting {
  readonly choice: CniChoice;
  /** Cilium's cluster-name; unset: DEFAULT_CILIUM_CLUSTER. */
  readonly cluster?: string;
}

export const AUTO: CniSetting = Object.freeze({ choice: "auto" });

/** How the run's CNI was decided: the report states it (analyze.ts). */
export interface CniDecision {
  readonly cni: Cni;
  readonly choice: CniChoice;
  /** Per revision read (one for reach, base then head for a diff): whether it holds a Cilium policy. */
  readonly ciliumPolicies: readonly boolean[];
}

/** "auto": Cilium when any revision holds a Cilium policy, for all of them alike. */
export function decideRunCni(setting: CniSetting, revisions: readonly (readonly KubeObject[])[]): CniDecision {
  const ciliumPolicies = revisions.map((objects) => objects.some(isCiliumPolicyKind));
  return { cni: decideCni(setting.choice, setting.cluster, ciliumPolicies.some((x) => x)), choice: setting.choice, ciliumPolicies };
}

/**
 * Why `name` cannot be Cilium's cluster-name, or undefined when it can: every pod carries it as
 * the value of label io.cilium.k8s.policy.cluster, so it must be a label value (and not empty).
 */
export function ciliumClusterProblem(name: string): string | undefined {
  if (name === "") return "the cluster name is empty";
  const p = labelValueProblem(name);
  return p === undefined ? undefined : `pods carry it as a label value: ${p}`;
}
