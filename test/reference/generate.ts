// fast-check arbitraries for small random clusters that use every NetworkPolicy v1 feature.
// Vocabularies are tiny so that selectors, ports and CIDRs collide often. Only valid objects
// are generated (what the API server would accept); `validateCluster` guards that.

import fc from "fast-check";
import { stringify } from "yaml";
import type { SourceFile } from "../../src/load/object/source.js";
import { cidrStrictlyInside, parseCidr } from "./ip.js";
import {
  NAMESPACE_NAME_LABEL,
  PROTOCOLS,
  type Container,
  type ContainerPort,
  type KubeObject,
  type Labels,
  type LabelSelector,
  type LabelSelectorRequirement,
  type Namespace,
  type NetworkPolicy,
  type NetworkPolicyEgressRule,
  type NetworkPolicyIngressRule,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
  type Pod,
  type PolicyType,
  type Protocol,
} from "./kube.js";

export const NAMESPACE_NAMES = ["default", "alpha", "beta"] as const;

type Vocabulary = Readonly<Record<string, readonly string[]>>;

export const POD_LABELS: Vocabulary = { app: ["web", "db", "api"], role: ["front", "back"], tier: ["gold", "silver"] };
/** Namespace labels share `tier` with pods, so mixing up pod and namespace labels shows. */
export const NAMESPACE_LABELS: Vocabulary = { env: ["prod", "dev"], team: ["red", "blue"], tier: ["gold", "silver"] };
/** What namespaceSelectors may name: the declared labels and the implicit name label ("gamma" never exists). */
const NAMESPACE_SELECTOR_LABELS: Vocabulary = { ...NAMESPACE_LABELS, [NAMESPACE_NAME_LABEL]: [...NAMESPACE_NAMES, "gamma"] };

/** Port numbers used by containers and policies: neighbours (80/81, 8080/8081) and both ends of the range. */
export const PORT_NUMBERS = [1, 53, 80, 81, 443, 8080, 8081, 65535] as const;
export const CONTAINER_PORT_NAMES = ["http", "dns", "metrics"] as const;
/** `grpc` is never declared by a container: it never resolves. */
export const POLICY_PORT_NAMES = [...CONTAINER_PORT_NAMES, "grpc"] as const;

export const IPV4_CIDRS = [
  "0.0.0.0/0",
  "0.0.0.0/1",
  "128.0.0.0/1",
  "0.0.0.0/32",
  "10.0.0.0/8",
  "10.0.0.0/16",
  "10.0.1.0/24",
  "10.0.1.128/25",
  "192.168.0.0/16",
  "192.168.1.0/24",
  "192.168.1.7/32",
  "255.255.255.0/24",
  "255.255.255.255/32",
] as const;

export const IPV6_CIDRS = [
  "::/0",
  "::/1",
  "::/128",
  "2001:db8::/32",
  "2001:db8::/48",
  "2001:db8:0:1::/64",
  "fd00::/8",
  "ff00::/8",
  "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128",
] as const;

/** A generated cluster: the objects, and the YAML files that hold them. */
export interface GeneratedCluster {
  readonly objects: readonly KubeObject[];
  readonly files: readonly SourceFile[];
}

/** A constant built afresh for every sample (no object shared between generated clusters). */
export function fresh<T>(make: () => T): fc.Arbitrary<T> {
  return fc.constant(null).map(make);
}

// ---------------------------------------------------------------------------------------------
// Labels and selectors

/** Each key of the vocabulary present or not, with a value from its list. */
function labelsArb(vocabulary: Vocabulary): fc.Arbitrary<Labels> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const [key, values] of Object.entries(vocabulary)) model[key] = fc.constantFrom(...values);
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Labels>;
}

function requirementArb(vocabulary: Vocabulary): fc.Arbitrary<LabelSelectorRequirement> {
  return fc.oneof(
    ...Object.entries(vocabulary).map(([key, values]) =>
      fc.oneof(
        fc.record({
          key: fc.constant(key),
          operator: fc.constantFrom("In" as const, "NotIn" as const),
          values: fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }),
        }),
        fc.record({ key: fc.constant(key), operator: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
      ),
    ),
  );
}

