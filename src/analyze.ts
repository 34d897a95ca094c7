// The core's entry points: source files in, reports out. Pure: no I/O, no environment.
import type { Change } from "./diff/change.js";
import { diffSides } from "./diff/compute.js";
import { policyTextChanges, type PolicyTextChange } from "./diff/policy-text.js";
import { workloadChanges, type WorkloadChange } from "./diff/workload-changes.js";
import { defaultGateConfig, type GateConfig } from "./gate/config.js";
import { evaluateGate, type GateResult } from "./gate/gate.js";
import { compareDiagnostics, type Diagnostic } from "./load/diagnostic.js";
import { defaultInputLimits, type InputLimits } from "./load/limits.js";
import { loadRevisions, loadSources, type Loaded } from "./load/load-sources.js";
import { namespaceOption } from "./load/namespace-option.js";
import type { SourceFile } from "./load/source.js";
import type { Namespace } from "./model/cluster.js";
import type { Endpoint } from "./model/endpoint.js";
import { evaluate } from "./reach/evaluate.js";
import { expandFlows, type Flow } from "./reach/flows.js";
import { unresolvedNamedPorts } from "./reach/named-port-notes.js";
import { buildUniverse, type HostNetworkMode, type Side } from "./reach/universe.js";
import { describeSkipped, reachJson } from "./render/reach-json.js";
import type { ReachJson } from "./report/reach-json.js";
import { sidePods, synthesize, type PodsMode, type Synthesis } from "./synth/synthesize.js";

export type { PodsMode } from "./synth/synthesize.js";

export interface AnalyzeOptions {
  /** Where pods come from (DESIGN section 4); default "auto". */
  readonly pods?: PodsMode;
  readonly hostNetwork?: HostNetworkMode;
  /**
   * As `kubectl apply -n`: objects without metadata.namespace go here, and objects naming another
   * namespace are refused. Unset: they go to `default` and any namespace is accepted.
   */
  readonly namespace?: string;
  /** Input past these is refused with LimitError (load/limits.ts); unset ones take the defaults. */
  readonly limits?: Partial<InputLimits>;
}

export interface ReachReport {
  readonly endpoints: readonly Endpoint[];
  readonly flows: readonly Flow[];
  readonly diagnostics: readonly Diagnostic[];
  readonly assumptions: readonly string[];
  readonly skipped: Loaded["skipped"];
}

/** Revisions analyzed together share their representative pods and namespaces. */
function buildSides(loaded: readonly Loaded[], mode: PodsMode): { sides: Side[]; synthesis: Synthesis } {
  const synthesis = synthesize(
    loaded.map((l) => l.cluster),
    mode,
  );
  const sides = loaded.map((l) => {
    const namespaces = new Map<string, Namespace>(l.cluster.namespaces);
    for (const ns of synthesis.namespaces) if (!namespaces.has(ns.name)) namespaces.set(ns.name, ns);
    return { namespaces, pods: sidePods(l.cluster, synthesis), policies: l.cluster.policies };
  });
  return { sides, synthesis };
}

export function reach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachReport {
  const limits = { ...defaultInputLimits, ...options.limits };
  const loaded = loadSources(files, namespaceOption(options.namespace), { limits });
  const { sides, synthesis } = buildSides([loaded], options.pods ?? "auto");
  const side = sides[0]!;
  const universe = buildUniverse([side], { hostNetwork: options.hostNetwork, maxPodClasses: limits.podClasses });
  const reachability = evaluate(universe, side.policies);
  return {
    endpoints: [...side.pods, ...universe.externals],
    flows: expandFlows(reachability, side.pods, universe.classOf[0]!),
    diagnostics: [...loaded.diagnostics, ...unresolvedNamedPorts(universe, side.policies)].sort(compareDiagnostics),
    assumptions: withSkipped([...assumptions(sides, synthesis, options), ...placedIn(loaded), ...exposureNotYet(loaded)], loaded.skipped),
    skipped: loaded.skipped,
  };
}

export function analyzeReach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachJson {
  return reachJson(reach(files, options));
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
  /** What the head revision held but was not analyzed. */
  readonly skipped: Loaded["skipped"];
  /** Declared workloads on one side only, with what each can do there. */
  readonly workloadChanges: readonly WorkloadChange[];
}

