// Command-line parsing for `netreach reach`, `netreach diff` and `netreach check` (DESIGN section 6).
import type { PodsMode } from "../analyze.js";
import { parseFailOn, parseSensitivePorts, DEFAULT_SENSITIVE_PORTS, type GateConfig } from "../gate/config.js";
import { LIMIT_OPTIONS, parseLimit, type InputLimits } from "../load/limits.js";
import type { HostNetworkMode } from "../reach/universe.js";
import type { IngressController } from "../model/endpoint.js";
import { parseDnsServer, type DnsServer } from "../diff/name-servers.js";
import { UsageError } from "../files/usage-error.js";
import { BOUND_OPTIONS, parseBound } from "../targets/bounds.js";
import { HELP_TOPICS, type HelpTopic } from "./usage.js";
import { cniFlags, threadCount, oneOf, readFlags, sharedFlag, sharedFlags, targetArgs } from "./flag-reader.js";
import type { CniChoice } from "../load/cni-option.js";
import { parseWhyArgs, type WhyCommand } from "./why-args.js";
import type { TargetArgs } from "./target-args.js";
import { parseShard, type Shard } from "../targets/shard.js";
import { parseMergeArgs, parseTargetsArgs, type MergeCommand, type TargetsCommand } from "./shard-args.js";

export type { TargetArgs } from "./target-args.js";

export { REACH_FORMATS, DIFF_FORMATS, CHECK_FORMATS, type ReachFormat, type DiffFormat, type CheckFormat, type DiffSource } from "./formats.js";
import { CHECK_FORMATS, DIFF_FORMATS, REACH_FORMATS, type CheckFormat, type DiffFormat, type DiffSource, type ReachFormat } from "./formats.js";
export { PODS_MODES, HOST_NETWORK_MODES, CNI_CHOICES } from "./flag-reader.js";

interface Common {
  /** --max-*: the limits the user raised or lowered (load/limits.ts). */
  readonly limits: Partial<InputLimits>;
  readonly targets: TargetArgs;
  readonly pods: PodsMode;
  readonly hostNetwork: HostNetworkMode;
  /** -n: as kubectl apply -n; undefined when not given (objects without one go to `default`). */
  readonly namespace: string | undefined;
  /** --ingress-controller: where Ingress and Gateway traffic comes from; undefined: netreach's stand-in. */
  readonly ingressController: IngressController | undefined;
  /** --dns-server: the cluster DNS server's pods; undefined: the kube-dns Service's or k8s-app=kube-dns pods. */
  readonly dnsServer: DnsServer | undefined;
  /** --max-targets, --deadline (seconds): those given. */
  readonly bounds: { readonly maxTargets?: number; readonly deadline?: number };
  /** --cni: auto (Cilium when the input holds Cilium policies), cilium or generic. */
  readonly cni: CniChoice;
  /** --cilium-cluster: Cilium's cluster name; undefined: "default". */
  readonly ciliumCluster: string | undefined;
  /** --threads: threads to read large inputs on; undefined: one per core. */
  readonly threads: number | undefined;
}

export type Command =
  /** `topic`: the command whose usage is asked for; none: all of them. */
  | { readonly command: "help"; readonly topic?: HelpTopic }
  | { readonly command: "version" }
  | (Common & {
      readonly command: "reach";
      readonly paths: readonly string[];
      readonly format: ReachFormat;
      /** --group: per class rather than per pair (text, json; md always is). */
      readonly group: boolean;
    })
  | (Common & {
      readonly command: "diff";
      readonly source: DiffSource;
      readonly format: DiffFormat;
      readonly gate: GateConfig;
      readonly output: string | null;
      /** --group: the JSON report's changes in groups whatever their number (see diff-json-groups.ts). */
      readonly group: boolean;
      /** --shard I/N: only this shard's targets (targets/shard.ts). */
      readonly shard: Shard | null;
    })
  | WhyCommand
  | TargetsCommand
  | MergeCommand
  | (Common & {
      readonly command: "check";
      /** The paths read as one cluster; empty with --git, or for the working tree's targets. */
      readonly paths: readonly string[];
      /** --git REV: the targets and the configuration at this revision. */
      readonly rev: string | null;
      readonly format: CheckFormat;
      /** --suggest: propose assertions that hold today instead of checking. */
      readonly suggest: boolean;
    });

export { USAGE } from "./usage.js";

