// fast-check arbitraries for random CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy
// objects (spec and specs; endpointSelector with `k8s:`/`any:` prefixes and Cilium's implicit
// labels; fromEndpoints/toEndpoints, fromCIDR, fromCIDRSet with except or a CiliumCIDRGroup,
// entities, toFQDNs; toPorts with numbers, names, "0", ANY, endPort and L7 rules on some ports;
// ingressDeny/egressDeny; enableDefaultDeny off sometimes), mixed into random clusters with
// NetworkPolicies and admin-tier policies. Only objects Cilium's API accepts are generated.

import fc from "fast-check";
import { stringify } from "yaml";
import type { SourceFile } from "../../src/load/object/source.js";
import {
  CILIUM_V2,
  CILIUM_V2ALPHA1,
  type CIDRRule,
  type CiliumCIDRGroupObject,
  type CiliumEgressRule,
  type CiliumIngressRule,
  type CiliumObject,
  type CiliumPolicyObject,
  type CiliumRule,
  type Entity,
  type L7Rules,
  type PortProtocol,
  type PortRule,
} from "./cilium-kube.js";
import { adminPoliciesArbitrary, POD_IPS } from "./generate-admin.js";
import {
  clusterArbitrary,
  fresh,
  IPV4_CIDRS,
  IPV6_CIDRS,
  NAMESPACE_LABELS,
  NAMESPACE_NAMES,
  POD_LABELS,
  POLICY_PORT_NAMES,
  PORT_NUMBERS,
  type GeneratedCluster,
} from "./generate.js";
import { cidrStrictlyInside, parseCidr } from "./ip.js";
import { NAMESPACE_NAME_LABEL, type KubeObject, type LabelSelector, type LabelSelectorRequirement, type NetworkPolicy, type Pod } from "./kube.js";
import {
  CILIUM_CLUSTER_LABEL,
  CILIUM_NAMESPACE_LABEL,
  CILIUM_NAMESPACE_LABELS_PREFIX,
  CILIUM_SERVICE_ACCOUNT_LABEL,
} from "./match.js";

/** Service accounts some pods run as (the rest: "default", written or not). */
export const SERVICE_ACCOUNTS = ["sa-a", "default"] as const;
/** CiliumCIDRGroups the cluster declares when a rule refers to them. */
export const CIDR_GROUPS: Readonly<Record<string, readonly string[]>> = {
  partners: ["192.168.1.0/24", "2001:db8::/48"],
  office: ["10.0.1.0/24"],
};

type Vocabulary = Readonly<Record<string, readonly string[]>>;

/** Keys only Cilium gives a pod, which Cilium and NetworkPolicy selectors both see on a Cilium cluster. */
export const IMPLICIT_LABELS: Vocabulary = {
  [CILIUM_NAMESPACE_LABEL]: [...NAMESPACE_NAMES, "gamma"],
  [CILIUM_SERVICE_ACCOUNT_LABEL]: SERVICE_ACCOUNTS,
  [CILIUM_CLUSTER_LABEL]: ["default", "east"],
  [`${CILIUM_NAMESPACE_LABELS_PREFIX}team`]: NAMESPACE_LABELS.team!,
  [`${CILIUM_NAMESPACE_LABELS_PREFIX}env`]: NAMESPACE_LABELS.env!,
  [`${CILIUM_NAMESPACE_LABELS_PREFIX}${NAMESPACE_NAME_LABEL}`]: [...NAMESPACE_NAMES],
};

const SELECTOR_LABELS: Vocabulary = { ...POD_LABELS, ...IMPLICIT_LABELS };

// ---------------------------------------------------------------------------------------------
// Selectors

function requirementArb(vocabulary: Vocabulary): fc.Arbitrary<LabelSelectorRequirement> {
  return fc.constantFrom(...Object.keys(vocabulary)).chain((key) =>
    fc.oneof(
      fc.record({
        key: fc.constant(key),
        operator: fc.constantFrom("In" as const, "NotIn" as const),
        values: fc.uniqueArray(fc.constantFrom(...vocabulary[key]!), { minLength: 1, maxLength: 2 }),
      }),
      fc.record({ key: fc.constant(key), operator: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
    ),
  );
}

function matchLabelsArb(vocabulary: Vocabulary): fc.Arbitrary<Record<string, string>> {
  return fc
    .uniqueArray(fc.constantFrom(...Object.keys(vocabulary)), { minLength: 1, maxLength: 2 })
    .chain((keys) => fc.tuple(...keys.map((k) => fc.constantFrom(...vocabulary[k]!))).map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]!]))));
}