export function diff(baseFiles: readonly SourceFile[], headFiles: readonly SourceFile[], options: DiffOptions = {}): DiffReport {
  const namespace = namespaceOption(options.namespace);
  const limits = { ...defaultInputLimits, ...options.limits };
  const [base, head] = loadRevisions(baseFiles, headFiles, namespace, limits);
  const { sides, synthesis } = buildSides([base, head], options.pods ?? "auto");
  const result = diffSides(sides[0]!, sides[1]!, { hostNetwork: options.hostNetwork, maxPodClasses: limits.podClasses });
  const gateConfig = options.gate ?? defaultGateConfig();
  const named = new Set(result.changes.flatMap((c) => [c.src.id, c.dst.id]));
  return {
    endpoints: [...result.endpoints, ...result.changedExternals].filter((e) => named.has(e.id)),
    universe: result.endpoints,
    changes: result.changes,
    gate: evaluateGate(result.changes, gateConfig),
    gateConfig,
    diagnostics: [...head.diagnostics].sort(compareDiagnostics),
    policyChanges: policyTextChanges(base.policyObjects, head.policyObjects),
    assumptions: withSkipped([...assumptions(sides, synthesis, options), ...placedIn(head, base), ...exposureNotYet(head)], head.skipped),
    skipped: head.skipped,
    workloadChanges: workloadChanges(
      result.changes,
      result.endpoints,
      new Set(sides[0]!.pods.map((p) => p.id)),
      new Set(sides[1]!.pods.map((p) => p.id)),
    ),
  };
}

/**
 * Services and routes are read and validated, but what they expose is not reported yet: say so,
 * so that nobody takes the absence of exposure findings for a clean bill.
 */
function exposureNotYet(loaded: Loaded): string[] {
  const { services, routes } = loaded.cluster;
  if (services.length + routes.length === 0) return [];
  return [`Read and validated but not yet analyzed: ${services.length} Services and ${routes.length} routes (Ingress, Gateway API, OpenShift Route); ports they expose to outside traffic are not reported.`];
}

function withSkipped(said: string[], skipped: Loaded["skipped"]): string[] {
  const what = describeSkipped(skipped);
  return what === "" ? said : [...said, `Read but not analyzed: ${what}.`];
}

/**
 * Where objects without a namespace went: the report's ids rest on it, and the file does not say.
 * A diff counts the head revision's objects (what the pull request would merge).
 */
function placedIn(head: Loaded, base?: Loaded): string[] {
  const n = head.withoutNamespace;
  const m = base?.withoutNamespace ?? n;
  if (n === 0 && m === 0) return [];
  const ns = head.namespace;
  const count = `${n} object${n === 1 ? "" : "s"} without metadata.namespace${m !== n ? ` (${m} in the base revision)` : ""}`;
  const verb = n === 1 ? "is" : "are";
  return [
    ns.explicit
      ? `${count} ${verb} placed in namespace ${ns.name}, the one given (as kubectl apply -n ${ns.name} does).`
      : `${count} ${verb} placed in namespace ${ns.name} (as kubectl apply does without -n); pass --namespace (the Action's namespace input) to choose another.`,
  ];
}

/** What every answer rests on, stated in the report rather than hidden. */
function assumptions(sides: readonly Side[], synthesis: Synthesis, options: AnalyzeOptions): string[] {
  const mode = options.pods ?? "auto";
  const out: string[] = [];
  out.push(
    mode === "declared"
      ? "Pods are the workloads declared in the manifests (--pods declared)."
      : mode === "synthetic"
        ? "Pods are representatives built from the policies' selectors, besides the declared workloads (--pods synthetic)."
        : "Pods are the declared workloads; representatives built from the policies' selectors stand for the pods of namespaces without any, and for pods a selector names that no declared workload matches (--pods auto).",
  );
  out.push(...synthesis.notes);
  out.push("ipBlocks match addresses outside the cluster only: pod IPs are not known before deployment, and CNIs differ on ipBlocks that cover pod or node addresses.");
  const undeclared = new Set<string>();
  for (const s of sides) for (const ns of s.namespaces.values()) if (ns.source === null && !ns.name.startsWith("[")) undeclared.add(ns.name);
  if (undeclared.size > 0) {
    out.push(`Namespace labels unknown for namespaces without a manifest (${[...undeclared].sort().join(", ")}): only kubernetes.io/metadata.name is assumed.`);
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

/** The representative pods and namespaces netreach builds for these files (for tools and tests). */
export function representatives(files: readonly SourceFile[], mode: PodsMode = "synthetic"): Synthesis {
  return buildSides([loadSources(files, namespaceOption(undefined))], mode).synthesis;
}
