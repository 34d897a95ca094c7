// Kubernetes objects of one revision -> the analysis model (namespaces, workloads, policies).
import type { AdminPolicy } from "../model/admin-policy.js";
import type { Cluster, Namespace, Workload } from "../model/cluster.js";
import type { Node } from "../model/node.js";
import type { Gateway, ReferenceGrant } from "../model/gateway.js";
import type { DestinationRule, IstioGateway, VirtualService } from "../model/istio.js";
import type { Policy, SourceRef } from "../model/policy.js";
import type { Route } from "../model/route.js";
import type { Service } from "../model/service.js";
import { resolveExposure } from "../model/service-resolution.js";
import { resolveIstio } from "../model/istio-resolution.js";
import { isAdminPolicyObject, loadAdminPolicy } from "./admin/policy.js";
import { adminPriorityTies } from "./admin/ties.js";
import { diagnostic, type Diagnostic } from "./object/diagnostic.js";
import { isExposureObject, loadExposureObject } from "./exposure/exposure-kinds.js";
import { implicitNamespace, loadNamespace } from "./workloads/namespace.js";
import { loadNetworkPolicy, NETWORK_POLICY_API } from "./networkpolicy/network-policy.js";
import { loadNode } from "./workloads/node.js";
import { isOperatorWorkload, loadOperatorWorkload } from "./workloads/operator-workloads.js";
import { podSelectors, replicaKeys, settleReplicas, uniqueSelectors } from "./workloads/replica-groups.js";
import type { Selector } from "../model/selector.js";
import { unanalyzedPolicy } from "./unanalyzed-kinds.js";
import { compareNames } from "./workloads/walk-order.js";
import { unselectedPolicies } from "./networkpolicy/unselected-policies.js";
import type { KubeObject } from "./object/source.js";
import { GENERIC, type Cni } from "./cni-option.js";
import { isCiliumPolicyObject, loadCiliumPolicy, type CiliumPolicyLoad } from "./cilium/policy.js";
import { isCidrGroupObject, loadCidrGroup, type CidrGroup } from "./cilium/cidr-group.js";
import { implicitPodLabels } from "./cilium/labels.js";
import { formatCidr } from "../net/ip.js";
import { loadWorkload, WORKLOAD_KINDS } from "./workloads/workload.js";

export interface ClusterLoad {
  readonly cluster: Cluster;
  readonly diagnostics: readonly Diagnostic[];
  /** Objects of kinds netreach does not read, by kind: reported, not silently dropped. */
  readonly skippedKinds: ReadonlyMap<string, number>;
  /**
   * Every NetworkPolicy object by "namespace/name", valid or not, and every admin policy by id:
   * for showing what changed in its text. Declared twice: the declaration in force (the later).
   */
  readonly policyObjects: ReadonlyMap<string, KubeObject>;
  /** Objects of kinds that matter to the network but are not analyzed (Cilium, Istio, …): a diff lists the changed ones. */
  readonly unanalyzed: readonly KubeObject[];
  /** Every pod selector of this revision: passed to the other revision's buildCluster as `others`. */
  readonly podSelectors: readonly Selector[];
  /** The label keys some controller's pods differ in: a selector in `others` naming one may change its endpoints. */
  readonly replicaKeys: ReadonlySet<string>;
}

/** The pods of a workload declared without any: shared, never written (see buildCluster). */
const NO_PODS: ReadonlyMap<string, Workload> = new Map();

/**
 * Loader results by object, for the two revisions of a diff: an object read once for both sides
 * (load-sources.ts) is also loaded once. Loaders are pure, so their results serve both.
 */
export type LoadMemo = WeakMap<KubeObject, unknown>;

/**
 * `others`: the pod selectors of the other revisions analyzed with this one (a diff's), which
 * tell pods apart here too (replica-groups.ts). `cni`: decided for the whole run (cni-option.ts).
 * `review`: false for a revision that is only compared against (a diff's base, whose diagnostics
 * no report shows): the checks that only warn (policies selecting nothing, exposure findings,
 * admin priority ties) are not run. Every diagnostic made on the way is still made.
 */
