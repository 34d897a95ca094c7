// Property test: on thousands of random valid clusters, netreach's `reach` answer agrees with
// the naive reference evaluator (test/reference/evaluator.ts) for every ordered pair of pods and
// every pod <-> external address, at sample points (every protocol; ports at every boundary any
// object mentions; addresses at every ipBlock boundary).
//
// NETREACH_PROPERTY_RUNS and NETREACH_PROPERTY_SEED override the run count and the seed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { analyzeReach } from "../src/render/reach-json.js";
import type { ReachJson } from "../src/report/reach-json.js";
import { NO_CONN, connAllows, parseConn, type Conn } from "./reference/conn.js";
import { allowed, policyTypes, type Endpoint } from "./reference/evaluator.js";
import { clusterArbitrary, clusterYaml, type GeneratedCluster } from "./reference/generate.js";
import { clusterWithAdminArbitrary } from "./reference/generate-admin.js";
import { cidrContains, familyMax, formatIp, parseCidr, parseIp, type Cidr, type Family, type Ip } from "./reference/ip.js";
import { PROTOCOLS, clusterFromObjects, podId, validateCluster, type Cluster, type Pod } from "./reference/kube.js";

const RUNS = Number(process.env.NETREACH_PROPERTY_RUNS ?? 1000);
const ADMIN_RUNS = Number(process.env.NETREACH_ADMIN_PROPERTY_RUNS ?? 200);
const SEED = process.env.NETREACH_PROPERTY_SEED === undefined ? undefined : Number(process.env.NETREACH_PROPERTY_SEED);

/** Totals over a run, printed at the end so the test's reach is visible. */
const stats = { clusters: 0, podPairs: 0, podExternalPairs: 0, samples: 0 };

// ---------------------------------------------------------------------------------------------
// Sample points

function clampPort(port: number): number {
  return Math.min(65535, Math.max(1, port));
}

/** 1, 65535, and every port number in a policy or a container port, each with its neighbours. */
function samplePorts(cluster: Cluster): number[] {
  const mentioned = new Set<number>([1, 65535]);
  for (const pod of cluster.pods) {
    for (const container of pod.spec.containers) {
      for (const port of container.ports ?? []) mentioned.add(port.containerPort);
    }
  }
  for (const policy of cluster.policies) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const entry of rule.ports ?? []) {
        if (typeof entry.port === "number") mentioned.add(entry.port);
        if (typeof entry.endPort === "number") mentioned.add(entry.endPort);
      }
    }
  }
  for (const policy of cluster.admin ?? []) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const entry of rule.ports ?? []) {
        if (entry.portNumber) mentioned.add(entry.portNumber.port);
        if (entry.portRange) mentioned.add(entry.portRange.start).add(entry.portRange.end);
      }
      for (const entry of rule.protocols ?? []) {
        for (const p of [entry.tcp, entry.udp, entry.sctp]) {
          if (p?.destinationPort.number != null) mentioned.add(p.destinationPort.number);
          if (p?.destinationPort.range != null) mentioned.add(p.destinationPort.range.start).add(p.destinationPort.range.end);
        }
      }
    }
  }
  const out = new Set<number>();
  for (const port of mentioned) for (const p of [port - 1, port, port + 1]) out.add(clampPort(p));
  return [...out].sort((a, b) => a - b);
}

/** Every ipBlock cidr and except, with whether its rule is in effect (its direction is in policyTypes). */
function ipBlockCidrs(cluster: Cluster): { cidr: string; effective: boolean }[] {
  const out: { cidr: string; effective: boolean }[] = [];
  for (const policy of cluster.policies) {
    const types = policyTypes(policy);
    const peers = [
      ...(policy.spec.ingress ?? []).flatMap((rule) => (rule.from ?? []).map((peer) => ({ peer, effective: types.includes("Ingress") }))),
      ...(policy.spec.egress ?? []).flatMap((rule) => (rule.to ?? []).map((peer) => ({ peer, effective: types.includes("Egress") }))),
    ];
    for (const { peer, effective } of peers) {
      if (peer.ipBlock == null) continue;
      for (const cidr of [peer.ipBlock.cidr, ...(peer.ipBlock.except ?? [])]) out.push({ cidr, effective });
    }
  }
  // Admin-tier `networks` peers cut the address space too (egress only; no policyTypes there).
  for (const policy of cluster.admin ?? []) {
    for (const rule of policy.spec.egress ?? []) for (const peer of rule.to ?? []) for (const cidr of peer.networks ?? []) out.push({ cidr, effective: true });
  }
  return out;
}

