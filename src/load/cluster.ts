// Kubernetes objects of one revision -> the analysis model (namespaces, workloads, policies).
import type { AdminPolicy } from "../model/admin-policy.js";
import type { Cluster, Namespace, Workload } from "../model/cluster.js";
import type { Node } from "../model/node.js";
import type { IpAddress } from "../net/ip.js";
import type { Gateway, ReferenceGrant } from "../model/gateway.js";
import type { Policy, SourceRef } from "../model/policy.js";
import type { Route } from "../model/route.js";
import type { Service } from "../model/service.js";
import { resolveExposure } from "../model/service-resolution.js";
import { isAdminPolicyObject, loadAdminPolicy } from "./admin-policy.js";
import { adminPriorityTies } from "./admin-ties.js";
import { diagnostic, type Diagnostic } from "./diagnostic.js";
import { isExposureObject, loadExposureObject } from "./exposure-kinds.js";
import { implicitNamespace, loadNamespace } from "./namespace.js";
import { loadNetworkPolicy } from "./network-policy.js";
import { loadNode } from "./node.js";
import { objectMeta } from "./object-meta.js";
import { isOperatorWorkload, loadOperatorWorkload } from "./operator-workloads.js";
import { unanalyzedPolicy } from "./unanalyzed-kinds.js";
import { unselectedPolicies } from "./unselected-policies.js";
import type { KubeObject } from "./source.js";
import { loadWorkload, WORKLOAD_KINDS } from "./workload.js";

export interface ClusterLoad {
  readonly cluster: Cluster;
  readonly diagnostics: readonly Diagnostic[];
  /** Objects of kinds netreach does not read, by kind: reported, not silently dropped. */
  readonly skippedKinds: ReadonlyMap<string, number>;
  /** Every NetworkPolicy object by "namespace/name", valid or not: for showing what changed in its text. */
  readonly policyObjects: ReadonlyMap<string, KubeObject>;
  /** Objects of kinds that matter to the network but are not analyzed (Cilium, Istio, …): a diff lists the changed ones. */
  readonly unanalyzed: readonly KubeObject[];
}

const NETWORK_POLICY_API = "networking.k8s.io/v1";

/**
 * Loader results by object, for the two revisions of a diff: an object read once for both sides
 * (load-sources.ts) is also loaded once. Loaders are pure, so their results serve both.
 */
export type LoadMemo = WeakMap<KubeObject, unknown>;