/** `{}`, matchLabels, matchExpressions (all four operators), or both. */
function selectorArb(vocabulary: Vocabulary): fc.Arbitrary<LabelSelector> {
  return fc.oneof(
    { weight: 1, arbitrary: fresh((): LabelSelector => ({})) },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          matchLabels: labelsArb(vocabulary),
          matchExpressions: fc.array(requirementArb(vocabulary), { minLength: 1, maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    },
  );
}

export const podSelectorArb = selectorArb(POD_LABELS);
export const namespaceSelectorArb = selectorArb(NAMESPACE_SELECTOR_LABELS);

// ---------------------------------------------------------------------------------------------
// Peers and ports

const protocolArb: fc.Arbitrary<Protocol> = fc.constantFrom(...PROTOCOLS);
/** Protocol omitted (TCP) about a third of the time. */
const optionalProtocolArb: fc.Arbitrary<Protocol | undefined> = fc.option(protocolArb, { nil: undefined, freq: 3 });

function withProtocol<T extends object>(entry: T, protocol: Protocol | undefined): T & { protocol?: Protocol } {
  return protocol === undefined ? entry : { ...entry, protocol };
}

function strictlyInside(list: readonly string[], cidr: string): string[] {
  const outer = parseCidr(cidr);
  return list.filter((candidate) => cidrStrictlyInside(parseCidr(candidate), outer));
}

/** An ipBlock: IPv4 mostly, IPv6 sometimes; `except` omitted, `[]`, or 1-2 CIDRs strictly inside. */
const ipBlockPeerArb: fc.Arbitrary<NetworkPolicyPeer> = fc
  .record({
    ipv6: fc.nat({ max: 3 }).map((n) => n === 3), // ~25% IPv6
    cidr: fc.nat({ max: 64 }),
    except: fc.option(fc.array(fc.nat({ max: 64 }), { maxLength: 2 }), { nil: undefined }),
  })
  .map(({ ipv6, cidr, except }) => {
    const list: readonly string[] = ipv6 ? IPV6_CIDRS : IPV4_CIDRS;
    const block = list[cidr % list.length]!;
    if (except === undefined) return { ipBlock: { cidr: block } };
    const inside = strictlyInside(list, block);
    const chosen = inside.length === 0 ? [] : [...new Set(except.map((i) => inside[i % inside.length]!))];
    return { ipBlock: { cidr: block, except: chosen } };
  });

const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ podSelector: podSelectorArb }) },
  { weight: 3, arbitrary: fc.record({ namespaceSelector: namespaceSelectorArb }) },
  { weight: 2, arbitrary: fc.record({ namespaceSelector: namespaceSelectorArb, podSelector: podSelectorArb }) },
  { weight: 2, arbitrary: ipBlockPeerArb },
);

/** `from`/`to`: omitted, `[]`, or 1-3 peers (ORed). */
const peersArb: fc.Arbitrary<NetworkPolicyPeer[] | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fresh((): NetworkPolicyPeer[] => []) },
  { weight: 5, arbitrary: fc.array(peerArb, { minLength: 1, maxLength: 3 }) },
);

const portEntryArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  // `{}`: all TCP ports.
  { weight: 1, arbitrary: fresh((): NetworkPolicyPort => ({})) },
  // Protocol only: all ports of it.
  { weight: 1, arbitrary: protocolArb.map((protocol) => ({ protocol })) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...PORT_NUMBERS), optionalProtocolArb)
      .map(([port, protocol]) => withProtocol({ port }, protocol)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...POLICY_PORT_NAMES), optionalProtocolArb)
      .map(([port, protocol]) => withProtocol({ port }, protocol)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...PORT_NUMBERS), fc.constantFrom(0, 1, 2, 1000, 70000), optionalProtocolArb)
      .map(([port, width, protocol]) => withProtocol({ port, endPort: Math.min(65535, port + width) }, protocol)),
  },
);

/** `ports`: omitted, `[]`, or 1-3 entries. */
const portsArb: fc.Arbitrary<NetworkPolicyPort[] | undefined> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fresh((): NetworkPolicyPort[] => []) },
  { weight: 5, arbitrary: fc.array(portEntryArb, { minLength: 1, maxLength: 3 }) },
);

