// A target: one cluster to analyze, and how its manifests are had at a revision (DESIGN
// section 2): plain paths read as they are, a Kustomize directory built, or a Helm chart
// rendered with values files (and inline values from an Argo CD or Flux object).
import type { PodsMode } from "../analyze.js";
import type { CniChoice } from "../load/cni-option.js";
import type { GateRule } from "../gate/config.js";

export type TargetSource =
  /** Repository-relative paths; none = the whole repository. `exclude`: directories other targets build. */
  | { readonly kind: "paths"; readonly paths: readonly string[]; readonly exclude?: readonly string[] }
  | { readonly kind: "kustomize"; readonly dir: string }
  | {
      readonly kind: "helm";
      readonly chart: string;
      /** Repository-relative values files, in order. */
      readonly values: readonly string[];
      /** Inline values (YAML), applied after the files (Argo CD `helm.values`, Flux `spec.values`). */
      readonly inlineValues?: string;
      readonly release: string;
    };

/** Where a target was defined, for the report. */
export type TargetOrigin = "config" | "flag" | "discovered" | "argocd" | "flux";

export interface Target {
  /** Unique among the run's targets; what `--target` selects and the comment shows. */
  readonly name: string;
  readonly source: TargetSource;
  readonly origin: TargetOrigin;
  /**
   * Plain and kustomize targets: as kubectl apply -n (objects naming another are refused). Helm:
   * the release namespace, where objects naming none go (others are accepted, as helm does).
   */
  readonly namespace?: string;
  readonly pods?: PodsMode;
  /** The cluster's CNI and Cilium's cluster name (`cni`, `cilium-cluster`): before the run's. */
  readonly cni?: CniChoice;
  readonly ciliumCluster?: string;
  readonly failOn?: readonly GateRule[];
  /** The file (and line) that defined it: `.netreach.yaml`, an Argo CD Application. */
  readonly definedIn?: { readonly file: string; readonly line: number };
  /**
   * How the base revision built it, when the pull request's `.netreach.yaml` redefines a target of
   * the base's: the base side is built from this, the head side from `source`.
   */
  readonly baseSource?: TargetSource;
  /**
   * Defined by the pull request itself (its `.netreach.yaml` adds it): its own `fail-on` can only
   * add to the run's, never replace it (DESIGN section 4b).
   */
  readonly fromHead?: boolean;
  /** Why it cannot be built at any revision (a path that leaves the repository): it is reported as not analyzed. */
  readonly invalid?: string;
}

/** "kustomize deploy/overlays/prod", "helm charts/web (values-prod.yaml)", "paths k8s". */
export function describeSource(s: TargetSource): string {
  switch (s.kind) {
    case "paths":
      return `paths ${s.paths.length === 0 ? "." : s.paths.join(", ")}`;
    case "kustomize":
      return `kustomize ${s.dir || "."}`;
    case "helm": {
      const vals = [...s.values.map((v) => v.split("/").pop()!), ...(s.inlineValues !== undefined ? ["inline values"] : [])];
      return `helm ${s.chart || "."}${vals.length > 0 ? ` (${vals.join(", ")})` : ""}`;
    }
  }
}

/** The source a target is built from at a revision. */
export function sourceAt(t: Target, side: "base" | "head"): TargetSource {
  return side === "base" && t.baseSource !== undefined ? t.baseSource : t.source;
}

/** Two targets that would build the same thing (inline values aside, which differ by definition). */
export function sameSource(a: TargetSource, b: TargetSource): boolean {
  if (a.kind === "kustomize" && b.kind === "kustomize") return a.dir === b.dir;
  if (a.kind === "helm" && b.kind === "helm")
    return a.chart === b.chart && a.inlineValues === b.inlineValues && a.values.join("\n") === b.values.join("\n");
  if (a.kind === "paths" && b.kind === "paths") return a.paths.join("\n") === b.paths.join("\n");
  return false;
}