/** `{}`, 1-2 matchLabels, 1-2 matchExpressions, or both, over a vocabulary (no source prefix). */
export function plainSelectorArb(vocabulary: Vocabulary = SELECTOR_LABELS): fc.Arbitrary<LabelSelector> {
  return fc.oneof(
    { weight: 1, arbitrary: fresh((): LabelSelector => ({})) },
    { weight: 3, arbitrary: matchLabelsArb(vocabulary).map((matchLabels): LabelSelector => ({ matchLabels })) },
    { weight: 2, arbitrary: fc.array(requirementArb(vocabulary), { minLength: 1, maxLength: 2 }).map((matchExpressions): LabelSelector => ({ matchExpressions })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(matchLabelsArb(vocabulary), fc.array(requirementArb(vocabulary), { minLength: 1, maxLength: 1 }))
        .map(([matchLabels, matchExpressions]): LabelSelector => ({ matchLabels, matchExpressions })),
    },
  );
}

/** Keys written bare, as `k8s:key` or `any:key` (Cilium reads all three alike). */
function prefixed(selector: LabelSelector, prefixes: readonly ("" | "k8s:" | "any:")[]): LabelSelector {
  let i = 0;
  const next = () => prefixes[i++ % prefixes.length]!;
  const out: LabelSelector = {};
  if (selector.matchLabels != null) out.matchLabels = Object.fromEntries(Object.entries(selector.matchLabels).map(([k, v]) => [next() + k, v]));
  if (selector.matchExpressions != null) out.matchExpressions = selector.matchExpressions.map((r) => ({ ...r, key: next() + r.key }));
  return out;
}

const prefixesArb = fc.array(fc.constantFrom("" as const, "" as const, "k8s:" as const, "any:" as const), { minLength: 1, maxLength: 3 });

export const ciliumSelectorArb: fc.Arbitrary<LabelSelector> = fc.tuple(plainSelectorArb(), prefixesArb).map(([s, p]) => prefixed(s, p));

/** A peer selector: mostly a Cilium selector; sometimes the host's reserved identity. */
const endpointPeerArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  { weight: 8, arbitrary: ciliumSelectorArb },
  { weight: 1, arbitrary: fc.constantFrom("reserved:host", "reserved:remote-node").map((key): LabelSelector => ({ matchLabels: { [key]: "" } })) },
);

// ---------------------------------------------------------------------------------------------
// Peers

const cidrArb: fc.Arbitrary<string> = fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 64 })).map(([f, i]) => {
  const list: readonly string[] = f === 3 ? IPV6_CIDRS : IPV4_CIDRS;
  return list[i % list.length]!;
});

const cidrRuleArb: fc.Arbitrary<CIDRRule> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(cidrArb, fc.option(fc.array(fc.nat({ max: 64 }), { minLength: 1, maxLength: 2 }), { nil: undefined })).map(([cidr, picks]): CIDRRule => {
      if (picks === undefined) return { cidr };
      const outer = parseCidr(cidr);
      const list: readonly string[] = outer.family === 6 ? IPV6_CIDRS : IPV4_CIDRS;
      const inside = list.filter((c) => cidrStrictlyInside(parseCidr(c), outer));
      if (inside.length === 0) return { cidr };
      return { cidr, except: [...new Set(picks.map((i) => inside[i % inside.length]!))] };
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...Object.keys(CIDR_GROUPS)).map((cidrGroupRef): CIDRRule => ({ cidrGroupRef })) },
);

const ENTITIES: readonly Entity[] = ["world", "world-ipv4", "world-ipv6", "cluster", "all", "host", "remote-node", "kube-apiserver", "health"];
const entitiesArb = fc.uniqueArray(fc.constantFrom(...ENTITIES), { minLength: 1, maxLength: 2 });

type PeerKind = "endpoints" | "cidr" | "cidrSet" | "entities" | "fqdn";

interface Peers {
  endpoints?: LabelSelector[];
  cidr?: string[];
  cidrSet?: CIDRRule[];
  entities?: Entity[];
  fqdn?: boolean;
}

/**
 * One peer kind (Cilium refuses "combining FromEndpoints and FromCIDR"), or none: a rule with
 * only toPorts, or nothing at all. toFQDNs in egress allows.
 */