// ---------------------------------------------------------------------------------------------
// Rules and policies

const ingressRuleArb: fc.Arbitrary<NetworkPolicyIngressRule> = fc
  .tuple(peersArb, portsArb)
  .map(([from, ports]) => ({ ...(from === undefined ? {} : { from }), ...(ports === undefined ? {} : { ports }) }));

const egressRuleArb: fc.Arbitrary<NetworkPolicyEgressRule> = fc
  .tuple(peersArb, portsArb)
  .map(([to, ports]) => ({ ...(to === undefined ? {} : { to }), ...(ports === undefined ? {} : { ports }) }));

/** `ingress`/`egress`: omitted, `[]` (nothing), `[{}]` (everything), or 1-2 random rules. */
function rulesArb<T>(rule: fc.Arbitrary<T>): fc.Arbitrary<T[] | undefined> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fresh((): T[] => []) },
    { weight: 1, arbitrary: fresh((): T[] => [{} as T]) },
    { weight: 5, arbitrary: fc.array(rule, { minLength: 1, maxLength: 2 }) },
  );
}

type Absent = "omitted" | "null";

/** The policy's podSelector: omitted, null, `{}` or a selector. */
const policyPodSelectorArb: fc.Arbitrary<LabelSelector | Absent> = fc.oneof(
  { weight: 1, arbitrary: fc.constant("omitted" as const) },
  { weight: 1, arbitrary: fc.constant("null" as const) },
  { weight: 2, arbitrary: fresh((): LabelSelector => ({})) },
  { weight: 5, arbitrary: podSelectorArb },
);

const policyTypesArb: fc.Arbitrary<PolicyType[] | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fresh((): PolicyType[] => ["Ingress"]) },
  { weight: 1, arbitrary: fresh((): PolicyType[] => ["Egress"]) },
  { weight: 2, arbitrary: fc.boolean().map((b): PolicyType[] => (b ? ["Ingress", "Egress"] : ["Egress", "Ingress"])) },
);

interface PolicyDraft {
  readonly ns: number;
  readonly omitNamespace: boolean;
  readonly podSelector: LabelSelector | Absent;
  readonly policyTypes: PolicyType[] | undefined;
  readonly ingress: NetworkPolicyIngressRule[] | undefined;
  readonly egress: NetworkPolicyEgressRule[] | undefined;
}

const policyDraftArb: fc.Arbitrary<PolicyDraft> = fc.record({
  ns: fc.nat({ max: 2 }),
  omitNamespace: fc.boolean(),
  podSelector: policyPodSelectorArb,
  policyTypes: policyTypesArb,
  ingress: rulesArb(ingressRuleArb),
  egress: rulesArb(egressRuleArb),
});

// ---------------------------------------------------------------------------------------------
// Pods and namespaces

const containerPortArb: fc.Arbitrary<ContainerPort> = fc
  .record({
    name: fc.option(fc.constantFrom(...CONTAINER_PORT_NAMES), { nil: undefined, freq: 3 }),
    containerPort: fc.constantFrom(...PORT_NUMBERS),
    protocol: optionalProtocolArb,
  })
  .map(({ name, containerPort, protocol }) => ({
    ...(name === undefined ? {} : { name }),
    containerPort,
    ...(protocol === undefined ? {} : { protocol }),
  }));

interface PodDraft {
  readonly ns: number;
  readonly omitNamespace: boolean;
  readonly labels: Labels;
  readonly containers: ContainerPort[][];
  readonly hostNetwork: boolean | undefined;
}

const podDraftArb: fc.Arbitrary<PodDraft> = fc.record({
  ns: fc.nat({ max: 2 }),
  omitNamespace: fc.boolean(),
  labels: labelsArb(POD_LABELS),
  containers: fc.array(fc.array(containerPortArb, { maxLength: 3 }), { minLength: 1, maxLength: 2 }),
  hostNetwork: fc.constantFrom(undefined, undefined, undefined, false, true),
});

interface NamespaceDraft {
  readonly declared: boolean;
  readonly labels: Labels;
}

const namespaceDraftArb: fc.Arbitrary<NamespaceDraft> = fc.record({ declared: fc.boolean(), labels: labelsArb(NAMESPACE_LABELS) });

