// The CNI options a target is analyzed with: its own (from the base's `.netreach.yaml`, DESIGN
// section 4b) before the run's (--cni, --cilium-cluster; the Action's inputs), as for `pods`.
import type { AnalyzeOptions } from "../analyze.js";
import type { CniChoice } from "../load/cni-option.js";

export interface CniOptions {
  readonly cni?: CniChoice;
  readonly ciliumCluster?: string;
}

export function cniOptions(target: CniOptions | undefined, run: CniOptions): Pick<AnalyzeOptions, "cni" | "ciliumCluster"> {
  const cni = target?.cni ?? run.cni;
  const ciliumCluster = target?.ciliumCluster ?? run.ciliumCluster;
  return { ...(cni !== undefined ? { cni } : {}), ...(ciliumCluster !== undefined ? { ciliumCluster } : {}) };
}
