// The core's entry points: source files in, reports out. Pure: no I/O, no environment.
import { compareDiagnostics, type Diagnostic } from "./load/diagnostic.js";
import { loadSources, type Loaded } from "./load/load-sources.js";
import type { SourceFile } from "./load/source.js";
import type { PodEndpoint } from "./model/endpoint.js";
import { evaluate } from "./reach/evaluate.js";
import { expandFlows, type Flow } from "./reach/flows.js";
import { buildUniverse, type HostNetworkMode, type Side } from "./reach/universe.js";
import type { Endpoint } from "./model/endpoint.js";
import type { ReachJson } from "./report/reach-json.js";
import { reachJson } from "./render/reach-json.js";

/** Where endpoints come from (DESIGN section 4). */
export type PodsMode = "declared" | "auto" | "synthetic";

export interface AnalyzeOptions {
  readonly pods?: PodsMode;
  readonly hostNetwork?: HostNetworkMode;
}

export interface ReachReport {
  readonly endpoints: readonly Endpoint[];
  readonly flows: readonly Flow[];
  readonly diagnostics: readonly Diagnostic[];
  readonly skipped: Loaded["skipped"];
}

export function sideOf(loaded: Loaded): Side {
  const pods: PodEndpoint[] = loaded.cluster.workloads.map((w) => ({ type: "workload", id: w.id, pod: w }));
  return { namespaces: loaded.cluster.namespaces, pods, policies: loaded.cluster.policies };
}

export function reach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachReport {
  void options.pods;
  const loaded = loadSources(files);
  const side = sideOf(loaded);
  const universe = buildUniverse([side], { hostNetwork: options.hostNetwork });
  const reachability = evaluate(universe, side.policies);
  const flows = expandFlows(reachability, side.pods, universe.classOf[0]!);
  return {
    endpoints: [...side.pods, ...universe.externals],
    flows,
    diagnostics: [...loaded.diagnostics].sort(compareDiagnostics),
    skipped: loaded.skipped,
  };
}

export function analyzeReach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachJson {
  return reachJson(reach(files, options));
}
