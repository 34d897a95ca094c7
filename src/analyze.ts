// The core's entry points: source files in, reports out. Pure: no I/O, no environment.
import { compareDiagnostics, type Diagnostic } from "./load/diagnostic.js";
import { loadSources, type Loaded } from "./load/load-sources.js";
import type { SourceFile } from "./load/source.js";
import type { PodEndpoint } from "./model/endpoint.js";
import { evaluate } from "./reach/evaluate.js";
import { unresolvedNamedPorts } from "./reach/named-port-notes.js";
import { expandFlows, type Flow } from "./reach/flows.js";
import { buildUniverse, type HostNetworkMode, type Side } from "./reach/universe.js";
import type { Endpoint } from "./model/endpoint.js";
import type { ReachJson } from "./report/reach-json.js";
import { reachJson } from "./render/reach-json.js";
import type { Change } from "./diff/change.js";
import { diffSides } from "./diff/compute.js";
import { policyTextChanges, type PolicyTextChange } from "./diff/policy-text.js";
import { defaultGateConfig, type GateConfig } from "./gate/config.js";
import { evaluateGate, type GateResult } from "./gate/gate.js";

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
    diagnostics: [...loaded.diagnostics, ...unresolvedNamedPorts(universe, side.policies)].sort(compareDiagnostics),
    skipped: loaded.skipped,
  };
}

export interface DiffOptions extends AnalyzeOptions {
  readonly gate?: GateConfig;
}

export interface DiffReport {
  /** The endpoints some change names. */
  readonly endpoints: readonly Endpoint[];
  /** Every endpoint of either side: to say "every pod of namespace N" only when it is true. */
  readonly universe: readonly Endpoint[];
  readonly changes: readonly Change[];
  readonly gate: GateResult;
  readonly gateConfig: GateConfig;
  /** Diagnostics of the head revision: what the pull request would merge. */
  readonly diagnostics: readonly Diagnostic[];
  readonly policyChanges: readonly PolicyTextChange[];
  readonly assumptions: readonly string[];
}

export function diff(baseFiles: readonly SourceFile[], headFiles: readonly SourceFile[], options: DiffOptions = {}): DiffReport {
  const base = loadSources(baseFiles);
  const head = loadSources(headFiles);
  const baseSide = sideOf(base);
  const headSide = sideOf(head);
  const result = diffSides(baseSide, headSide, { hostNetwork: options.hostNetwork });
  const gateConfig = options.gate ?? defaultGateConfig();
  const named = new Set(result.changes.flatMap((c) => [c.src.id, c.dst.id]));
  return {
    endpoints: result.endpoints.filter((e) => named.has(e.id)),
    universe: result.endpoints,
    changes: result.changes,
    gate: evaluateGate(result.changes, gateConfig),
    gateConfig,
    diagnostics: [...head.diagnostics].sort(compareDiagnostics),
    policyChanges: policyTextChanges(base.policyObjects, head.policyObjects, baseFiles, headFiles),
    assumptions: assumptions([baseSide, headSide], options),
  };
}

/** What every answer rests on, stated in the report rather than hidden. */
export function assumptions(sides: readonly Side[], options: AnalyzeOptions): string[] {
  const out = [
    "Workloads are the ones declared in the repository's manifests (--pods declared).",
    "ipBlocks match addresses outside the cluster only: pod IPs are not known before deployment, and CNIs differ on ipBlocks that cover pod or node addresses.",
  ];
  const undeclared = new Set<string>();
  for (const s of sides) for (const ns of s.namespaces.values()) if (ns.source === null) undeclared.add(ns.name);
  if (undeclared.size > 0) {
    out.push(`Namespaces without a manifest (${[...undeclared].sort().join(", ")}) carry only the kubernetes.io/metadata.name label.`);
  }
  const hostNet = new Set<string>();
  for (const s of sides) for (const p of s.pods) if (p.pod.hostNetwork) hostNet.add(p.id);
  if (hostNet.size > 0) {
    out.push(
      (options.hostNetwork ?? "exempt") === "exempt"
        ? `hostNetwork workloads (${[...hostNet].sort().join(", ")}) use the node's network: no policy selects them and no pod selector matches them.`
        : `hostNetwork workloads (${[...hostNet].sort().join(", ")}) are treated as ordinary pods (--host-network pod).`,
    );
  }
  return out;
}

export function analyzeReach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachJson {
  return reachJson(reach(files, options));
}
