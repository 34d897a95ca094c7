// What every command's parser shares: reading `--flag value`, `--flag=value` and `--`, and the
// flags that mean the same to every command (where pods come from, the namespace, the ingress
// controller, the targets).
import type { PodsMode } from "../analyze.js";
import { parseIngressController } from "../exposure/controller.js";
import { UsageError } from "../files/usage-error.js";
import { isDnsLabel, quoted, RULE_TEXT } from "../load/object/object-meta.js";
import type { IngressController } from "../model/endpoint.js";
import type { HostNetworkMode } from "../reach/universe.js";
import type { CniChoice } from "../load/cni-option.js";
import { ciliumClusterProblem } from "../load/cni-decision.js";
import type { TargetArgs } from "./target-args.js";

export const PODS_MODES: readonly PodsMode[] = ["auto", "declared", "synthetic"];
export const HOST_NETWORK_MODES: readonly HostNetworkMode[] = ["exempt", "pod"];
export const CNI_CHOICES: readonly CniChoice[] = ["auto", "cilium", "generic"];

/**
 * Walks the arguments: `handle` takes each flag (its value read on demand) and says whether it
 * knew it; an unknown one is a usage error. Arguments after `--` are kept apart.
 */
export function readFlags(cmd: string, rest: readonly string[], handle: (flag: string, value: () => string) => boolean): { positional: string[]; afterDashes: string[]; dashes: boolean } {
  const positional: string[] = [];
  const afterDashes: string[] = [];
  let dashes = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (dashes) {
      afterDashes.push(arg);
      continue;
    }
    // --flag=value, and -n=NS as kubectl (pflag) also reads it.
    const eq = arg.startsWith("--") || arg.startsWith("-n=") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--") dashes = true;
    else if (handle(flag, value)) continue;
    // "-" alone is no flag.
    else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown option "${flag}" for ${cmd}`);
    else positional.push(arg);
  }
  return { positional, afterDashes, dashes };
}

/** The flags every command reads alike, as they stand once read. */
export interface SharedFlags {
  pods: PodsMode;
  hostNetwork: HostNetworkMode;
  namespace: string | undefined;
  ingressController: IngressController | undefined;
  /** --cni: the cluster's CNI; "auto" (the default) is Cilium when the input holds Cilium policies. */
  cni: CniChoice;
  /** --cilium-cluster: Cilium's cluster-name, which every pod carries as a label; undefined: "default". */
  ciliumCluster: string | undefined;
  readonly targets: { kustomize: string[]; helm: string[]; names: string[]; config: string | null; discover: boolean };
}

export function sharedFlags(): SharedFlags {
  return { pods: "auto", hostNetwork: "exempt", namespace: undefined, ingressController: undefined, cni: "auto", ciliumCluster: undefined, targets: { kustomize: [], helm: [], names: [], config: null, discover: true } };
}

/** Reads one of the shared flags into `s`; false when `flag` is none of them. */
export function sharedFlag(s: SharedFlags, flag: string, value: () => string): boolean {
  const t = s.targets;
  if (flag === "--pods") s.pods = oneOf(flag, value(), PODS_MODES);
  else if (flag === "--host-network") s.hostNetwork = oneOf(flag, value(), HOST_NETWORK_MODES);
  else if (flag === "--namespace" || flag === "-n") s.namespace = namespaceName(flag, value());
  else if (flag === "--ingress-controller") {
    const c = parseIngressController(value());
    if (!c.ok) throw new UsageError(`--${c.error}`);
    s.ingressController = c.value;
  } else if (flag === "--cni") s.cni = oneOf(flag, value(), CNI_CHOICES);
  else if (flag === "--cilium-cluster") s.ciliumCluster = ciliumClusterName(flag, value());
  else if (flag === "--kustomize") t.kustomize.push(value());
  else if (flag === "--helm") t.helm.push(value());
  else if (flag === "--target") t.names.push(value());
  else if (flag === "--config") t.config = value();
  else if (flag === "--no-discover") t.discover = false;
  else return false;
  return true;
}

export function targetArgs(s: SharedFlags): TargetArgs {
  return { ...s.targets };
}

/**
 * The CNI options as read, once every flag is: a cluster name says the cluster runs Cilium, so
 * it does not go with --cni generic (it would be ignored without a word).
 */
export function cniFlags(s: SharedFlags): { cni: CniChoice; ciliumCluster: string | undefined } {
  if (s.cni === "generic" && s.ciliumCluster !== undefined) throw new UsageError("--cilium-cluster names the cluster of a Cilium cluster: it does not go with --cni generic");
  return { cni: s.cni, ciliumCluster: s.ciliumCluster };
}

/** --threads N: reach, diff and check read large inputs on N threads (workers/read-pool.ts). */
export function threadCount(flag: string, v: string): number {
  if (!/^[1-9][0-9]{0,2}$/.test(v)) throw new UsageError(`${flag} must be a whole number from 1 to 999, not ${quoted(v)}`);
  return Number(v);
}

function ciliumClusterName(flag: string, v: string): string {
  const problem = ciliumClusterProblem(v);
  if (problem !== undefined) throw new UsageError(`${flag} ${quoted(v)} is not a valid Cilium cluster name: ${problem}`);
  return v;
}

/** A namespace name as the API server accepts it: kubectl would fail on any other, and so do we. */
function namespaceName(flag: string, v: string): string {
  if (!isDnsLabel(v)) {
    throw new UsageError(`${flag} ${quoted(v)} is not a valid namespace name: it must be ${RULE_TEXT["dns-label"]}`);
  }
  return v;
}

export function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${v}"`);
  return v as T;
}