/**
 * First, last, just before and just after every ipBlock cidr/except; the ends of IPv4. IPv6
 * addresses (its ends and the IPv6 boundaries) only when an ipBlock in effect is IPv6: without
 * one, netreach need not show the IPv6 space at all (rules of a direction missing from
 * policyTypes are ignored, and so are their ipBlocks).
 */
function sampleAddresses(cluster: Cluster): string[] {
  const values = new Map<string, Ip>();
  const add = (family: Family, value: bigint): void => {
    if (value < 0n || value > familyMax(family)) return;
    const ip = { family, value };
    values.set(formatIp(ip), ip);
  };
  const blocks = ipBlockCidrs(cluster).map(({ cidr, effective }) => ({ cidr: parseCidr(cidr), effective }));
  const ipv6 = blocks.some(({ cidr, effective }) => effective && cidr.family === 6);
  add(4, 0n);
  add(4, familyMax(4));
  if (ipv6) {
    add(6, 0n);
    add(6, familyMax(6));
  }
  for (const { cidr } of blocks) {
    if (cidr.family === 6 && !ipv6) continue;
    add(cidr.family, cidr.first - 1n);
    add(cidr.family, cidr.first);
    add(cidr.family, cidr.last);
    add(cidr.family, cidr.last + 1n);
  }
  return [...values.keys()];
}

// ---------------------------------------------------------------------------------------------
// Reading netreach's answer

interface Answer {
  /** Connections of a flow between two endpoint ids; a missing flow is no connection. */
  conn(src: string, dst: string): { text: string; conn: Conn };
  /** The external endpoint holding an address, or undefined if none does. */
  externalOf(address: string): string | undefined;
}

