// Pods and pod controllers: each becomes one workload endpoint with its pod template's labels,
// container ports and hostNetwork. Only what NetworkPolicy can see is kept.
import type { ContainerPort, Workload } from "../../model/cluster.js";
import type { Labels } from "../../model/labels.js";
import { isProtocol, MAX_PORT, MIN_PORT, type Protocol } from "../../net/protocol.js";
import { Checker, describe, isPlainObject } from "../object/checker.js";
import type { Diagnostic } from "../object/diagnostic.js";
import { objectMeta } from "../object/object-meta.js";
import { nodeName, podIps } from "./pod-status.js";
import type { DocPath, KubeObject } from "../object/source.js";
import { sourceRef } from "../object/source-ref.js";
import { exact } from "../object/exact.js";

/** Where each kind keeps its pod template. */
const TEMPLATE_PATH: Readonly<Record<string, DocPath>> = {
  Deployment: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  Job: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
};

export const WORKLOAD_KINDS: readonly string[] = ["Pod", ...Object.keys(TEMPLATE_PATH)];

export interface WorkloadLoad {
  readonly workload: Workload | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** A Pod standing for its controller: its siblings make the same workload without duplicating it. */
  readonly replica: boolean;
  /** A replica's own (Pod) name, which tells it from its siblings. */
  readonly podName?: string;
}

export function loadWorkload(obj: KubeObject): WorkloadLoad {
  const meta = objectMeta(obj);
  const c = new Checker(obj, `${obj.kind} ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + "; left out"));
  if (meta.name === undefined) return { workload: undefined, diagnostics: c.diagnostics, replica: false };

  const template: DocPath = obj.kind === "Pod" ? [] : TEMPLATE_PATH[obj.kind]!;
  const labelsPath: DocPath = [...template, "metadata", "labels"];
  const podSpec: DocPath = [...template, "spec"];
  const owner = obj.kind === "Pod" ? controllerOwner(c) : undefined;
  const name = owner?.name ?? meta.name;
  const kind = owner?.kind ?? obj.kind;
  // Only a Pod object says where it runs; a controller's template does not.
  const node = obj.kind === "Pod" ? nodeName(c) : undefined;
  // Cilium labels pods with their service account (the older field name is still accepted).
  const account = c.get(podSpec, "serviceAccountName") ?? c.get(podSpec, "serviceAccount");
  return {
    workload: {
      id: `${meta.namespace}/${name}[${kind}]`,
      namespace: meta.namespace,
      name,
      kind,
      labels: labels(c, labelsPath),
      ports: containerPorts(c, podSpec),
      hostNetwork: c.get(podSpec, "hostNetwork") === true,
      ...(typeof account === "string" && account !== "" ? { serviceAccount: account } : {}),
      ips: obj.kind === "Pod" ? podIps(c) : [],
      nodeNames: node === undefined ? [] : [node],
      source: sourceRef(obj),
    },
    diagnostics: c.diagnostics,
    replica: owner !== undefined,
    ...(owner !== undefined ? { podName: meta.name } : {}),
  };
}

const CONTROLLER_KINDS = new Set([...Object.keys(TEMPLATE_PATH)]);

/**
 * A Pod made by a controller is named after it, so that all its replicas are one workload.
 * Owners that are not workload controllers (a Node, for static pods) leave the Pod its own name;
 * an owner reference without a kind still names the Pod (kind stays Pod), as netpol-analyzer does.
 */
function controllerOwner(c: Checker): { name: string; kind: string } | undefined {
  const refs = c.get(["metadata", "ownerReferences"]);
  if (!Array.isArray(refs)) return undefined;
  const candidates = refs.filter(isPlainObject).filter((r) => typeof r["name"] === "string" && r["name"] !== "");
  const pick = candidates.find((r) => r["controller"] === true) ?? candidates[0];
  if (pick === undefined) return undefined;
  const kind = pick["kind"];
  if (typeof kind === "string" && kind !== "") {
    return CONTROLLER_KINDS.has(kind) ? { name: pick["name"] as string, kind } : undefined;
  }
  return { name: pick["name"] as string, kind: "Pod" };
}

export function labels(c: Checker, path: DocPath): Labels {
  const m = c.map(path);
  const out: Record<string, string> = {};
  for (const k in m) {
    const v = m[k];
    if (typeof v === "string") out[k] = v;
    else c.warning([...path, k], `label values must be strings, not ${describe(v)}; the label is ignored`);
  }
  return out;
}

export function containerPorts(c: Checker, spec: DocPath): ContainerPort[] {
  const out: ContainerPort[] = [];
  // Only regular containers serve traffic that policies name; init containers have finished by then.
  for (const group of ["containers"]) {
    const containers = c.list(spec, group) ?? [];
    containers.forEach((container, i) => {
      // A path is made only for a diagnostic.
      const written = isPlainObject(container) ? container["ports"] : undefined;
      const ports = Array.isArray(written) ? written : (c.list([...spec, group, i, "ports"]) ?? []);
      ports.forEach((p, j) => {
        if (!isPlainObject(p)) return;
        const num = p["containerPort"];
        if (!Number.isInteger(num) || (num as number) < MIN_PORT || (num as number) > MAX_PORT) {
          c.warning([...spec, group, i, "ports", j, "containerPort"], `containerPort ${describe(num)} is not a port number 1-65535; the port is ignored`);
          return;
        }
        const proto = p["protocol"] ?? "TCP";
        if (!isProtocol(proto)) {
          c.warning([...spec, group, i, "ports", j, "protocol"], `unsupported protocol ${describe(proto)}; the port is ignored`);
          return;
        }
        const name = typeof p["name"] === "string" && p["name"] !== "" ? p["name"] : undefined;
        out.push({ name, port: num as number, protocol: proto as Protocol });
      });
    });
  }
  return exact(out);
}