function peersArb(fqdn: boolean): fc.Arbitrary<Peers> {
  const kinds: PeerKind[] = ["endpoints", "endpoints", "cidr", "cidrSet", "entities", "entities"];
  return fc.oneof(
    { weight: 2, arbitrary: fresh((): Peers => ({})) },
    ...(fqdn ? [{ weight: 1, arbitrary: fresh((): Peers => ({ fqdn: true })) }] : []),
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...kinds)
        .map((kind) => [kind])
        .chain((chosen) =>
          fc.record({
            endpoints: chosen.includes("endpoints") ? fc.array(endpointPeerArb, { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
            cidr: chosen.includes("cidr") ? fc.uniqueArray(cidrArb, { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
            cidrSet: chosen.includes("cidrSet") ? fc.array(cidrRuleArb, { minLength: 1, maxLength: 2 }) : fc.constant(undefined),
            entities: chosen.includes("entities") ? entitiesArb : fc.constant(undefined),
          }),
        )
        .map((p): Peers => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Peers),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Ports

type Dir = "ingress" | "egress";

const protocolArb = fc.constantFrom(undefined, "TCP" as const, "UDP" as const, "SCTP" as const, "ANY" as const);

const portProtocolArb: fc.Arbitrary<PortProtocol> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...PORT_NUMBERS), protocolArb).map(([p, protocol]): PortProtocol => ({ port: String(p), ...(protocol ? { protocol } : {}) })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...PORT_NUMBERS), fc.constantFrom(1, 2, 1000, 70000), protocolArb)
      .filter(([p]) => p < 65535)
      .map(([p, width, protocol]): PortProtocol => ({ port: String(p), endPort: Math.min(65535, p + width), ...(protocol ? { protocol } : {}) })),
  },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...POLICY_PORT_NAMES), protocolArb).map(([port, protocol]): PortProtocol => ({ port, ...(protocol ? { protocol } : {}) })) },
  { weight: 1, arbitrary: protocolArb.map((protocol): PortProtocol => ({ port: "0", ...(protocol ? { protocol } : {}) })) },
  { weight: 1, arbitrary: fc.constantFrom("TCP" as const, "UDP" as const, "SCTP" as const, "ANY" as const).map((protocol): PortProtocol => ({ protocol })) },
);

/** L7 rules Cilium accepts: HTTP and Kafka on TCP ports, DNS (egress only) on port 53, UDP or ANY. */
function l7PortRuleArb(egress: boolean): fc.Arbitrary<PortRule> {
  return fc.oneof(
  fc.tuple(fc.constantFrom(80, 443, 8080), fc.constantFrom("GET", "POST")).map(([port, method]): PortRule => ({
    ports: [{ port: String(port), protocol: "TCP" }],
    rules: { http: [{ method, path: "/api/.*" }] } satisfies L7Rules,
  })),
    ...(egress ? [fc.constantFrom("UDP" as const, "ANY" as const).map((protocol): PortRule => ({ ports: [{ port: "53", protocol }], rules: { dns: [{ matchPattern: "*" }] } }))] : []),
    fresh((): PortRule => ({ ports: [{ port: "8081", protocol: "TCP" }], rules: { kafka: [{ role: "produce", topic: "orders" }] } })),
  );
}

/** Deny rules have no L7. */
function toPortsArb(direction: Dir, deny: boolean): fc.Arbitrary<PortRule[]> {
  const plain = fc.array(portProtocolArb, { minLength: 1, maxLength: 2 }).map((ports): PortRule => ({ ports }));
  const entry = deny ? plain : fc.oneof({ weight: 2, arbitrary: plain }, { weight: 1, arbitrary: l7PortRuleArb(direction === "egress") });
  return fc.array(entry, { minLength: 1, maxLength: 2 });
}

// ---------------------------------------------------------------------------------------------
// Rules and specs

/**
 * What netreach states rather than models, now and then: ICMP rules (instead of toPorts, as
 * Cilium requires), toServices in egress allows, and fromRequires/toRequires beside endpoints.
 */
type Unmodelled = "icmps" | "services" | "requires" | undefined;

const unmodelledArb: fc.Arbitrary<Unmodelled> = fc.constantFrom<Unmodelled>(undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, "icmps", "services", "requires");

