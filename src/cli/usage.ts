// What `netreach --help` and `netreach <command> --help` print: each command's own usage, and
// all of them together for `netreach --help`.
import { DEFAULT_SENSITIVE_PORTS } from "../gate/config.js";
import { defaultInputLimits } from "../load/limits.js";
import { DEFAULT_MAX_TARGETS } from "../targets/bounds.js";
import { DEFAULT_DEADLINE_SECONDS } from "../targets/deadline.js";
import { MERGE_USAGE, SHARD_LINES, TARGETS_USAGE } from "./shard-usage.js";

export const HELP_TOPICS = ["reach", "diff", "check", "why", "targets", "merge", "help", "version"] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

const TARGETS = `Targets (one cluster each; default: .netreach.yaml at the repository root, else discovery of
Kustomize overlays, Helm charts with their values*.yaml, Argo CD / Flux objects):
  --kustomize DIR       build this Kustomize directory (repeatable)
  --helm CHART[:V,...]  render this chart with values files V (relative to the chart; repeatable)
  --target NAME         analyze only this target (repeatable)
  --config FILE         read targets from FILE instead of the revisions' .netreach.yaml
  --no-discover         no discovery: the paths are plain manifests, as netreach read them before
  --max-targets N       analyze at most N targets (default ${DEFAULT_MAX_TARGETS}); the rest are reported as not
                        analyzed, and the run fails
  --deadline SECONDS    stop building and analyzing after this long (default ${DEFAULT_DEADLINE_SECONDS}, 20 minutes; 20m
                        and 1h also work); targets not done are reported as not analyzed
`;

const COMMON = `  --pods M              where pods come from: auto (default), declared, synthetic
  --host-network M      exempt (default: policies do not apply to hostNetwork pods) or pod
  -n, --namespace NS    objects without metadata.namespace go to NS (default: default), and
                        objects naming another namespace are left out, as kubectl apply -n does
  --ingress-controller NS/KEY=VALUE[,KEY=VALUE...]
                        the ingress controller's (or gateway's) pods, e.g.
                        ingress-nginx/app.kubernetes.io/name=ingress-nginx (default: a pod in a
                        namespace of its own with no labels, as netpol-analyzer assumes)
  --dns-server NS/KEY=VALUE[,KEY=VALUE...]
                        the cluster DNS server's pods, e.g. kube-system/k8s-app=kube-dns
                        (default: the pods of Service kube-system/kube-dns, or pods labelled
                        k8s-app=kube-dns; never just any pod listening on port 53)
  --cni C               the cluster's CNI: auto (default: cilium when the input, either revision
                        of a diff, holds a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy,
                        else generic), cilium, or generic (Cilium policies not analyzed)
  --cilium-cluster NAME Cilium's cluster name, which every pod carries as label
                        io.cilium.k8s.policy.cluster (default: default)
  --max-bytes N         refuse more than N bytes of manifests per revision (default 128MiB;
                        units KiB, MiB, GiB)
  --max-workloads N     refuse more than N workloads per revision (default ${defaultInputLimits.workloads})
  --max-policies N      refuse more than N NetworkPolicies per revision (default ${defaultInputLimits.policies})
  --max-pod-classes N   refuse more than N distinct pod classes (default ${defaultInputLimits.podClasses})
  --threads N           read inputs of 32 MiB and more on N threads (default: one per core; 1:
                        the main thread alone)
  -h, --help            print this help
`;

const EXIT = `Exit codes: 0 ok, 1 the gate failed, 2 bad usage, invalid input, or a target not analyzed.
`;

const REACH_LINE = "  netreach reach <path>... [options]\n";
const DIFF_LINES = `  netreach diff <base> <head> [options]
  netreach diff --git <base-rev> [<head-rev>] [options] [-- <pathspec>...]   (head default: working tree)
`;

const CHECK_LINES = `  netreach check [<path>... | --git <rev>] [options]
  netreach check --suggest [<path>... | --git <rev>] [options]
`;

const CHECK_OPTIONS = `  --format F            text (default), json, md or sarif
  --suggest             print assertions that hold today (databases not public, namespaces that
                        never talk, DNS reachable), as YAML to keep in .netreach.yaml
`;

const REACH_OPTIONS = `  --format F            text (default), json, md or csv
  --group               flows per class of pods that the policies treat alike ("any pod in
                        frontend -> backend/db[Deployment]: TCP 5432"), not one line per pair;
                        for text and json (md is always grouped; csv is one row per pair)
`;

const DIFF_OPTIONS = `  --format F            text (default), md, json or sarif
  --fail-on LIST        gate, comma list of: exposed and external-ingress (the default),
                        external-egress, cross-namespace, sensitive-ports, any-opened, none
  --sensitive-ports P   ports for the sensitive-ports rule (default ${DEFAULT_SENSITIVE_PORTS})
  --output FILE         also write the JSON report to FILE
  --shard I/N           only shard I of N of the targets (see netreach targets); the JSON
                        report says which, and carries what netreach merge needs
`;