export function buildCluster(objects: readonly KubeObject[], memo?: LoadMemo, others: readonly Selector[] = [], cni: Cni = GENERIC, review = true): ClusterLoad {
  // Loader results are objects, never undefined: one lookup tells a hit.
  const once = <T>(obj: KubeObject, load: (o: KubeObject) => T): T => {
    if (memo === undefined) return load(obj);
    const known = memo.get(obj);
    if (known !== undefined) return known as T;
    const r = load(obj);
    memo.set(obj, r);
    return r;
  };
  const diagnostics: Diagnostic[] = [];
  // Most objects have nothing to say: no spread per object.
  const add = (ds: readonly Diagnostic[]) => {
    for (const d of ds) diagnostics.push(d);
  };
  const namespaces = new Map<string, Namespace>();
  const workloads: Workload[] = [];
  const policies = new Map<string, Policy>();
  const adminPolicies = new Map<string, AdminPolicy>();
  const nodes = new Map<string, Node>();
  const skippedKinds = new Map<string, number>();
  const unanalyzedObjects: KubeObject[] = [];
  const policyObjects = new Map<string, KubeObject>();
  const validPolicyObjects = new Set<string>();
  const services = new Map<string, Service>();
  const routes = new Map<string, Route>();
  const gateways = new Map<string, Gateway>();
  const grants = new Map<string, ReferenceGrant>();
  const istioGateways = new Map<string, IstioGateway>();
  const virtualServices = new Map<string, VirtualService>();
  const destinationRules = new Map<string, DestinationRule>();
  /** Each workload's own declaration and the replica Pods of it, in the order first seen. */
  const owners = new Map<string, { declared: Workload | undefined; pods: ReadonlyMap<string, Workload>; at: number | undefined }>();
  /** Where the input's first Pod is: pods (a dump's, in any order) are listed from there, by id. */
  let podsAt: number | undefined;
  const cilium = cni.kind === "cilium";
  // Cilium policies refer to CIDR groups by name, wherever in the input they are declared.
  const cidrGroups = new Map<string, CidrGroup>();
  if (cilium) {
    for (const obj of objects) {
      if (!isCidrGroupObject(obj)) continue;
      const r = once(obj, loadCidrGroup);
      add(r.diagnostics);
      if (r.name !== undefined) cidrGroups.set(r.name, r.group);
    }
  }
  const ciliumLoads = new Map<string, CiliumPolicyLoad>();
  const groupsKey = JSON.stringify([...cidrGroups].map(([n, g]) => [n, g.cidrs.map(formatCidr), g.labels]));

  for (let index = 0; index < objects.length; index++) {
    const obj = objects[index]!;
    if (obj.kind === "Namespace" && obj.apiVersion === "v1") {
      const r = once(obj, loadNamespace);
      add(r.diagnostics);
      if (r.namespace) {
        const earlier = namespaces.get(r.namespace.name);
        if (earlier) diagnostics.push(duplicate(obj, `Namespace ${r.namespace.name}`, earlier.source ?? undefined));
        namespaces.set(r.namespace.name, r.namespace);
      }
    } else if (obj.kind === "NetworkPolicy" && obj.apiVersion === NETWORK_POLICY_API) {
      const r = once(obj, loadNetworkPolicy);
      add(r.diagnostics);
      // The text shown as the policy's change is the declaration that is used: the last valid
      // one (the API server refuses an invalid one, keeping the one before), else the last named.
      const key = r.key;
      if (key !== undefined && (r.policy !== undefined || !validPolicyObjects.has(key))) policyObjects.set(key, obj);
      if (r.policy) {
        if (key !== undefined) validPolicyObjects.add(key);
        const earlier = policies.get(r.policy.id);
        if (earlier) diagnostics.push(duplicate(obj, `NetworkPolicy ${r.policy.id}`, earlier.source));
        policies.set(r.policy.id, r.policy);
      }
    } else if (WORKLOAD_KINDS.includes(obj.kind) || isOperatorWorkload(obj)) {
      const r = once(obj, (o) => (isOperatorWorkload(o) ? loadOperatorWorkload(o) : loadWorkload(o)));
      add(r.diagnostics);
      const w = r.workload;
      if (w === undefined) continue;
      let members = owners.get(w.id);
      if (members === undefined) owners.set(w.id, (members = { declared: undefined, pods: NO_PODS, at: undefined }));
      if (obj.kind === "Pod") podsAt ??= index;
      else members.at ??= index;
      // Two objects of one workload id are a mistake (the later one is applied); the pods of one
      // controller are its replicas, one endpoint or several (replica-groups.ts).
      if (r.replica && r.podName !== undefined) {
        // Most workloads are declared without pods: their map is made with their first pod.
        const pods = members.pods === NO_PODS ? new Map<string, Workload>() : (members.pods as Map<string, Workload>);
        members.pods = pods;
        const earlier = pods.get(r.podName);
        if (earlier) diagnostics.push(duplicate(obj, `Pod ${w.namespace}/${r.podName}`, earlier.source));
        pods.set(r.podName, w);
      } else {
        const earlier = members.declared;
        if (earlier) diagnostics.push(duplicate(obj, `${w.kind} ${w.namespace}/${w.name}`, earlier.source));
        members.declared = w;
      }
    } else if (isExposureObject(obj)) {
      const r = once(obj, loadExposureObject);
      add(r.diagnostics);
      const loaded = r.loaded;
      if (loaded === undefined) continue;
      const [map, id, what] =
        loaded.type === "service" ? [services, loaded.value.id, `Service ${loaded.value.id}`]
        : loaded.type === "route" ? [routes, loaded.value.id, `${loaded.value.kind} ${loaded.value.namespace}/${loaded.value.name}`]
        : loaded.type === "gateway" ? [gateways, loaded.value.id, `Gateway ${loaded.value.id}`]
        : loaded.type === "istio-gateway" ? [istioGateways, loaded.value.id, `Gateway ${loaded.value.id} (networking.istio.io)`]
        : loaded.type === "virtual-service" ? [virtualServices, loaded.value.id, `VirtualService ${loaded.value.id}`]
        : loaded.type === "destination-rule" ? [destinationRules, loaded.value.id, `DestinationRule ${loaded.value.id}`]
        : [grants, `${loaded.value.namespace}/${loaded.value.name}`, `ReferenceGrant ${loaded.value.namespace}/${loaded.value.name}`];
      const earlier = (map as Map<string, { source: SourceRef }>).get(id);
      if (earlier) diagnostics.push(duplicate(obj, what, earlier.source));
      (map as Map<string, unknown>).set(id, loaded.value);
    } else if (isAdminPolicyObject(obj)) {
      const r = once(obj, loadAdminPolicy);
      add(r.diagnostics);
      if (r.policy) {
        const earlier = adminPolicies.get(r.policy.id);
        if (earlier) diagnostics.push(duplicate(obj, `${r.policy.kind} ${r.policy.name}`, earlier.source));
        adminPolicies.set(r.policy.id, r.policy);
        policyObjects.set(r.policy.id, obj);
      }
    } else if (cilium && isCiliumPolicyObject(obj)) {
      // Loaded once per CIDR groups' content: the only other objects a policy depends on.
      const byGroups = once(obj, () => new Map<string, CiliumPolicyLoad>());
      let r = byGroups.get(groupsKey);
      if (r === undefined) byGroups.set(groupsKey, (r = loadCiliumPolicy(obj, cidrGroups)));
      add(r.diagnostics);
      if (r.id === undefined) continue;
      const earlier = policyObjects.get(r.id);
      if (earlier) {
        diagnostics.push(duplicate(obj, r.id.replace("/", " "), { file: earlier.file, line: earlier.locate([]).line }));
        // The later declaration replaces the whole object, every spec of it.
        for (const p of ciliumLoads.get(r.id)?.policies ?? []) policies.delete(p.id);
        for (const p of ciliumLoads.get(r.id)?.deny ?? []) adminPolicies.delete(`deny:${p.id}`);
      }
      ciliumLoads.set(r.id, r);
      policyObjects.set(r.id, obj);
      for (const p of r.policies) policies.set(p.id, p);
      for (const p of r.deny) adminPolicies.set(`deny:${p.id}`, p);
    } else if (cilium && isCidrGroupObject(obj)) {
      continue;
    } else if (obj.kind === "Node" && obj.apiVersion === "v1") {
      // For admin-tier `nodes` peers: its labels and the hostNetwork pods on it.
      const r = once(obj, loadNode);
      add(r.diagnostics);
      if (r.node) {
        const earlier = nodes.get(r.node.name);
        if (earlier) diagnostics.push(duplicate(obj, `Node ${r.node.name}`, earlier.source));
        nodes.set(r.node.name, r.node);
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

  // Pods of one controller that look different to some selector are endpoints of their own; the
  // selectors of every revision analyzed with this one decide, so that both name them alike.
  const selectors = podSelectors({ policies: [...policies.values()], adminPolicies: [...adminPolicies.values()], services: [...services.values()] });
  const distinguish = others.length === 0 ? selectors : uniqueSelectors([...selectors, ...others]);
  const differ = new Set<string>();
  // Workloads in the order the input declares them, as always; those declared by Pods alone at
  // the first Pod's place, by id: no endpoint's place depends on the order of a dump's pods.
  const placed = [...owners.entries()].map(([id, m]) => ({ id, m, at: m.at ?? podsAt ?? 0 })).sort((x, y) => x.at - y.at || compareNames(x.id, y.id));
  for (const { m: members } of placed) {
    const alone = members.pods.size === 0 ? members.declared : members.pods.size === 1 && members.declared === undefined ? [...members.pods.values()][0] : undefined;
    if (alone) workloads.push(alone);
    else {
      for (const k of replicaKeys(members)) differ.add(k);
      workloads.push(...settleReplicas(members, distinguish));
    }
  }

  for (const name of [...workloads.values()].map((w) => w.namespace).concat([...policies.values()].map((p) => p.namespace))) {
    // A cluster-wide policy's namespace is "": no namespace of that name exists.
    if (name !== "" && !namespaces.has(name)) namespaces.set(name, implicitNamespace(name));
  }
  // On a Cilium cluster every pod carries Cilium's labels (its namespace's among them), which
  // every selector can name, NetworkPolicy's too.
  if (cilium) {
    for (const [i, w] of workloads.entries()) {
      const implicit = implicitPodLabels(w.namespace, w.serviceAccount, cni.cluster, namespaces.get(w.namespace)?.labels ?? {});
      workloads[i] = { ...w, labels: { ...w.labels, ...implicit } };
    }
  }
  const cluster: Cluster = {
    namespaces,
    workloads,
    policies: [...policies.values()],
    adminPolicies: [...adminPolicies.values()],
    nodes: [...nodes.values()],
    services: [...services.values()],
    routes: [...routes.values()],
    gateways: [...gateways.values()],
    referenceGrants: [...grants.values()],
    istio: { gateways: [...istioGateways.values()], virtualServices: [...virtualServices.values()], destinationRules: [...destinationRules.values()] },
  };
  if (review) {
    diagnostics.push(...adminPriorityTies(cluster.adminPolicies));
    diagnostics.push(...unselectedPolicies(cluster, skippedKinds, policyObjects));
    for (const f of [...resolveExposure(cluster).findings, ...resolveIstio(cluster).findings]) diagnostics.push(diagnostic(f.severity, f.at.file, f.at, f.message));
  }
  return {
    cluster,
    diagnostics,
    skippedKinds,
    policyObjects,
    unanalyzed: unanalyzedObjects,
    podSelectors: selectors,
    replicaKeys: differ,
  };
}

/**
 * A later declaration of an object declared before: `kubectl apply` applies each in turn (in the
 * order it reads files: src/load/workloads/walk-order.ts), so the object ends up as the later one says.
 */
function duplicate(obj: KubeObject, what: string, earlier: SourceRef | undefined): Diagnostic {
  const at = obj.locate([]);
  const later = `${obj.file}:${at.line}`;
  const before = earlier ? ` (at ${earlier.file}:${earlier.line} and ${later})` : "";
  return diagnostic("warning", obj.file, at, `${what} is declared more than once${before}; the later declaration (${later}) is used, as kubectl apply would keep it`);
}