function ruleArb(direction: Dir, deny: boolean): fc.Arbitrary<CiliumIngressRule & CiliumEgressRule> {
  return fc
    .tuple(peersArb(direction === "egress" && !deny), fc.option(toPortsArb(direction, deny), { nil: undefined, freq: 2 }), unmodelledArb)
    .map(([peers, ports, unmodelled]) => {
      let toPorts = ports;
      const from = direction === "ingress";
      const rule: CiliumIngressRule & CiliumEgressRule = {};
      if (peers.endpoints) rule[from ? "fromEndpoints" : "toEndpoints"] = peers.endpoints;
      if (peers.cidr) rule[from ? "fromCIDR" : "toCIDR"] = peers.cidr;
      if (peers.cidrSet) rule[from ? "fromCIDRSet" : "toCIDRSet"] = peers.cidrSet;
      if (peers.entities) rule[from ? "fromEntities" : "toEntities"] = peers.entities;
      if (peers.fqdn) rule.toFQDNs = [{ matchPattern: "*.example.com" }];
      if (unmodelled === "icmps") {
        toPorts = undefined;
        rule.icmps = [{ fields: [{ type: 8, family: "IPv4" }] }];
      }
      if (unmodelled === "services" && direction === "egress" && !deny && Object.keys(rule).length === 0) {
        rule.toServices = [{ k8sService: { serviceName: "svc", namespace: "default" } }];
      }
      if (unmodelled === "requires" && peers.endpoints) rule[from ? "fromRequires" : "toRequires"] = [{ matchLabels: { app: "web" } }];
      if (toPorts !== undefined) rule.toPorts = toPorts;
      return rule;
    });
}

function rulesArb(direction: Dir, deny: boolean): fc.Arbitrary<(CiliumIngressRule & CiliumEgressRule)[] | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fresh(() => [{}]) },
    { weight: 4, arbitrary: fc.array(ruleArb(direction, deny), { minLength: 1, maxLength: 2 }) },
  );
}

const enableDefaultDenyArb: fc.Arbitrary<CiliumRule["enableDefaultDeny"] | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fresh(() => ({ ingress: false })) },
  { weight: 1, arbitrary: fresh(() => ({ egress: false })) },
  { weight: 1, arbitrary: fresh(() => ({ ingress: true, egress: false })) },
);

export const ciliumRuleArb: fc.Arbitrary<CiliumRule> = fc
  .record({
    selector: fc.oneof({ weight: 12, arbitrary: ciliumSelectorArb.map((s) => ({ endpointSelector: s })) }, { weight: 1, arbitrary: fresh(() => ({ nodeSelector: {} as LabelSelector })) }),
    ingress: rulesArb("ingress", false),
    egress: rulesArb("egress", false),
    ingressDeny: rulesArb("ingress", true),
    egressDeny: rulesArb("egress", true),
    enableDefaultDeny: enableDefaultDenyArb,
  })
  .map(({ selector, enableDefaultDeny, ...lists }): CiliumRule => {
    const rule: CiliumRule = { ...selector };
    for (const [key, value] of Object.entries(lists)) if (value !== undefined) (rule as Record<string, unknown>)[key] = value;
    if (enableDefaultDeny !== undefined) rule.enableDefaultDeny = enableDefaultDeny;
    return rule;
  });

/** spec, specs (1-2), or both. */
const specsArb: fc.Arbitrary<Pick<CiliumPolicyObject, "spec" | "specs">> = fc.oneof(
  { weight: 4, arbitrary: ciliumRuleArb.map((spec) => ({ spec })) },
  { weight: 1, arbitrary: fc.array(ciliumRuleArb, { minLength: 1, maxLength: 2 }).map((specs) => ({ specs })) },
  { weight: 1, arbitrary: fc.tuple(ciliumRuleArb, ciliumRuleArb).map(([spec, s]) => ({ spec, specs: [s] })) },
);

function policyArb(index: number): fc.Arbitrary<CiliumPolicyObject> {
  return fc
    .record({ clusterwide: fc.nat({ max: 2 }).map((n) => n === 2), ns: fc.nat({ max: 2 }), omitNamespace: fc.boolean(), specs: specsArb })
    .map(({ clusterwide, ns, omitNamespace, specs }): CiliumPolicyObject => {
      if (clusterwide) return { apiVersion: CILIUM_V2, kind: "CiliumClusterwideNetworkPolicy", metadata: { name: `ccnp${index}` }, ...specs };
      const namespace = NAMESPACE_NAMES[ns]!;
      return {
        apiVersion: CILIUM_V2,
        kind: "CiliumNetworkPolicy",
        metadata: { name: `cnp${index}`, ...(omitNamespace && namespace === "default" ? {} : { namespace }) },
        ...specs,
      };
    });
}