export function parseArgs(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "--help" || cmd === "-h") return { command: "help" };
  // `--help` or `-h` anywhere before `--`: that command's usage, whatever else is given.
  const dashesAt = rest.indexOf("--");
  const wantsHelp = (dashesAt < 0 ? rest : rest.slice(0, dashesAt)).some((a) => a === "--help" || a === "-h");
  if (cmd === "help") {
    const topic = wantsHelp ? "help" : rest[0];
    if (topic === undefined) return { command: "help" };
    if (!(HELP_TOPICS as readonly string[]).includes(topic)) throw new UsageError(`no help for "${topic}": the commands are ${HELP_TOPICS.join(", ")}`);
    return { command: "help", topic: topic as HelpTopic };
  }
  if (cmd === "--version" || cmd === "-v" || cmd === "version") return wantsHelp ? { command: "help", topic: "version" } : { command: "version" };
  if (cmd === "why") return wantsHelp ? { command: "help", topic: "why" } : parseWhyArgs(rest);
  if (cmd === "targets" || cmd === "merge") return wantsHelp ? { command: "help", topic: cmd } : cmd === "targets" ? parseTargetsArgs(rest) : parseMergeArgs(rest);
  if (cmd !== "reach" && cmd !== "diff" && cmd !== "check") throw new UsageError(`unknown command "${cmd}"`);
  if (wantsHelp) return { command: "help", topic: cmd };

  // Set inside the flag reader's callback: typed wide, so that the checks below are not narrowed away.
  let format = undefined as string | undefined;
  let dnsServer = undefined as DnsServer | undefined;
  let failOn = "" as string;
  let sensitive = DEFAULT_SENSITIVE_PORTS as string;
  let git = false as boolean;
  let rev = null as string | null;
  let suggest = false as boolean;
  let output = null as string | null;
  let shard = null as Shard | null;
  let threads = undefined as number | undefined;
  const limits: Partial<Record<keyof InputLimits, number>> = {};
  const limitFlags = new Map(Object.entries(LIMIT_OPTIONS).map(([k, o]) => [o.flag, k as keyof InputLimits]));
  const shared = sharedFlags();
  let group = false as boolean;
  const bounds: { maxTargets?: number; deadline?: number } = {};
  const { positional, afterDashes } = readFlags(cmd, rest, (flag, value) => {
    if (sharedFlag(shared, flag, value)) return true;
    if (flag === "--format") format = value();
    else if (flag === "--threads") threads = threadCount(flag, value());
    else if (flag === "--dns-server") {
      const c = parseDnsServer(value());
      if (!c.ok) throw new UsageError(`--${c.error}`);
      dnsServer = c.value;
    } else if (flag === "--fail-on" && cmd === "diff") failOn = value();
    else if (flag === "--sensitive-ports" && cmd === "diff") sensitive = value();
    else if (flag === "--output" && cmd === "diff") output = value();
    else if (flag === "--shard" && cmd === "diff") {
      const v = parseShard(value());
      if (!v.ok) throw new UsageError(v.error);
      shard = v.value;
    }
    else if (flag === "--git" && cmd === "diff") git = true;
    else if (flag === "--git" && cmd === "check") rev = value();
    else if (flag === "--suggest" && cmd === "check") suggest = true;
    else if (limitFlags.has(flag)) {
      const limit = limitFlags.get(flag)!;
      const v = parseLimit(limit, value());
      if (!v.ok) throw new UsageError(v.error);
      limits[limit] = v.value;
    } else if (flag === "--group" && cmd !== "check") group = true;
    else if (flag === BOUND_OPTIONS.maxTargets.flag || flag === BOUND_OPTIONS.deadline.flag) {
      const which = flag === BOUND_OPTIONS.maxTargets.flag ? "maxTargets" : "deadline";
      const v = parseBound(which, value());
      if (!v.ok) throw new UsageError(v.error);
      bounds[which] = v.value;
    } else return false;
    return true;
  });
  const { pods, hostNetwork, namespace, ingressController } = shared;
  const { cni, ciliumCluster } = cniFlags(shared);
  const { kustomize, helm, names, config } = shared.targets;
  const targets = targetArgs(shared);
  const withTargets = kustomize.length + helm.length + names.length > 0 || config !== null;
  if (cmd === "reach") {
    const paths = [...positional, ...afterDashes];
    // With targets named, the directory defaults to the current one.
    if (paths.length === 0 && withTargets) paths.push(".");
    if (paths.length === 0) throw new UsageError("reach needs at least one file or directory");
    const reachFormat = oneOf("--format", format ?? "text", REACH_FORMATS);
    if (group && reachFormat === "csv") throw new UsageError("--group does not go with --format csv: a CSV row is one pair of endpoints, and a group is many; use --group with --format text or json, or csv without --group");
    return { command: "reach", paths, format: reachFormat, group, pods, hostNetwork, namespace, ingressController, dnsServer, targets, limits, bounds, cni, ciliumCluster, threads };
  }

  if (cmd === "check") {
    const paths = [...positional, ...afterDashes];
    if (rev !== null && paths.length > 0) throw new UsageError("check takes paths or --git <rev>, not both");
    if (paths.length > 0 && kustomize.length + helm.length + names.length > 0)
      throw new UsageError("check with paths reads them as one cluster: --kustomize, --helm and --target go with --git <rev>, or with no paths (the working tree's targets)");
    if (rev !== null && rev.startsWith("-")) throw new UsageError(`--git needs a revision, not "${rev}"`);
    const checkFormat = oneOf("--format", format ?? "text", CHECK_FORMATS);
    if (suggest && checkFormat !== "text") throw new UsageError("--suggest prints YAML to paste into .netreach.yaml: it takes no --format");
    return { command: "check", paths, rev, format: checkFormat, suggest, pods, hostNetwork, namespace, ingressController, dnsServer, targets, limits, bounds, cni, ciliumCluster, threads };
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
    group,
    shard,
    pods,
    hostNetwork,
    namespace,
    ingressController,
    dnsServer,
    targets,
    limits,
    bounds,
    cni,
    ciliumCluster,
    threads,
  };
}