export const REACH_USAGE = `Usage:
${REACH_LINE}
Prints which pods can reach which, and on what ports, in the manifests under the paths (or in
the targets built from the one directory given).

${TARGETS}
Options:
${REACH_OPTIONS}${COMMON}
${EXIT}`;

export const DIFF_USAGE = `Usage:
${DIFF_LINES}
Shows which flows the head opens and closes compared with the base, and gates on them.

${TARGETS}
Options:
${DIFF_OPTIONS}${COMMON}
${EXIT}`;

export const CHECK_USAGE = `Usage:
${CHECK_LINES}
Judges the assertions of .netreach.yaml (or --config FILE) at one revision: the working tree's
targets (no arguments), the paths given as one cluster (target "paths"), or each target built at
<rev> with the configuration at <rev> (--git). Each assertion is judged on the targets it names
(default: all). A spec that matches nothing is no-match: a warning, not a failure.

${TARGETS}
Options:
${CHECK_OPTIONS}${COMMON}
Exit codes: 0 every assertion passed (or matched nothing), 1 an assertion is violated, 2 bad usage,
an invalid assertion (the others are still judged), a target not built, or no assertions at all.
`;

const WHY_LINE = "  netreach why <src> <dst> [--port PROTO/N] [<path>... | --git <rev> [-- <pathspec>...]]\n";

export const WHY_USAGE = `Usage:
${WHY_LINE}
Explains one pair at one revision, tier by tier: for the source's egress and the destination's
ingress, the admin-tier rules consulted in order and the one that decided (AdminNetworkPolicy,
ClusterNetworkPolicy Admin), the NetworkPolicies selecting that side and the rules matching the
other end (or that none does, so the direction is isolated), and the baseline tier; then the
verdict per port range, each rule at its file:line.

<src> and <dst> are endpoints as the reports name them: a workload id (backend/db[Deployment]),
or ns/name when it names one workload; a representative (backend/[app=db]); an IP address or a
CIDR (the external ranges holding it; a CIDR spanning several ranges explains each);
{ingress-controller} (or ingress-controller). The path defaults to the current directory.

Options:
  --port PROTO/N        also say whether this port is allowed and which rule decided (TCP/5432;
                        a bare number is TCP)
  --format F            text (default) or json (schema netreach.why/v1)
  --git REV             read the files of revision REV from git (never checked out); with
                        targets (.netreach.yaml, discovery), one is built: --target NAME when
                        there are several
  --target NAME         the target to explain in (also --kustomize DIR, --helm CHART[:V,...],
                        --config FILE, --no-discover, as for reach)
  --pods M              where pods come from: auto (default), declared, synthetic
  --host-network M      exempt (default) or pod
  -n, --namespace NS    objects without metadata.namespace go to NS (as kubectl apply -n)
  --ingress-controller NS/KEY=VALUE[,KEY=VALUE...]
                        the ingress controller's pods (default: netreach's stand-in)
  --cni C               auto (default: cilium when the input holds Cilium policies), cilium or
                        generic
  --cilium-cluster NAME Cilium's cluster name, a label of every pod (default: default)
  -h, --help            print this help

Exit codes: 0 explained; 2 bad usage, an unknown or ambiguous endpoint (the closest ids are
suggested), invalid input, or a target not built.
`;

const HELP_USAGE = `Usage:
  netreach help [reach|diff|check|why|targets|merge|version]
  netreach <command> --help

Prints the usage of netreach, or of one command.
`;

const VERSION_USAGE = `Usage:
  netreach version        (also: netreach --version, netreach -v)

Prints netreach's version.
`;

/** Everything: `netreach --help`, and after a usage error. */
export const USAGE = `Usage:
${REACH_LINE}${DIFF_LINES}${CHECK_LINES}${WHY_LINE}${SHARD_LINES}  netreach help [command]       netreach <command> --help       netreach version

${TARGETS}
Options of reach:
${REACH_OPTIONS}
Options of diff:
${DIFF_OPTIONS}
Options of check (netreach check --help):
${CHECK_OPTIONS}
Options of all:
${COMMON}
${EXIT}`;

export function usageOf(topic: HelpTopic | undefined): string {
  switch (topic) {
    case "reach":
      return REACH_USAGE;
    case "diff":
      return DIFF_USAGE;
    case "check":
      return CHECK_USAGE;
    case "why":
      return WHY_USAGE;
    case "targets":
      return TARGETS_USAGE;
    case "merge":
      return MERGE_USAGE;
    case "help":
      return HELP_USAGE;
    case "version":
      return VERSION_USAGE;
    case undefined:
      return USAGE;
  }
}