/** 1..max Cilium policies (with the CiliumCIDRGroups they refer to). */
export function ciliumPoliciesArbitrary(max = 3): fc.Arbitrary<CiliumObject[]> {
  return fc
    .integer({ min: 1, max })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => policyArb(i))))
    .map((policies): CiliumObject[] => {
      const text = JSON.stringify(policies);
      const groups: CiliumCIDRGroupObject[] = Object.entries(CIDR_GROUPS)
        .filter(([name]) => text.includes(`"cidrGroupRef":"${name}"`))
        .map(([name, externalCIDRs]) => ({ apiVersion: CILIUM_V2ALPHA1, kind: "CiliumCIDRGroup", metadata: { name }, spec: { externalCIDRs: [...externalCIDRs] } }));
      return [...policies, ...groups];
    });
}

/** A NetworkPolicy whose selectors name Cilium's implicit labels (which it sees on a Cilium cluster). */
const implicitNetworkPolicyArb: fc.Arbitrary<NetworkPolicy> = fc
  .record({ ns: fc.nat({ max: 2 }), podSelector: plainSelectorArb(IMPLICIT_LABELS), peer: plainSelectorArb(IMPLICIT_LABELS), egress: fc.boolean() })
  .map(({ ns, podSelector, peer, egress }): NetworkPolicy => {
    const peers = [{ namespaceSelector: {}, podSelector: peer }];
    return {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "np-implicit", namespace: NAMESPACE_NAMES[ns]! },
      spec: egress ? { podSelector, policyTypes: ["Egress"], egress: [{ to: peers }] } : { podSelector, policyTypes: ["Ingress"], ingress: [{ from: peers }] },
    };
  });

export interface MixedClusterOptions {
  /** Admin-tier policies too (distinct priorities). Default true. */
  readonly admin?: boolean;
  /** At most this many Cilium policies (default 3). */
  readonly maxCilium?: number;
}

/**
 * A cluster of clusterArbitrary (pods, namespaces, NetworkPolicies), some pods with a service
 * account (and in some clusters an IP), Cilium policies (manifests/cilium.yaml), sometimes a
 * NetworkPolicy on Cilium's implicit labels, and admin-tier policies (manifests/admin.yaml).
 */
export function mixedClusterArbitrary(options: MixedClusterOptions = {}): fc.Arbitrary<GeneratedCluster> {
  return fc
    .record({
      base: clusterArbitrary,
      cilium: ciliumPoliciesArbitrary(options.maxCilium ?? 3),
      admin: options.admin === false ? fresh(() => []) : adminPoliciesArbitrary({ ties: false, maxPolicies: 2 }),
      accounts: fc.array(fc.constantFrom(undefined, undefined, ...SERVICE_ACCOUNTS), { minLength: 5, maxLength: 5 }),
      implicit: fc.option(implicitNetworkPolicyArb, { nil: undefined, freq: 3 }),
      ips: fc.option(fc.array(fc.option(fc.constantFrom(...POD_IPS), { nil: undefined }), { minLength: 5, maxLength: 5 }), { nil: undefined }),
    })
    .map(({ base, cilium, admin, accounts, implicit, ips }) => {
      const usedIps = new Set<string>();
      const objects: KubeObject[] = base.objects.map((o) => {
        if (o.kind !== "Pod") return o;
        const index = Number(o.metadata.name.slice(1));
        const account = accounts[index % accounts.length];
        let pod: Pod = account === undefined ? o : { ...o, spec: { ...o.spec, serviceAccountName: account } };
        // Some pods carry status.podIP, as dumps do: admin `networks` peers match them, Cilium's CIDR peers never do.
        const ip = ips?.[index % ips.length];
        if (ip !== undefined && !usedIps.has(ip) && pod.spec.hostNetwork !== true) {
          usedIps.add(ip);
          pod = { ...pod, status: { podIP: ip, podIPs: [{ ip }] } };
        }
        return pod;
      });
      if (implicit !== undefined) objects.push(implicit);
      const files: SourceFile[] = [{ path: "manifests/cluster.yaml", text: objects.map((o) => stringify(o)).join("---\n") }];
      files.push({ path: "manifests/cilium.yaml", text: cilium.map((o) => stringify(o)).join("---\n") });
      if (admin.length > 0) files.push({ path: "manifests/admin.yaml", text: admin.map((o) => stringify(o)).join("---\n") });
      return { objects: [...objects, ...cilium, ...admin], files };
    });
}
