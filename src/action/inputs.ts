// The Action's inputs (action.yml), read and validated once.
import * as core from "@actions/core";
import type { PodsMode } from "../analyze.js";
import { parseFailOn, parseSensitivePorts, DEFAULT_SENSITIVE_PORTS, type GateConfig } from "../gate/config.js";
import { LIMIT_OPTIONS, parseLimit, type InputLimits } from "../load/limits.js";
import { isDnsLabel, quoted, RULE_TEXT } from "../load/object/object-meta.js";
import { parseIngressController } from "../exposure/controller.js";
import type { IngressController } from "../model/endpoint.js";
import { parseDnsServer, type DnsServer } from "../diff/name-servers.js";
import { BOUND_OPTIONS, parseBound } from "../targets/bounds.js";
import type { CniChoice } from "../load/cni-option.js";
import { ciliumClusterProblem } from "../load/cni-decision.js";
import { parseShard, type Shard } from "../targets/shard.js";

export type CommentMode = "update" | "recreate" | "off";

export interface ActionInputs {
  readonly paths: readonly string[];
  readonly base: string | null;
  readonly head: string | null;
  readonly token: string;
  readonly comment: CommentMode;
  readonly commentHeader: string;
  readonly gate: GateConfig;
  readonly allowLabel: string;
  readonly pods: PodsMode;
  /** As kubectl apply -n; null when not set (objects without one go to `default`). */
  readonly namespace: string | null;
  /** Where Ingress and Gateway traffic comes from; null: netreach's stand-in. */
  readonly ingressController: IngressController | null;
  readonly dnsServer: DnsServer | null;
  /** The cluster's CNI: auto (Cilium when either revision holds Cilium policies), cilium or generic. */
  readonly cni: CniChoice;
  /** Cilium's cluster name, which every pod carries as a label; null: "default". */
  readonly ciliumCluster: string | null;
  readonly maxCommentChars: number;
  /** max-bytes, max-workloads, max-policies, max-pod-classes: those set (load/limits.ts). */
  readonly limits: Partial<InputLimits>;
  /** max-targets, deadline (seconds): those set. */
  readonly bounds: { readonly maxTargets?: number; readonly deadline?: number };
  /** Input shard: only this shard's targets; null: all. */
  readonly shard: Shard | null;
  /** Input merge-reports: a glob of shards' JSON reports to merge; "" when not merging. */
  readonly mergeReports: string;
  /** Targets: inputs kustomize, helm, targets, config, discover. */
  readonly targets: {
    readonly kustomize: readonly string[];
    readonly helm: readonly string[];
    readonly names: readonly string[];
    readonly config: string;
    readonly discover: boolean;
  };
}

export class InputError extends Error {
  override name = "InputError";
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new InputError(`input ${name} must be one of ${allowed.join(", ")}, not "${value}"`);
  return value as T;
}

/** A comma or newline separated list. */
const list = (v: string) => v.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "");

export function readInputs(): ActionInputs {
  const get = (name: string) => core.getInput(name).trim();
  const failOn = parseFailOn(get("fail-on"));
  if (!failOn.ok) throw new InputError(failOn.error);
  const sensitive = parseSensitivePorts(get("sensitive-ports") || DEFAULT_SENSITIVE_PORTS);
  if (!sensitive.ok) throw new InputError(sensitive.error);
  const maxText = get("max-comment-chars") || "65536";
  const maxCommentChars = Number(maxText);
  if (!Number.isInteger(maxCommentChars) || maxCommentChars < 1000 || maxCommentChars > 65536) {
    throw new InputError(`input max-comment-chars must be an integer from 1000 to 65536 (GitHub's limit), not "${maxText}"`);
  }
  const namespace = get("namespace") || null;
  if (namespace !== null && !isDnsLabel(namespace)) {
    throw new InputError(`input namespace ${quoted(namespace)} is not a valid namespace name: it must be ${RULE_TEXT["dns-label"]}`);
  }
  const limits: Partial<Record<keyof InputLimits, number>> = {};
  for (const [limit, o] of Object.entries(LIMIT_OPTIONS) as [keyof InputLimits, (typeof LIMIT_OPTIONS)[keyof InputLimits]][]) {
    const text = get(o.input);
    if (text === "") continue;
    const v = parseLimit(limit, text);
    if (!v.ok) throw new InputError(v.error);
    limits[limit] = v.value;
  }
  const bounds: { maxTargets?: number; deadline?: number } = {};
  for (const which of ["maxTargets", "deadline"] as const) {
    const text = get(BOUND_OPTIONS[which].input);
    if (text === "") continue;
    const v = parseBound(which, text);
    if (!v.ok) throw new InputError(v.error);
    bounds[which] = v.value;
  }
  const controllerText = get("ingress-controller");
  const controller = controllerText === "" ? null : parseIngressController(controllerText);
  if (controller !== null && !controller.ok) throw new InputError(`input ${controller.error}`);
  const dnsText = get("dns-server");
  const dns = dnsText === "" ? null : parseDnsServer(dnsText);
  if (dns !== null && !dns.ok) throw new InputError(`input ${dns.error}`);
  const cni = oneOf("cni", get("cni") || "auto", ["auto", "cilium", "generic"] as const);
  const ciliumCluster = get("cilium-cluster") || null;
  const clusterProblem = ciliumCluster === null ? undefined : ciliumClusterProblem(ciliumCluster);
  if (clusterProblem !== undefined) throw new InputError(`input cilium-cluster ${quoted(ciliumCluster!)} is not a valid Cilium cluster name: ${clusterProblem}`);
  if (ciliumCluster !== null && cni === "generic") throw new InputError("input cilium-cluster names the cluster of a Cilium cluster: it does not go with cni generic");
  const shardText = get("shard");
  const shard = shardText === "" ? null : parseShard(shardText);
  if (shard !== null && !shard.ok) throw new InputError(shard.error);
  const mergeReports = get("merge-reports");
  if (shard !== null && mergeReports !== "") throw new InputError("inputs shard and merge-reports do not go together: shards run in the matrix's jobs, the merge in the job after them");
  return {
    shard: shard === null ? null : shard.value,
    mergeReports,
    paths: get("paths").split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== ""),
    base: get("base") || null,
    head: get("head") || null,
    token: get("token"),
    comment: oneOf("comment", get("comment") || "update", ["update", "recreate", "off"] as const),
    commentHeader: get("comment-header"),
    gate: { failOn: failOn.value, sensitive: sensitive.value },
    allowLabel: get("allow-label"),
    pods: oneOf("pods", get("pods") || "auto", ["auto", "declared", "synthetic"] as const),
    namespace,
    ingressController: controller === null ? null : controller.value,
    dnsServer: dns === null ? null : dns.value,
    cni,
    ciliumCluster,
    maxCommentChars,
    limits,
    bounds,
    targets: {
      kustomize: list(get("kustomize")),
      // One chart per line: a chart's values files are comma separated.
      helm: get("helm").split("\n").map((s) => s.trim()).filter((s) => s !== ""),
      names: list(get("targets")),
      config: get("config") || ".netreach.yaml",
      discover: oneOf("discover", get("discover") || "true", ["true", "false"] as const) === "true",
    },
  };
}
