// Hand-made cases with known answers, so that the reference evaluator can be trusted.

import { describe, expect, it } from "vitest";
import { allowed, policyTypes, selectorMatches } from "./evaluator.js";
import type { Cluster, ContainerPort, Labels, Namespace, NetworkPolicy, Pod } from "./kube.js";

function pod(ns: string | undefined, name: string, labels: Labels = {}, ports: ContainerPort[] = [], hostNetwork = false): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, ...(ns === undefined ? {} : { namespace: ns }), labels },
    spec: { ...(hostNetwork ? { hostNetwork: true } : {}), containers: [{ name: "c", ports }] },
  };
}

function namespace(name: string, labels: Labels = {}): Namespace {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

function policy(ns: string, name: string, spec: NetworkPolicy["spec"]): NetworkPolicy {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace: ns }, spec };
}

function cluster(pods: Pod[], policies: NetworkPolicy[] = [], namespaces: Namespace[] = []): Cluster {
  return { namespaces, pods, policies };
}

const web = pod("app", "web", { app: "web" });
const db = pod("app", "db", { app: "db" });
const client = pod("other", "client", { app: "client" });

describe("reference evaluator", () => {
  it("allows everything without policies", () => {
    const c = cluster([web, db]);
    expect(allowed(c, web, db, "TCP", 80)).toBe(true);
    expect(allowed(c, db, web, "SCTP", 65535)).toBe(true);
    expect(allowed(c, "10.0.0.1", web, "UDP", 53)).toBe(true);
    expect(allowed(c, web, "::1", "TCP", 1)).toBe(true);
  });

  it("default deny ingress isolates ingress only", () => {
    const c = cluster([web, db, client], [policy("app", "deny", { podSelector: {} })]);
    expect(policyTypes(c.policies[0]!)).toEqual(["Ingress"]);
    expect(allowed(c, web, db, "TCP", 80)).toBe(false);
    expect(allowed(c, client, web, "TCP", 80)).toBe(false);
    expect(allowed(c, "1.2.3.4", web, "TCP", 80)).toBe(false);
    // Egress is not isolated: app pods may still talk out.
    expect(allowed(c, web, client, "TCP", 80)).toBe(true);
    expect(allowed(c, web, "1.2.3.4", "UDP", 53)).toBe(true);
  });

  it("policyTypes defaults to Egress too when egress has a rule; [] and [{}] differ", () => {
    const withEgressRule = policy("app", "e", { podSelector: {}, egress: [{ ports: [{ port: 53, protocol: "UDP" }] }] });
    const emptyEgress = policy("app", "e", { podSelector: {}, egress: [] });
    expect(policyTypes(withEgressRule)).toEqual(["Ingress", "Egress"]);
    expect(policyTypes(emptyEgress)).toEqual(["Ingress"]);
    const c = cluster([web, client], [withEgressRule]);
    expect(allowed(c, web, client, "UDP", 53)).toBe(true);
    expect(allowed(c, web, client, "TCP", 53)).toBe(false);
    expect(allowed(c, web, "8.8.8.8", "UDP", 53)).toBe(true);
    const denyAll = cluster([web, client], [policy("app", "d", { podSelector: {}, policyTypes: ["Egress"], egress: [] })]);
    expect(allowed(denyAll, web, client, "UDP", 53)).toBe(false);
    const allowAll = cluster([web, client], [policy("app", "a", { podSelector: {}, policyTypes: ["Egress"], egress: [{}] })]);
    expect(allowed(allowAll, web, client, "UDP", 53)).toBe(true);
    expect(allowed(allowAll, web, "::", "SCTP", 9)).toBe(true);
  });

  it("rules of a direction not in policyTypes are ignored", () => {
    const c = cluster(
      [web, db],
      [
        policy("app", "deny", { podSelector: {}, policyTypes: ["Ingress"] }),
        policy("app", "egress-only", { podSelector: {}, policyTypes: ["Egress"], ingress: [{}], egress: [{}] }),
      ],
    );
    expect(allowed(c, web, db, "TCP", 80)).toBe(false);
  });

  it("podSelector alone means the policy's namespace; namespaceSelector and podSelector in one peer are ANDed; peers are ORed", () => {
    const prodWeb = pod("prod", "web", { app: "web" });
    const prodDb = pod("prod", "db", { app: "db" });
    const devWeb = pod("dev", "web", { app: "web" });
    const target = pod("prod", "target", { app: "target" });
    const namespaces = [namespace("prod", { env: "prod" }), namespace("dev", { env: "dev" })];
    const and = policy("prod", "and", {
      podSelector: { matchLabels: { app: "target" } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: "dev" } }, podSelector: { matchLabels: { app: "web" } } }] }],
    });
    const or = policy("prod", "or", {
      podSelector: { matchLabels: { app: "target" } },
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: "dev" } } }, { podSelector: { matchLabels: { app: "web" } } }] }],
    });
    const pods = [prodWeb, prodDb, devWeb, target];
    const cAnd = cluster(pods, [and], namespaces);
    expect(allowed(cAnd, devWeb, target, "TCP", 80)).toBe(true);
    expect(allowed(cAnd, prodWeb, target, "TCP", 80)).toBe(false);
    expect(allowed(cAnd, prodDb, target, "TCP", 80)).toBe(false);
    const cOr = cluster(pods, [or], namespaces);
    expect(allowed(cOr, devWeb, target, "TCP", 80)).toBe(true);
    expect(allowed(cOr, prodWeb, target, "TCP", 80)).toBe(true); // podSelector alone: same namespace
    expect(allowed(cOr, prodDb, target, "TCP", 80)).toBe(false);
    expect(allowed(cOr, "10.0.0.1", target, "TCP", 80)).toBe(false); // selectors never match addresses
  });

  it("label selectors: NotIn and DoesNotExist match absent keys; everything is ANDed", () => {
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["gold"] }] }, {})).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["gold"] }] }, { tier: "gold" })).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "In", values: ["gold"] }] }, {})).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] }, {})).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "tier", operator: "Exists" }] }, { tier: "" })).toBe(true);
    const both = { matchLabels: { app: "web" }, matchExpressions: [{ key: "role", operator: "In" as const, values: ["a", "b"] }] };
    expect(selectorMatches(both, { app: "web", role: "b" })).toBe(true);
    expect(selectorMatches(both, { app: "web" })).toBe(false);
    expect(selectorMatches({}, { anything: "x" })).toBe(true);
    expect(selectorMatches(null, {})).toBe(true);
    // In a policy: NotIn selects the pod without the key.
    const noTier = pod("app", "no-tier", { app: "x" });
    const gold = pod("app", "gold", { tier: "gold" });
    const c = cluster(
      [noTier, gold, web],
      [policy("app", "p", { podSelector: { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["gold"] }] } })],
    );
    expect(allowed(c, web, noTier, "TCP", 80)).toBe(false);
    expect(allowed(c, noTier, gold, "TCP", 80)).toBe(true);
  });

  it("implicit kubernetes.io/metadata.name, declared or not; objects without a namespace are in default", () => {
    const plain = pod(undefined, "plain", { app: "web" });
    const target = pod("app", "target");
    const c = cluster(
      [plain, target, client],
      [
        policy("app", "p", {
          podSelector: {},
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "default" } } }] }],
        }),
      ],
      [namespace("other", { "kubernetes.io/metadata.name": "other", team: "x" })],
    );
    expect(allowed(c, plain, target, "TCP", 80)).toBe(true);
    expect(allowed(c, client, target, "TCP", 80)).toBe(false);
    const byTeam = cluster(
      [client, target],
      [policy("app", "p", { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: "x" } } }] }] })],
      [namespace("other", { team: "x" })],
    );
    expect(allowed(byTeam, client, target, "TCP", 80)).toBe(true);
    // A policy in `default` written without a namespace selects pods without one.
    const implicit = cluster([plain, pod("default", "b")], [{ ...policy("x", "deny", { podSelector: {} }), metadata: { name: "deny" } }]);
    expect(allowed(implicit, implicit.pods[1]!, plain, "TCP", 80)).toBe(false);
  });

  it("named ports resolve per destination pod, by name and protocol, in both directions", () => {
    const a = pod("app", "a", { app: "srv" }, [{ name: "http", containerPort: 80 }, { name: "dns", containerPort: 53, protocol: "UDP" }]);
    const b = pod("app", "b", { app: "srv" }, [{ name: "http", containerPort: 8080 }]);
    const src = pod("app", "src", { app: "src" });
    const egress = policy("app", "e", {
      podSelector: { matchLabels: { app: "src" } },
      policyTypes: ["Egress"],
      egress: [{ ports: [{ port: "http" }, { port: "dns", protocol: "TCP" }] }],
    });
    const c = cluster([a, b, src], [egress]);
    expect(allowed(c, src, a, "TCP", 80)).toBe(true);
    expect(allowed(c, src, a, "TCP", 8080)).toBe(false);
    expect(allowed(c, src, b, "TCP", 8080)).toBe(true);
    expect(allowed(c, src, b, "TCP", 80)).toBe(false);
    // `dns` is UDP on `a`; the policy asks for TCP `dns`: nothing.
    expect(allowed(c, src, a, "TCP", 53)).toBe(false);
    expect(allowed(c, src, a, "UDP", 53)).toBe(false);
    // Toward an external address a named port matches nothing.
    expect(allowed(c, src, "10.0.0.1", "TCP", 80)).toBe(false);
    const ingress = policy("app", "i", { podSelector: { matchLabels: { app: "srv" } }, ingress: [{ ports: [{ port: "http" }] }] });
    const ci = cluster([a, b, src], [ingress]);
    expect(allowed(ci, src, a, "TCP", 80)).toBe(true);
    expect(allowed(ci, src, b, "TCP", 80)).toBe(false);
    expect(allowed(ci, "192.0.2.1", b, "TCP", 8080)).toBe(true);
  });

  it("endPort is inclusive; {} is all TCP ports; protocol alone is all its ports", () => {
    const c = cluster(
      [web, db],
      [policy("app", "p", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ ports: [{ port: 8080, endPort: 8090 }, { protocol: "UDP" }] }] })],
    );
    expect(allowed(c, web, db, "TCP", 8079)).toBe(false);
    expect(allowed(c, web, db, "TCP", 8080)).toBe(true);
    expect(allowed(c, web, db, "TCP", 8090)).toBe(true);
    expect(allowed(c, web, db, "TCP", 8091)).toBe(false);
    expect(allowed(c, web, db, "SCTP", 8085)).toBe(false);
    expect(allowed(c, web, db, "UDP", 1)).toBe(true);
    const allTcp = cluster([web, db], [policy("app", "p", { podSelector: {}, ingress: [{ ports: [{}] }] })]);
    expect(allowed(allTcp, web, db, "TCP", 65535)).toBe(true);
    expect(allowed(allTcp, web, db, "UDP", 53)).toBe(false);
    const noPorts = cluster([web, db], [policy("app", "p", { podSelector: {}, ingress: [{ ports: [] }] })]);
    expect(allowed(noPorts, web, db, "SCTP", 7)).toBe(true);
  });

  it("an SCTP-only policy isolates TCP and UDP too", () => {
    const c = cluster([web, db], [policy("app", "p", { podSelector: {}, ingress: [{ ports: [{ port: 9000, protocol: "SCTP" }] }] })]);
    expect(allowed(c, web, db, "SCTP", 9000)).toBe(true);
    expect(allowed(c, web, db, "TCP", 9000)).toBe(false);
    expect(allowed(c, web, db, "UDP", 9000)).toBe(false);
  });

  it("ipBlock with except matches addresses only, by family, at exact boundaries", () => {
    const c = cluster(
      [web, db],
      [
        policy("app", "p", {
          podSelector: {},
          policyTypes: ["Ingress", "Egress"],
          ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.0.1.0/24"] } }] }],
          egress: [{ to: [{ ipBlock: { cidr: "2001:db8::/32" } }, { ipBlock: { cidr: "0.0.0.0/0" } }] }],
        }),
      ],
    );
    expect(allowed(c, "9.255.255.255", web, "TCP", 80)).toBe(false);
    expect(allowed(c, "10.0.0.0", web, "TCP", 80)).toBe(true);
    expect(allowed(c, "10.0.0.255", web, "TCP", 80)).toBe(true);
    expect(allowed(c, "10.0.1.0", web, "TCP", 80)).toBe(false);
    expect(allowed(c, "10.0.1.255", web, "TCP", 80)).toBe(false);
    expect(allowed(c, "10.0.2.0", web, "TCP", 80)).toBe(true);
    expect(allowed(c, "10.255.255.255", web, "TCP", 80)).toBe(true);
    expect(allowed(c, "11.0.0.0", web, "TCP", 80)).toBe(false);
    // ipBlocks never match pods, even 0.0.0.0/0.
    expect(allowed(c, web, db, "TCP", 80)).toBe(false);
    expect(allowed(c, web, "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "UDP", 53)).toBe(true);
    expect(allowed(c, web, "2001:db9::", "UDP", 53)).toBe(false);
    expect(allowed(c, web, "255.255.255.255", "UDP", 53)).toBe(true);
  });

  it("hostNetwork pods are never selected, and match only empty peer lists", () => {
    const host = pod("app", "host", { app: "web" }, [], true);
    const c = cluster(
      [host, web, db],
      [
        policy("app", "deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }),
        policy("app", "from-all-namespaces", {
          podSelector: { matchLabels: { app: "db" } },
          ingress: [{ from: [{ namespaceSelector: {} }] }],
        }),
      ],
    );
    // Not selected as a subject: the default deny does not isolate it.
    expect(allowed(c, "10.0.0.1", host, "TCP", 22)).toBe(true);
    // Not a peer of `namespaceSelector: {}`.
    expect(allowed(c, host, db, "TCP", 80)).toBe(false);
    const open = cluster([host, db], [policy("app", "open", { podSelector: {}, ingress: [{ from: [] }] })]);
    expect(allowed(open, host, db, "TCP", 80)).toBe(true);
    const openOmitted = cluster([host, db], [policy("app", "open", { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] })]);
    expect(allowed(openOmitted, host, db, "TCP", 80)).toBe(true);
    expect(allowed(openOmitted, host, db, "TCP", 81)).toBe(false);
  });

  it("pod->pod needs both sides; external->external and a pod to itself are not evaluated", () => {
    const c = cluster(
      [web, db],
      [
        policy("app", "web-out", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Egress"], egress: [{ ports: [{ port: 80 }] }] }),
        policy("app", "db-in", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ ports: [{ port: 81 }] }] }),
      ],
    );
    expect(allowed(c, web, db, "TCP", 80)).toBe(false);
    expect(allowed(c, web, db, "TCP", 81)).toBe(false);
    expect(allowed(c, web, "1.1.1.1", "TCP", 80)).toBe(true);
    expect(allowed(c, "1.1.1.1", db, "TCP", 81)).toBe(true);
    expect(() => allowed(c, "1.1.1.1", "2.2.2.2", "TCP", 80)).toThrow();
    expect(() => allowed(c, web, { ...web }, "TCP", 80)).toThrow();
  });
});