export function buildCluster(objects: readonly KubeObject[], memo?: LoadMemo): ClusterLoad {
  const once = <T>(obj: KubeObject, load: (o: KubeObject) => T): T => {
    if (memo === undefined) return load(obj);
    if (memo.has(obj)) return memo.get(obj) as T;
    const r = load(obj);
    memo.set(obj, r);
    return r;
  };
  const diagnostics: Diagnostic[] = [];
  const namespaces = new Map<string, Namespace>();
  const workloads = new Map<string, Workload>();
  const policies = new Map<string, Policy>();
  const adminPolicies = new Map<string, AdminPolicy>();
  const nodes = new Map<string, Node>();
  const skippedKinds = new Map<string, number>();
  const unanalyzedObjects: KubeObject[] = [];
  const policyObjects = new Map<string, KubeObject>();
  const services = new Map<string, Service>();
  const routes = new Map<string, Route>();
  const gateways = new Map<string, Gateway>();
  const grants = new Map<string, ReferenceGrant>();
  /** Where each workload was declared by an object of its own (not by a replica Pod). */
  const declared = new Map<string, SourceRef>();

  for (const obj of objects) {
    if (obj.kind === "Namespace" && obj.apiVersion === "v1") {
      const r = once(obj, loadNamespace);
      diagnostics.push(...r.diagnostics);
      if (r.namespace) {
        if (namespaces.has(r.namespace.name)) diagnostics.push(duplicate(obj, `Namespace ${r.namespace.name}`));
        else namespaces.set(r.namespace.name, r.namespace);
      }
    } else if (obj.kind === "NetworkPolicy" && obj.apiVersion === NETWORK_POLICY_API) {
      const r = once(obj, loadNetworkPolicy);
      diagnostics.push(...r.diagnostics);
      const meta = objectMeta(obj);
      // Only objects the API server would accept are listed as policy changes.
      if (meta.name !== undefined && !policyObjects.has(`${meta.namespace}/${meta.name}`)) policyObjects.set(`${meta.namespace}/${meta.name}`, obj);
      if (r.policy) {
        const first = policies.get(r.policy.id);
        if (first) diagnostics.push(duplicate(obj, `NetworkPolicy ${r.policy.id}`, first.source));
        else policies.set(r.policy.id, r.policy);
      }
    } else if (WORKLOAD_KINDS.includes(obj.kind) || isOperatorWorkload(obj)) {
      const r = once(obj, (o) => (isOperatorWorkload(o) ? loadOperatorWorkload(o) : loadWorkload(o)));
      diagnostics.push(...r.diagnostics);
      // Two objects of one workload id are a mistake; several pods of one controller are one
      // workload by design, and the first one found stands for it.
      if (r.workload && !r.replica) {
        const first = declared.get(r.workload.id);
        if (first) diagnostics.push(duplicate(obj, `${r.workload.kind} ${r.workload.namespace}/${r.workload.name}`, first));
        else declared.set(r.workload.id, r.workload.source);
      }
      if (r.workload) {
        const first = workloads.get(r.workload.id);
        if (first === undefined) workloads.set(r.workload.id, r.workload);
        // Each replica runs somewhere else, with an IP of its own: the workload has them all.
        else if (r.replica) workloads.set(r.workload.id, withPlacement(first, r.workload));
      }
    } else if (isExposureObject(obj)) {
      const r = once(obj, loadExposureObject);
      diagnostics.push(...r.diagnostics);
      const loaded = r.loaded;
      if (loaded === undefined) continue;
      const [map, id, what] =
        loaded.type === "service" ? [services, loaded.value.id, `Service ${loaded.value.id}`]
        : loaded.type === "route" ? [routes, loaded.value.id, `${loaded.value.kind} ${loaded.value.namespace}/${loaded.value.name}`]
        : loaded.type === "gateway" ? [gateways, loaded.value.id, `Gateway ${loaded.value.id}`]
        : [grants, `${loaded.value.namespace}/${loaded.value.name}`, `ReferenceGrant ${loaded.value.namespace}/${loaded.value.name}`];
      const first = (map as Map<string, { source: SourceRef }>).get(id);
      if (first) diagnostics.push(duplicate(obj, what, first.source));
      else (map as Map<string, unknown>).set(id, loaded.value);
    } else if (isAdminPolicyObject(obj)) {
      const r = once(obj, loadAdminPolicy);
      diagnostics.push(...r.diagnostics);
      if (r.policy) {
        const first = adminPolicies.get(r.policy.id);
        if (first) diagnostics.push(duplicate(obj, `${r.policy.kind} ${r.policy.name}`, first.source));
        else {
          adminPolicies.set(r.policy.id, r.policy);
          policyObjects.set(r.policy.id, obj);
        }
      }
    } else if (obj.kind === "Node" && obj.apiVersion === "v1") {
      // For admin-tier `nodes` peers: its labels and the hostNetwork pods on it.
      const r = once(obj, loadNode);
      diagnostics.push(...r.diagnostics);
      if (r.node) {
        if (nodes.has(r.node.name)) diagnostics.push(duplicate(obj, `Node ${r.node.name}`, nodes.get(r.node.name)!.source));
        else nodes.set(r.node.name, r.node);
      }
    } else {
      const unanalyzed = unanalyzedPolicy(obj);
      if (unanalyzed) {
        diagnostics.push(unanalyzed);
        unanalyzedObjects.push(obj);
      }
      skippedKinds.set(obj.kind, (skippedKinds.get(obj.kind) ?? 0) + 1);
    }
  }

  for (const name of [...workloads.values()].map((w) => w.namespace).concat([...policies.values()].map((p) => p.namespace))) {
    if (!namespaces.has(name)) namespaces.set(name, implicitNamespace(name));
  }
  const cluster: Cluster = {
    namespaces,
    workloads: [...workloads.values()],
    policies: [...policies.values()],
    adminPolicies: [...adminPolicies.values()],
    nodes: [...nodes.values()],
    services: [...services.values()],
    routes: [...routes.values()],
    gateways: [...gateways.values()],
    referenceGrants: [...grants.values()],
  };
  diagnostics.push(...adminPriorityTies(cluster.adminPolicies));
  diagnostics.push(...unselectedPolicies(cluster, skippedKinds, policyObjects));
  for (const f of resolveExposure(cluster).findings) diagnostics.push(diagnostic(f.severity, f.at.file, f.at, f.message));
  return {
    cluster,
    diagnostics,
    skippedKinds,
    policyObjects,
    unanalyzed: unanalyzedObjects,
  };
}

/** The first pod's workload with the IPs and nodes of another replica added. */
function withPlacement(w: Workload, replica: Workload): Workload {
  if (replica.ips.length === 0 && replica.nodeNames.length === 0) return w;
  const ips = new Map<string, IpAddress>(w.ips.map((ip) => [`${ip.family} ${ip.value}`, ip]));
  for (const ip of replica.ips) ips.set(`${ip.family} ${ip.value}`, ip);
  return { ...w, ips: [...ips.values()], nodeNames: [...new Set([...w.nodeNames, ...replica.nodeNames])] };
}

function duplicate(obj: KubeObject, what: string, first?: SourceRef): Diagnostic {
  const where = first ? ` (first at ${first.file}:${first.line})` : "";
  return diagnostic("warning", obj.file, obj.locate([]), `${what} is declared more than once${where}; the first declaration is used (kubectl apply would apply each in turn, keeping the last)`);
}
