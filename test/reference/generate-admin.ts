// fast-check arbitraries for random admin-tier policies of both API versions: v1alpha1
// AdminNetworkPolicy and BaselineAdminNetworkPolicy, v1alpha2 ClusterNetworkPolicy in both tiers.
// Every action (Pass too), port numbers, ranges and named ports, namespaces/pods/networks/nodes/
// domainNames peers; priorities from a small set so that ties are common, unless `ties: false`.
// Only objects the API server accepts (the experimental-channel CRDs) are generated; the
// generator's test loads them through netreach's loader to check that.

import fc from "fast-check";
import { stringify } from "yaml";
import type { SourceFile } from "../../src/load/object/source.js";
import {
  ADMIN_V1ALPHA1,
  ADMIN_V1ALPHA2,
  type AdminObject,
  type AdminPeerObject,
  type AdminPortV1,
  type AdminProtocolV2,
  type AdminRuleObject,
  type AdminSubject,
  type DestinationPort,
} from "./admin-kube.js";
import { consultOrder, priorityOf, tierOf } from "./admin-evaluator.js";
import { clusterArbitrary, fresh, IPV4_CIDRS, IPV6_CIDRS, namespaceSelectorArb, PORT_NUMBERS, POLICY_PORT_NAMES, podSelectorArb, type GeneratedCluster } from "./generate.js";
import type { KubeObject, LabelSelector, Pod } from "./kube.js";

/** Few values, so that equal priorities (ties) happen; 0 and 1000 are the bounds. */
export const PRIORITIES = [0, 1, 2, 5, 1000] as const;
/** Node labels `nodes` peers select on (the generator declares no Node: they match nothing unless the caller adds some). */
export const NODE_LABELS = { role: ["infra", "worker"], zone: ["a", "b"] } as const;
export const DOMAIN_NAMES = ["example.com", "*.example.com", "api.example.org."] as const;

type Version = "anp" | "banp" | "cnp-admin" | "cnp-baseline";

export interface AdminGenerationOptions {
  /** false: no two policies of one tier share a priority (each tier's priorities made distinct). Default true. */
  readonly ties?: boolean;
  /** At most this many policies (default 4). */
  readonly maxPolicies?: number;
}

// ---------------------------------------------------------------------------------------------
// Subjects and peers

const nodeSelectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fresh((): LabelSelector => ({})),
  fc.record({ role: fc.constantFrom(...NODE_LABELS.role) }).map((matchLabels) => ({ matchLabels })),
  fc.record({ zone: fc.constantFrom(...NODE_LABELS.zone) }).map((zone) => ({ matchExpressions: [{ key: "zone", operator: "In" as const, values: [zone.zone] }] })),
);

/** `pods`: v1alpha1 needs both selectors; v1alpha2 may leave namespaceSelector out (= all). */
function namespacedPodArb(v2: boolean) {
  return fc
    .record({ namespaceSelector: namespaceSelectorArb, podSelector: podSelectorArb, omitNamespaces: fc.boolean() })
    .map(({ namespaceSelector, podSelector, omitNamespaces }) => (v2 && omitNamespaces ? { podSelector } : { namespaceSelector, podSelector }));
}

function subjectArb(v2: boolean): fc.Arbitrary<AdminSubject> {
  return fc.oneof(
    namespaceSelectorArb.map((namespaces): AdminSubject => ({ namespaces })),
    namespacedPodArb(v2).map((pods): AdminSubject => ({ pods })),
  );
}

const networksArb: fc.Arbitrary<string[]> = fc
  .tuple(fc.boolean(), fc.uniqueArray(fc.nat({ max: 63 }), { minLength: 1, maxLength: 2 }))
  .map(([ipv6, picks]) => {
    const list: readonly string[] = ipv6 ? IPV6_CIDRS : IPV4_CIDRS;
    return [...new Set(picks.map((i) => list[i % list.length]!))];
  });

function peerArb(version: Version, egress: boolean): fc.Arbitrary<AdminPeerObject> {
  const v2 = version.startsWith("cnp");
  const pods = [
    { weight: 3, arbitrary: namespaceSelectorArb.map((namespaces): AdminPeerObject => ({ namespaces })) },
    { weight: 4, arbitrary: namespacedPodArb(v2).map((p): AdminPeerObject => ({ pods: p })) },
  ];
  if (!egress) return fc.oneof(...pods);
  return fc.oneof(
    ...pods,
    { weight: 3, arbitrary: networksArb.map((networks): AdminPeerObject => ({ networks })) },
    { weight: 1, arbitrary: nodeSelectorArb.map((nodes): AdminPeerObject => ({ nodes })) },
    // BaselineAdminNetworkPolicy has no domainNames.
    ...(version === "banp" ? [] : [{ weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...DOMAIN_NAMES), { minLength: 1, maxLength: 2 }).map((domainNames): AdminPeerObject => ({ domainNames })) }]),
  );
}

// ---------------------------------------------------------------------------------------------
// Ports