// ---------------------------------------------------------------------------------------------
// Assembly

function metadata(name: string, namespace: string, omitNamespace: boolean, labels?: Labels): Pod["metadata"] {
  return {
    name,
    // Objects without a namespace are in `default`.
    ...(omitNamespace && namespace === "default" ? {} : { namespace }),
    ...(labels === undefined || Object.keys(labels).length === 0 ? {} : { labels }),
  };
}

function buildPod(draft: PodDraft, index: number, namespaces: readonly string[]): Pod {
  const usedNames = new Set<string>();
  const containers: Container[] = draft.containers.map((ports, c) => {
    // Port names are unique within a pod.
    const unique = ports.map((port) => {
      if (port.name === undefined) return port;
      if (usedNames.has(port.name)) {
        const { name: _dropped, ...rest } = port;
        return rest;
      }
      usedNames.add(port.name);
      return port;
    });
    return { name: `c${c}`, image: "registry.example/app:1", ...(unique.length === 0 ? {} : { ports: unique }) };
  });
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: metadata(`p${index}`, namespaces[draft.ns % namespaces.length]!, draft.omitNamespace, draft.labels),
    spec: { ...(draft.hostNetwork === undefined ? {} : { hostNetwork: draft.hostNetwork }), containers },
  };
}

function buildPolicy(draft: PolicyDraft, index: number, namespaces: readonly string[]): NetworkPolicy {
  const spec: NetworkPolicy["spec"] = {};
  if (draft.podSelector === "null") spec.podSelector = null;
  else if (draft.podSelector !== "omitted") spec.podSelector = draft.podSelector;
  if (draft.policyTypes !== undefined) spec.policyTypes = draft.policyTypes;
  if (draft.ingress !== undefined) spec.ingress = draft.ingress;
  if (draft.egress !== undefined) spec.egress = draft.egress;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: metadata(`np${index}`, namespaces[draft.ns % namespaces.length]!, draft.omitNamespace),
    spec,
  };
}

function toYaml(objects: readonly KubeObject[]): string {
  return objects.map((object) => stringify(object)).join("---\n");
}

export const clusterArbitrary: fc.Arbitrary<GeneratedCluster> = fc
  .record({
    namespaces: fc.uniqueArray(fc.constantFrom(...NAMESPACE_NAMES), { minLength: 1, maxLength: 3 }),
    namespaceDrafts: fc.tuple(namespaceDraftArb, namespaceDraftArb, namespaceDraftArb),
    pods: fc.array(podDraftArb, { minLength: 1, maxLength: 5 }),
    policies: fc.array(policyDraftArb, { maxLength: 4 }),
    fileCount: fc.integer({ min: 1, max: 3 }),
    fileOf: fc.array(fc.nat({ max: 2 }), { minLength: 12, maxLength: 12 }),
  })
  .map(({ namespaces, namespaceDrafts, pods, policies, fileCount, fileOf }): GeneratedCluster => {
    const namespaceObjects: Namespace[] = [];
    namespaces.forEach((name, i) => {
      const draft = namespaceDrafts[i]!;
      if (!draft.declared) return;
      const labels = Object.keys(draft.labels).length === 0 ? {} : { labels: draft.labels };
      namespaceObjects.push({ apiVersion: "v1", kind: "Namespace", metadata: { name, ...labels } });
    });
    const objects: KubeObject[] = [
      ...namespaceObjects,
      ...pods.map((draft, i) => buildPod(draft, i, namespaces)),
      ...policies.map((draft, i) => buildPolicy(draft, i, namespaces)),
    ];
    const perFile: KubeObject[][] = Array.from({ length: fileCount }, () => []);
    objects.forEach((object, i) => perFile[(fileOf[i] ?? 0) % fileCount]!.push(object));
    const files: SourceFile[] = [];
    perFile.forEach((list, i) => {
      if (list.length > 0) files.push({ path: `manifests/part${i}.yaml`, text: toYaml(list) });
    });
    return { objects, files };
  });

/** The YAML of a generated cluster, as shown in failure messages. */
export function clusterYaml(cluster: GeneratedCluster): string {
  return cluster.files.map((file) => `# ${file.path}\n${file.text}`).join("\n");
}