function readAnswer(report: ReachJson, cluster: Cluster, fail: (message: string) => never): Answer {
  const ids = new Set(report.endpoints.map((e) => e.id));
  if (ids.size !== report.endpoints.length) fail("duplicate endpoint ids");
  for (const pod of cluster.pods) {
    const endpoint = report.endpoints.find((e) => e.id === podId(pod));
    if (endpoint === undefined || endpoint.type !== "workload") fail(`no workload endpoint ${JSON.stringify(podId(pod))}`);
  }
  const externals: { id: string; cidrs: Cidr[] }[] = [];
  for (const endpoint of report.endpoints) {
    if (endpoint.type === "external") externals.push({ id: endpoint.id, cidrs: endpoint.cidrs.map(parseCidr) });
  }
  const externalIds = new Set(externals.map((e) => e.id));
  const flows = new Map<string, string>();
  for (const flow of report.flows) {
    if (!ids.has(flow.src) || !ids.has(flow.dst)) fail(`flow names an unknown endpoint: ${JSON.stringify(flow)}`);
    if (flow.src === flow.dst) fail(`a declared workload's flow to itself is reported: ${JSON.stringify(flow)}`);
    if (externalIds.has(flow.src) && externalIds.has(flow.dst)) fail(`external to external flow: ${JSON.stringify(flow)}`);
    const key = `${flow.src}\u0000${flow.dst}`;
    if (flows.has(key)) fail(`two flows for one pair: ${JSON.stringify(flow)}`);
    flows.set(key, flow.conn);
  }
  const parsed = new Map<string, Conn>();
  return {
    conn(src, dst) {
      const text = flows.get(`${src}\u0000${dst}`);
      if (text === undefined) return { text: "(no flow)", conn: NO_CONN };
      let conn = parsed.get(text);
      if (conn === undefined) {
        try {
          conn = parseConn(text);
        } catch (error) {
          fail(`${src} -> ${dst}: ${(error as Error).message}`);
        }
        parsed.set(text, conn);
      }
      return { text, conn };
    },
    externalOf(address) {
      const ip = parseIp(address);
      const holders = externals.filter((e) => e.cidrs.some((c) => cidrContains(c, ip)));
      if (holders.length > 1) fail(`external endpoints overlap at ${address}: ${holders.map((h) => h.id).join(" | ")}`);
      return holders[0]?.id;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The property

function checkCluster(generated: GeneratedCluster): void {
  const yamlText = clusterYaml(generated);
  const fail = (message: string): never => {
    throw new Error(`${message}\n\n--- cluster YAML ---\n${yamlText}`);
  };
  // The reference reads the same YAML netreach reads.
  const cluster = clusterFromObjects(
    generated.files.flatMap((file) => parseAllDocuments(file.text).map((doc) => doc.toJS() as unknown)),
  );
  validateCluster(cluster);

  const report = analyzeReach(generated.files, { pods: "declared" });
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    fail(`error diagnostics on a valid cluster:\n${errors.map((d) => `  ${d.file}:${d.line}:${d.column} ${d.message}`).join("\n")}`);
  }
  const answer = readAnswer(report, cluster, fail);
  const ports = samplePorts(cluster);
  const addresses = sampleAddresses(cluster);
  stats.clusters++;

  const compare = (src: Endpoint, dst: Endpoint, srcId: string | undefined, dstId: string | undefined, pair: string): void => {
    const actual = srcId === undefined || dstId === undefined ? { text: "(no external endpoint holds the address)", conn: NO_CONN } : answer.conn(srcId, dstId);
    for (const protocol of PROTOCOLS) {
      for (const port of ports) {
        stats.samples++;
        const expected = allowed(cluster, src, dst, protocol, port);
        const got = connAllows(actual.conn, protocol, port);
        if (expected !== got) {
          fail(
            [
              "netreach disagrees with the reference evaluator",
              `pair:     ${pair}`,
              `protocol: ${protocol}`,
              `port:     ${port}`,
              `expected: ${expected ? "allowed" : "denied"} (reference)`,
              `actual:   ${got ? "allowed" : "denied"} (netreach conn ${JSON.stringify(actual.text)})`,
            ].join("\n"),
          );
        }
      }
    }
  };

  const pods: Pod[] = cluster.pods;
  for (const src of pods) {
    for (const dst of pods) {
      if (src === dst) continue;
      stats.podPairs++;
      compare(src, dst, podId(src), podId(dst), `${podId(src)} -> ${podId(dst)}`);
    }
  }
  for (const address of addresses) {
    const externalId = answer.externalOf(address);
    const shown = `${address} (external endpoint ${externalId === undefined ? "none" : JSON.stringify(externalId)})`;
    for (const pod of pods) {
      stats.podExternalPairs += 2;
      compare(address, pod, externalId, podId(pod), `${shown} -> ${podId(pod)}`);
      compare(pod, address, podId(pod), externalId, `${podId(pod)} -> ${shown}`);
    }
  }
}

describe("property: netreach agrees with the reference evaluator", () => {
  it(`reach on ${RUNS} random clusters, pod pairs and pod<->external at sample points`, () => {
    fc.assert(
      fc.property(clusterArbitrary, (generated) => {
        checkCluster(generated);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(
      `property: ${stats.clusters} clusters, ${stats.podPairs} pod pairs, ${stats.podExternalPairs} pod<->external pairs, ${stats.samples} samples`,
    );
    expect(stats.clusters).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);

  // Admin and baseline policies of both API versions: priorities (distinct: ties are undefined
  // upstream), Pass, named ports, ranges, networks, nodes and domainNames peers.
  it(`reach on ${ADMIN_RUNS} random clusters with admin-tier policies`, () => {
    const before = stats.clusters;
    fc.assert(
      fc.property(clusterWithAdminArbitrary({ ties: false }), (generated) => {
        checkCluster(generated);
      }),
      { numRuns: ADMIN_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    expect(stats.clusters - before).toBeGreaterThanOrEqual(ADMIN_RUNS);
  }, 120_000);
});
