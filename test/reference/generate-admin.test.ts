// The admin-tier generator makes policies the API server (netreach's loader) accepts, of both
// versions and tiers, with every feature the property test is meant to exercise; ties are
// generated, or avoided when asked; the reference evaluator takes every generated cluster.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildCluster } from "../../src/load/cluster.js";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { extractObjects } from "../../src/load/objects.js";
import type { AdminObject, AdminPeerObject } from "./admin-kube.js";
import { allowed } from "./evaluator.js";
import { adminPoliciesArbitrary, adminTies, clusterWithAdminArbitrary } from "./generate-admin.js";
import type { GeneratedCluster } from "./generate.js";
import { clusterFromObjects, PROTOCOLS, validateCluster } from "./kube.js";

function isAdmin(o: { kind: string }): o is AdminObject {
  return o.kind === "AdminNetworkPolicy" || o.kind === "BaselineAdminNetworkPolicy" || o.kind === "ClusterNetworkPolicy";
}

function load(generated: GeneratedCluster) {
  return buildCluster(generated.files.flatMap((file) => [...extractObjects(file, parseDocuments(file).docs).objects]));
}

function features(policy: AdminObject, out: Set<string>): void {
  out.add(policy.kind === "ClusterNetworkPolicy" ? `CNP ${policy.spec.tier}` : policy.kind);
  if (policy.spec.subject.pods && !policy.spec.subject.pods.namespaceSelector) out.add("pods without namespaceSelector");
  for (const [dir, rules] of [["ingress", policy.spec.ingress], ["egress", policy.spec.egress]] as const) {
    for (const rule of rules ?? []) {
      out.add(`${dir} ${rule.action}`);
      const peers: AdminPeerObject[] = (dir === "ingress" ? rule.from : rule.to) ?? [];
      for (const p of peers) out.add(`peer ${Object.keys(p).join(",")}`);
      if (peers.some((p) => (p.networks ?? []).some((c) => c.includes(":")))) out.add("networks IPv6");
      if (rule.ports === undefined && rule.protocols === undefined) out.add("all ports");
      for (const e of rule.ports ?? []) out.add(`port ${Object.keys(e).join(",")}`);
      for (const e of rule.protocols ?? []) {
        out.add(`protocol ${Object.keys(e).join(",")}`);
        for (const p of [e.tcp, e.udp, e.sctp]) if (p) out.add(`destinationPort ${Object.keys(p.destinationPort).join(",")}`);
      }
    }
  }
}

describe("admin-tier generator", () => {
  it("makes objects netreach's loader accepts without an error, all of them loaded", () => {
    fc.assert(
      fc.property(clusterWithAdminArbitrary({ podIps: true }), (generated) => {
        const r = load(generated);
        const errors = r.diagnostics.filter((d) => d.severity === "error");
        expect(errors).toEqual([]);
        expect(r.cluster.adminPolicies.length).toBe(generated.objects.filter(isAdmin).length);
      }),
      { numRuns: 80 },
    );
  });

  it("covers both versions, both tiers, every action, peer and port kind, and ties", () => {
    const seen = new Set<string>();
    let ties = 0;
    let podIps = 0;
    for (const generated of fc.sample(clusterWithAdminArbitrary({ podIps: true }), { numRuns: 250, seed: 7 })) {
      const admin = generated.objects.filter(isAdmin);
      admin.forEach((p) => features(p, seen));
      ties += adminTies(admin).length;
      podIps += generated.objects.filter((o) => o.kind === "Pod" && o.status?.podIP).length;
    }
    for (const f of [
      "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "CNP Admin", "CNP Baseline", "pods without namespaceSelector",
      "ingress Allow", "ingress Deny", "ingress Pass", "egress Accept", "egress Pass", "egress Allow",
      "peer namespaces", "peer pods", "peer networks", "peer nodes", "peer domainNames", "networks IPv6", "all ports",
      "port portNumber", "port portRange", "port namedPort", "protocol tcp", "protocol udp", "protocol sctp", "protocol destinationNamedPort",
      "destinationPort number", "destinationPort range",
    ]) {
      expect(seen, f).toContain(f);
    }
    expect(ties).toBeGreaterThan(0);
    expect(podIps).toBeGreaterThan(0);
  });

  it("with ties: false, no two policies of a tier share a priority, and all stay within 0-1000", () => {
    fc.assert(
      fc.property(adminPoliciesArbitrary({ ties: false, maxPolicies: 6 }), (policies) => {
        expect(adminTies(policies)).toEqual([]);
        for (const p of policies) if (p.kind !== "BaselineAdminNetworkPolicy") expect(p.spec.priority).toBeGreaterThanOrEqual(0), expect(p.spec.priority).toBeLessThanOrEqual(1000);
      }),
      { numRuns: 300 },
    );
  });

  it("the reference evaluator answers every pod pair of every generated cluster", () => {
    fc.assert(
      fc.property(clusterWithAdminArbitrary({ podIps: true }), (generated) => {
        const cluster = clusterFromObjects(generated.objects);
        validateCluster(cluster);
        for (const src of cluster.pods) {
          for (const dst of cluster.pods) {
            if (src === dst) continue;
            for (const protocol of PROTOCOLS) for (const port of [53, 80, 8080]) expect(typeof allowed(cluster, src, dst, protocol, port)).toBe("boolean");
          }
          for (const address of ["10.0.1.5", "2001:db8::5", "8.8.8.8"]) expect(typeof allowed(cluster, src, address, "TCP", 80)).toBe("boolean");
        }
      }),
      { numRuns: 100 },
    );
  });
});
