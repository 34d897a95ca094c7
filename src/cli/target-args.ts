// What the target flags (--kustomize, --helm, --target, --config, --no-discover) say, shared by
// every command's parser.

/** Which targets to analyze (see README, "Targets"). */
export interface TargetArgs {
  readonly kustomize: readonly string[];
  readonly helm: readonly string[];
  readonly names: readonly string[];
  /** --config FILE: a configuration on disk instead of the revisions' .netreach.yaml. */
  readonly config: string | null;
  /** --no-discover: analyze the paths as plain manifests, as before targets existed. */
  readonly discover: boolean;
}
