// Command-line parsing for `netreach reach` and `netreach diff` (DESIGN section 6).
import type { PodsMode } from "../analyze.js";
import { parseFailOn, parseSensitivePorts, DEFAULT_SENSITIVE_PORTS, type GateConfig } from "../gate/config.js";
import { defaultInputLimits, LIMIT_OPTIONS, parseLimit, type InputLimits } from "../load/limits.js";
import { isDnsLabel, quoted, RULE_TEXT } from "../load/object-meta.js";
import type { HostNetworkMode } from "../reach/universe.js";
import { UsageError } from "./usage-error.js";

export const REACH_FORMATS = ["text", "json", "md", "csv"] as const;
export type ReachFormat = (typeof REACH_FORMATS)[number];
export const DIFF_FORMATS = ["md", "text", "json", "sarif"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
export const PODS_MODES: readonly PodsMode[] = ["auto", "declared", "synthetic"];
export const HOST_NETWORK_MODES: readonly HostNetworkMode[] = ["exempt", "pod"];

interface Common {
  /** --max-*: the limits the user raised or lowered (load/limits.ts). */
  readonly limits: Partial<InputLimits>;
  readonly pods: PodsMode;
  readonly hostNetwork: HostNetworkMode;
  /** -n: as kubectl apply -n; undefined when not given (objects without one go to `default`). */
  readonly namespace: string | undefined;
}

export type DiffSource =
  | { readonly kind: "paths"; readonly base: string; readonly head: string }
  | { readonly kind: "git"; readonly baseRev: string; readonly headRev: string | null; readonly pathspecs: readonly string[] };

export type Command =
  | { readonly command: "help" }
  | { readonly command: "version" }
  | (Common & { readonly command: "reach"; readonly paths: readonly string[]; readonly format: ReachFormat })
  | (Common & { readonly command: "diff"; readonly source: DiffSource; readonly format: DiffFormat; readonly gate: GateConfig; readonly output: string | null });

export const USAGE = `Usage:
  netreach reach <path>... [--format text|json|md|csv] [--pods auto|declared|synthetic] [-n NS]
  netreach diff <base> <head> [--format md|text|json|sarif] [--pods ...] [--fail-on ...] [-n NS]
  netreach diff --git <base-rev> [<head-rev>] [-- <pathspec>...]   (head default: working tree)

Options:
  --format F            output format (reach: text; diff: text)
  --pods M              where pods come from: auto (default), declared, synthetic
  --host-network M      exempt (default: policies do not apply to hostNetwork pods) or pod
  -n, --namespace NS    objects without metadata.namespace go to NS (default: default), and
                        objects naming another namespace are left out, as kubectl apply -n does
  --fail-on LIST        diff gate, comma list of: external-ingress (default), external-egress,
                        cross-namespace, sensitive-ports, any-opened, none
  --sensitive-ports P   ports for the sensitive-ports rule (default ${DEFAULT_SENSITIVE_PORTS})
  --output FILE         also write the JSON report to FILE (diff)
  --max-bytes N         refuse more than N bytes of manifests per revision (default 128MiB;
                        units KiB, MiB, GiB)
  --max-workloads N     refuse more than N workloads per revision (default ${defaultInputLimits.workloads})
  --max-policies N      refuse more than N NetworkPolicies per revision (default ${defaultInputLimits.policies})
  --max-pod-classes N   refuse more than N distinct pod classes (default ${defaultInputLimits.podClasses})

Exit codes: 0 ok, 1 the gate failed, 2 bad usage or invalid input.
`;

export function parseArgs(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") return { command: "help" };
  if (cmd === "--version" || cmd === "-v" || cmd === "version") return { command: "version" };
  if (cmd !== "reach" && cmd !== "diff") throw new UsageError(`unknown command "${cmd}"`);

  const positional: string[] = [];
  const afterDashes: string[] = [];
  let format: string | undefined;
  let pods: PodsMode = "auto";
  let hostNetwork: HostNetworkMode = "exempt";
  let namespace: string | undefined;
  let failOn = "";
  let sensitive = DEFAULT_SENSITIVE_PORTS;
  let git = false;
  let output: string | null = null;
  let dashes = false;
  const limits: Partial<Record<keyof InputLimits, number>> = {};
  const limitFlags = new Map(Object.entries(LIMIT_OPTIONS).map(([k, o]) => [o.flag, k as keyof InputLimits]));
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
    else if (flag === "--format") format = value();
    else if (flag === "--pods") pods = oneOf(flag, value(), PODS_MODES);
    else if (flag === "--host-network") hostNetwork = oneOf(flag, value(), HOST_NETWORK_MODES);
    else if (flag === "--namespace" || flag === "-n") namespace = namespaceName(flag, value());
    else if (flag === "--fail-on" && cmd === "diff") failOn = value();
    else if (flag === "--sensitive-ports" && cmd === "diff") sensitive = value();
    else if (flag === "--output" && cmd === "diff") output = value();
    else if (flag === "--git" && cmd === "diff") git = true;
    else if (limitFlags.has(flag)) {
      const limit = limitFlags.get(flag)!;
      const v = parseLimit(limit, value());
      if (!v.ok) throw new UsageError(v.error);
      limits[limit] = v.value;
    }
    else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown option "${flag}" for ${cmd}`);
    else positional.push(arg);
  }

  if (cmd === "reach") {
    const paths = [...positional, ...afterDashes];
    if (paths.length === 0) throw new UsageError("reach needs at least one file or directory");
    return { command: "reach", paths, format: oneOf("--format", format ?? "text", REACH_FORMATS), pods, hostNetwork, namespace, limits };
  }

  const f = parseFailOn(failOn);
  if (!f.ok) throw new UsageError(f.error);
  const s = parseSensitivePorts(sensitive);
  if (!s.ok) throw new UsageError(s.error);
  let source: DiffSource;
  if (git) {
    if (positional.length < 1 || positional.length > 2) throw new UsageError("diff --git needs <base-rev> and optionally <head-rev> (pathspecs go after --)");
    source = { kind: "git", baseRev: positional[0]!, headRev: positional[1] ?? null, pathspecs: afterDashes };
  } else {
    const all = [...positional, ...afterDashes];
    if (all.length !== 2) throw new UsageError("diff needs <base> and <head> (files or directories), or --git <base-rev> [<head-rev>]");
    source = { kind: "paths", base: all[0]!, head: all[1]! };
  }
  return {
    command: "diff",
    source,
    format: oneOf("--format", format ?? "text", DIFF_FORMATS),
    gate: { failOn: f.value, sensitive: s.value },
    output,
    pods,
    hostNetwork,
    namespace,
    limits,
  };
}

/** A namespace name as the API server accepts it: kubectl would fail on any other, and so do we. */
function namespaceName(flag: string, v: string): string {
  if (!isDnsLabel(v)) {
    throw new UsageError(`${flag} ${quoted(v)} is not a valid namespace name: it must be ${RULE_TEXT["dns-label"]}`);
  }
  return v;
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${v}"`);
  return v as T;
}