const protocolArb = fc.constantFrom("TCP" as const, "UDP" as const, "SCTP" as const);
/** v1alpha1 `protocol`: omitted (TCP) a third of the time. */
const optionalProtocolArb = fc.option(protocolArb, { nil: undefined, freq: 3 });

/** A start and an end port, start <= end (`strict`: start < end, as v1alpha2's CEL requires). */
function rangeArb(strict: boolean) {
  return fc.tuple(fc.constantFrom(...PORT_NUMBERS), fc.constantFrom(0, 1, 2, 1000, 70000)).map(([start, width]) => {
    const s = strict && start === 65535 ? 65534 : start;
    const end = Math.min(65535, s + (strict ? Math.max(1, width) : width));
    return { start: s, end };
  });
}

const portV1Arb: fc.Arbitrary<AdminPortV1> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...PORT_NUMBERS), optionalProtocolArb).map(([port, protocol]): AdminPortV1 => ({ portNumber: protocol === undefined ? { port } : { protocol, port } })) },
  { weight: 2, arbitrary: fc.tuple(rangeArb(false), optionalProtocolArb).map(([r, protocol]): AdminPortV1 => ({ portRange: protocol === undefined ? r : { protocol, ...r } })) },
  { weight: 2, arbitrary: fc.constantFrom(...POLICY_PORT_NAMES).map((namedPort): AdminPortV1 => ({ namedPort })) },
);

const destinationPortArb: fc.Arbitrary<DestinationPort> = fc.oneof(
  fc.constantFrom(...PORT_NUMBERS).map((number): DestinationPort => ({ number })),
  rangeArb(true).map((range): DestinationPort => ({ range })),
);

const protocolV2Arb: fc.Arbitrary<AdminProtocolV2> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom("tcp" as const, "udp" as const, "sctp" as const), destinationPortArb).map(([p, destinationPort]): AdminProtocolV2 => ({ [p]: { destinationPort } })) },
  { weight: 2, arbitrary: fc.constantFrom(...POLICY_PORT_NAMES).map((destinationNamedPort): AdminProtocolV2 => ({ destinationNamedPort })) },
);

function isNamed(entry: AdminPortV1 | AdminProtocolV2): boolean {
  return ("namedPort" in entry && entry.namedPort != null) || ("destinationNamedPort" in entry && entry.destinationNamedPort != null);
}

// ---------------------------------------------------------------------------------------------
// Rules and policies

function actions(version: Version): readonly string[] {
  if (version === "anp") return ["Allow", "Deny", "Pass"];
  if (version === "banp") return ["Allow", "Deny"];
  return ["Accept", "Deny", "Pass"];
}

function ruleArb(version: Version, egress: boolean): fc.Arbitrary<AdminRuleObject> {
  const v2 = version.startsWith("cnp");
  const portList = v2 ? fc.array(protocolV2Arb, { minLength: 1, maxLength: 3 }) : fc.array(portV1Arb, { minLength: 1, maxLength: 3 });
  return fc
    .record({
      name: fc.option(fc.constantFrom("r-a", "r-b", "allow-dns"), { nil: undefined }),
      action: fc.constantFrom(...actions(version)),
      peers: fc.array(peerArb(version, egress), { minLength: 1, maxLength: 3 }),
      ports: fc.option(portList as fc.Arbitrary<(AdminPortV1 | AdminProtocolV2)[]>, { nil: undefined, freq: 3 }),
    })
    .map(({ name, action, peers, ports }) => {
      // The experimental CRDs' CEL: no named port in a rule with networks/nodes/domainNames peers.
      const addresses = peers.some((p) => p.networks != null || p.nodes != null || p.domainNames != null);
      const kept = ports === undefined ? undefined : addresses ? ports.filter((e) => !isNamed(e)) : ports;
      const rule: AdminRuleObject = { ...(name === undefined ? {} : { name }), action, [egress ? "to" : "from"]: peers };
      if (kept !== undefined && kept.length > 0) {
        if (v2) rule.protocols = kept as AdminProtocolV2[];
        else rule.ports = kept as AdminPortV1[];
      }
      return rule;
    });
}

function rulesArb(version: Version, egress: boolean) {
  return fc.option(fc.array(ruleArb(version, egress), { maxLength: 3 }), { nil: undefined, freq: 4 });
}

function policyArb(version: Version, index: number): fc.Arbitrary<AdminObject> {
  const v2 = version.startsWith("cnp");
  return fc
    .record({ priority: fc.constantFrom(...PRIORITIES), subject: subjectArb(v2), ingress: rulesArb(version, false), egress: rulesArb(version, true) })
    .map(({ priority, subject, ingress, egress }): AdminObject => {
      const rules = { ...(ingress === undefined ? {} : { ingress }), ...(egress === undefined ? {} : { egress }) };
      if (version === "banp") return { apiVersion: ADMIN_V1ALPHA1, kind: "BaselineAdminNetworkPolicy", metadata: { name: "default" }, spec: { subject, ...rules } };
      if (version === "anp") return { apiVersion: ADMIN_V1ALPHA1, kind: "AdminNetworkPolicy", metadata: { name: `anp${index}` }, spec: { priority, subject, ...rules } };
      return {
        apiVersion: ADMIN_V1ALPHA2,
        kind: "ClusterNetworkPolicy",
        metadata: { name: `cnp${index}` },
        spec: { tier: version === "cnp-admin" ? "Admin" : "Baseline", priority, subject, ...rules },
      };
    });
}

/** Policies of one tier with equal priorities, each pair once (what upstream leaves undefined). */
export function adminTies(policies: readonly AdminObject[]): [AdminObject, AdminObject][] {
  const out: [AdminObject, AdminObject][] = [];
  const sorted = [...policies].sort(consultOrder);
  sorted.forEach((a, i) => {
    for (const b of sorted.slice(i + 1)) {
      if (tierOf(a) === tierOf(b) && priorityOf(a) === priorityOf(b)) out.push([a, b]);
    }
  });
  return out;
}

/** Copies with the priorities of each tier made distinct, in the order consultOrder reads ties. */
function untie(policies: readonly AdminObject[]): AdminObject[] {
  const priority = new Map<AdminObject, number>();
  for (const tier of ["admin", "baseline"]) {
    const list = [...policies].filter((p) => p.kind !== "BaselineAdminNetworkPolicy" && tierOf(p) === tier).sort(consultOrder);
    // Strictly increasing from the generated values, then capped so the last stays within 1000.
    let next = 0;
    const values = list.map((p) => (next = Math.max(priorityOf(p), next) + 1) - 1);
    values.forEach((v, i) => priority.set(list[i]!, Math.min(v, 1000 - (values.length - 1 - i))));
  }
  // Generated values are not mutated: fast-check may reuse them while shrinking.
  return policies.map((p) => (p.kind === "BaselineAdminNetworkPolicy" ? p : ({ ...p, spec: { ...p.spec, priority: priority.get(p)! } } as AdminObject)));
}

/** 0..maxPolicies admin-tier policies of both versions and tiers, at most one BaselineAdminNetworkPolicy. */
export function adminPoliciesArbitrary(options: AdminGenerationOptions = {}): fc.Arbitrary<AdminObject[]> {
  const ties = options.ties ?? true;
  return fc
    .array(fc.constantFrom<Version>("anp", "anp", "banp", "cnp-admin", "cnp-admin", "cnp-baseline"), { maxLength: options.maxPolicies ?? 4 })
    .chain((versions) => {
      // A BaselineAdminNetworkPolicy is a singleton named "default".
      const once = versions.filter((v, i) => v !== "banp" || versions.indexOf("banp") === i);
      return once.length === 0 ? fresh((): AdminObject[] => []) : fc.tuple(...once.map((v, i) => policyArb(v, i)));
    })
    .map((policies) => (ties ? policies : untie(policies)));
}

/** Addresses given to some pods as status.podIP: inside and outside the CIDR vocabulary, both families. */
export const POD_IPS = ["10.0.1.5", "10.0.1.200", "192.168.1.7", "172.16.0.9", "2001:db8::5", "fd00::1"] as const;

export interface ClusterWithAdminOptions extends AdminGenerationOptions {
  /** Give some pods a status.podIP (as `kubectl get -o yaml` dumps have), so `networks` can match them. Default false. */
  readonly podIps?: boolean;
}

/** A cluster of clusterArbitrary plus admin-tier policies, in one more file (manifests/admin.yaml). */
export function clusterWithAdminArbitrary(options: ClusterWithAdminOptions = {}): fc.Arbitrary<GeneratedCluster> {
  return fc
    .tuple(clusterArbitrary, adminPoliciesArbitrary(options), fc.array(fc.option(fc.constantFrom(...POD_IPS), { nil: undefined }), { minLength: 5, maxLength: 5 }))
    .map(([base, admin, ips]) => {
      const used = new Set<string>();
      const objects: KubeObject[] = base.objects.map((o) => {
        if (!options.podIps || o.kind !== "Pod") return o;
        const ip = ips[Number(o.metadata.name.slice(1)) % ips.length];
        // A pod IP is one pod's; hostNetwork pods share their node's, which this cluster does not model.
        if (ip === undefined || used.has(ip) || o.spec.hostNetwork === true) return o;
        used.add(ip);
        return { ...o, status: { podIP: ip, podIPs: [{ ip }] } } satisfies Pod;
      });
      // With pod IPs, the base objects are written again, in one file (placement does not change the answer).
      const files: SourceFile[] = options.podIps ? [{ path: "manifests/cluster.yaml", text: objects.map((o) => stringify(o)).join("---\n") }] : [...base.files];
      if (admin.length > 0) files.push({ path: "manifests/admin.yaml", text: admin.map((o) => stringify(o)).join("---\n") });
      return { objects: [...objects, ...admin], files };
    });
}
