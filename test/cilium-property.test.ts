// Property test: on random clusters that mix NetworkPolicy, CiliumNetworkPolicy,
// CiliumClusterwideNetworkPolicy and admin-tier policies, netreach's `reach` agrees with the
// naive reference evaluator (test/reference/evaluator.ts with cilium-evaluator.ts) for every
// ordered pair of pods and every pod <-> external address, at sample points (every protocol;
// ports at every boundary any object mentions; addresses at every CIDR boundary): allowed or
// not, and L7-filtered or not. A diff property: base and head differ in their Cilium policies;
// the diff's opened and closed connections are the reference's difference.
//
// NETREACH_CILIUM_PROPERTY_RUNS and NETREACH_PROPERTY_SEED override the run count and the seed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { diff } from "../src/analyze.js";
import { diffJson } from "../src/render/diff-json.js";
import { analyzeReach } from "../src/render/reach-json.js";
import type { EndpointJson } from "../src/report/reach-json.js";
import { NO_CONN, connAllows, parseConn, type Conn } from "./reference/conn.js";
import { decide, type Endpoint } from "./reference/evaluator.js";
import { clusterYaml, type GeneratedCluster } from "./reference/generate.js";
import { ciliumPoliciesArbitrary, mixedClusterArbitrary } from "./reference/generate-cilium.js";
import { cidrContains, parseCidr, parseIp, type Cidr } from "./reference/ip.js";
import { PROTOCOLS, clusterFromObjects, podId, type Cluster, type Pod } from "./reference/kube.js";
import { sampleAddresses, samplePorts } from "./reference/samples.js";

const RUNS = Number(process.env.NETREACH_CILIUM_PROPERTY_RUNS ?? 60);
const DIFF_RUNS = Math.max(1, Math.round(RUNS / 2));
const SEED = process.env.NETREACH_PROPERTY_SEED === undefined ? undefined : Number(process.env.NETREACH_PROPERTY_SEED);

const stats = { clusters: 0, podPairs: 0, podExternalPairs: 0, samples: 0, allowed: 0, l7: 0, diffs: 0, changes: 0 };

function referenceCluster(generated: GeneratedCluster): Cluster {
  return clusterFromObjects(generated.files.flatMap((file) => parseAllDocuments(file.text).map((doc) => doc.toJS() as unknown)));
}

type Fail = (message: string) => never;

/** Flows (conn and its L7-filtered part) by endpoint ids; external endpoints by address. */
interface Flows {
  conn(src: string, dst: string): { text: string; conn: Conn; l7: Conn };
  externalOf(address: string): string | undefined;
  /** Every external endpoint holding the address (a diff lists both sides' endpoints, which may overlap). */
  externalsOf(address: string): string[];
}

function parseOr(text: string, fail: Fail, where: string): Conn {
  try {
    return parseConn(text);
  } catch (error) {
    return fail(`${where}: ${(error as Error).message}`);
  }
}

function readFlows(endpoints: readonly EndpointJson[], flows: readonly { src: string; dst: string; conn: string; l7?: { conn: string } }[], fail: Fail): Flows {
  const externals: { id: string; cidrs: Cidr[] }[] = [];
  for (const e of endpoints) if (e.type === "external") externals.push({ id: e.id, cidrs: e.cidrs.map(parseCidr) });
  const byPair = new Map<string, { text: string; conn: Conn; l7: Conn }>();
  for (const flow of flows) {
    const key = `${flow.src}\u0000${flow.dst}`;
    if (byPair.has(key)) fail(`two flows for one pair: ${JSON.stringify(flow)}`);
    const where = `${flow.src} -> ${flow.dst}`;
    byPair.set(key, { text: flow.conn, conn: parseOr(flow.conn, fail, where), l7: flow.l7 === undefined ? NO_CONN : parseOr(flow.l7.conn, fail, where) });
  }
  return {
    conn: (src, dst) => byPair.get(`${src}\u0000${dst}`) ?? { text: "(no flow)", conn: NO_CONN, l7: NO_CONN },
    externalOf(address) {
      const ip = parseIp(address);
      const holders = externals.filter((e) => e.cidrs.some((c) => cidrContains(c, ip)));
      if (holders.length > 1) fail(`external endpoints overlap at ${address}: ${holders.map((h) => h.id).join(" | ")}`);
      return holders[0]?.id;
    },
    externalsOf(address) {
      const ip = parseIp(address);
      return externals.filter((e) => e.cidrs.some((c) => cidrContains(c, ip))).map((e) => e.id);
    },
  };
}

/** Every pod pair and pod <-> sampled address, with the ids netreach gives them (an address: its external endpoint). */
interface Pair {
  src: Endpoint;
  dst: Endpoint;
  /** The ids netreach gives each end: a pod's, or the external endpoints holding an address (none, one, or in a diff several). */
  srcIds: string[];
  dstIds: string[];
  shown: string;
}

function pairs(cluster: Cluster, flows: Flows, overlapping = false): Pair[] {
  const out: Pair[] = [];
  const pods: Pod[] = cluster.pods;
  for (const src of pods) for (const dst of pods) if (src !== dst) out.push({ src, dst, srcIds: [podId(src)], dstIds: [podId(dst)], shown: `${podId(src)} -> ${podId(dst)}` });
  for (const address of sampleAddresses(cluster)) {
    const ids = overlapping ? flows.externalsOf(address) : [flows.externalOf(address)].filter((id): id is string => id !== undefined);
    const shown = `${address} (external endpoint ${ids.length === 0 ? "none" : ids.map((id) => JSON.stringify(id)).join(" | ")})`;
    for (const pod of pods) {
      out.push({ src: address, dst: pod, srcIds: ids, dstIds: [podId(pod)], shown: `${shown} -> ${podId(pod)}` });
      out.push({ src: pod, dst: address, srcIds: [podId(pod)], dstIds: ids, shown: `${podId(pod)} -> ${shown}` });
    }
  }
  return out;
}

/** The union of the pair's connections over every id pair (one pair outside a diff). */
function connOf(flows: Flows, pair: Pair, pick: "conn" | "l7"): Conn {
  const out: Record<string, [number, number][]> = { SCTP: [], TCP: [], UDP: [] };
  for (const s of pair.srcIds) for (const d of pair.dstIds) for (const p of PROTOCOLS) out[p]!.push(...(flows.conn(s, d)[pick][p] as [number, number][]));
  return out as unknown as Conn;
}

function checkReach(generated: GeneratedCluster): void {
  const yamlText = clusterYaml(generated);
  const fail: Fail = (message) => {
    throw new Error(`${message}\n\n--- cluster YAML ---\n${yamlText}`);
  };
  const cluster = referenceCluster(generated);
  const report = analyzeReach(generated.files, { pods: "declared" });
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) fail(`error diagnostics on a valid cluster:\n${errors.map((d) => `  ${d.file}:${d.line}:${d.column} ${d.message}`).join("\n")}`);
  for (const pod of cluster.pods) {
    if (!report.endpoints.some((e) => e.id === podId(pod) && e.type === "workload")) fail(`no workload endpoint ${podId(pod)}`);
  }
  const flows = readFlows(report.endpoints, report.flows, fail);
  const ports = samplePorts(cluster);
  stats.clusters++;
  for (const pair of pairs(cluster, flows)) {
    if (typeof pair.src === "string" || typeof pair.dst === "string") stats.podExternalPairs++;
    else stats.podPairs++;
    const known = pair.srcIds.length > 0 && pair.dstIds.length > 0;
    const actual = known ? flows.conn(pair.srcIds[0]!, pair.dstIds[0]!) : { text: "(no external endpoint holds the address)", conn: NO_CONN, l7: NO_CONN };
    for (const protocol of PROTOCOLS) {
      for (const port of ports) {
        stats.samples++;
        const expected = decide(cluster, pair.src, pair.dst, protocol, port);
        const got = { allowed: connAllows(actual.conn, protocol, port), l7: connAllows(actual.l7, protocol, port) };
        if (expected.allowed) stats.allowed++;
        if (expected.l7) stats.l7++;
        if (expected.allowed !== got.allowed || expected.l7 !== got.l7) {
          const words = (d: { allowed: boolean; l7: boolean }) => (d.allowed ? (d.l7 ? "allowed, L7-filtered" : "allowed") : "denied");
          fail(
            [
              "netreach disagrees with the reference evaluator",
              `pair:     ${pair.shown}`,
              `protocol: ${protocol}`,
              `port:     ${port}`,
              `expected: ${words(expected)} (reference)`,
              `actual:   ${words(got)} (netreach conn ${JSON.stringify(actual.text)})`,
            ].join("\n"),
          );
        }
      }
    }
  }
}

/** Head: base's objects with another set of Cilium policies (or none). */
const diffPairArbitrary = fc
  .tuple(mixedClusterArbitrary({ maxCilium: 2 }), fc.option(ciliumPoliciesArbitrary(2), { nil: undefined, freq: 4 }))
  .map(([base, cilium]) => {
    const isCilium = (o: { kind: string }) => o.kind.startsWith("Cilium");
    const files = base.files.filter((f) => f.path !== "manifests/cilium.yaml");
    const objects = [...base.objects.filter((o) => !isCilium(o)), ...(cilium ?? [])];
    const head: GeneratedCluster = {
      objects,
      files: cilium === undefined ? files : [...files, { path: "manifests/cilium.yaml", text: cilium.map((o) => JSON.stringify(o)).join("\n---\n") }],
    };
    return { base, head };
  });

function checkDiff(base: GeneratedCluster, head: GeneratedCluster): void {
  const context = `BASE:\n${clusterYaml(base)}\nHEAD:\n${clusterYaml(head)}`;
  const fail: Fail = (message) => {
    throw new Error(`${message}\n\n${context}`);
  };
  const b = referenceCluster(base);
  const h = referenceCluster(head);
  // Both revisions are read as Cilium's when either holds a Cilium policy (--cni auto).
  const cilium = [b, h].some((c) => (c.cilium ?? []).some((o) => o.kind !== "CiliumCIDRGroup"));
  b.cni = h.cni = cilium ? "cilium" : "generic";
  const json = diffJson(diff(base.files, head.files, { pods: "declared" }));
  const changes = json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c.opened, l7: undefined }));
  const closed = json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c.closed, l7: undefined }));
  const opened = readFlows(json.endpoints, changes, fail);
  const closedFlows = readFlows(json.endpoints, closed, fail);
  const ports = [...new Set([...samplePorts(b), ...samplePorts(h)])].sort((x, y) => x - y);
  stats.diffs++;
  stats.changes += json.changes.length;
  // Pods are the same on both sides; addresses sampled at both sides' boundaries (samples read
  // only the CIDRs, so a cluster holding both sides' policies gives them).
  const bothSides: Cluster = { ...h, cilium: [...(b.cilium ?? []), ...(h.cilium ?? [])], policies: [...b.policies, ...h.policies] };
  for (const pair of pairs(bothSides, opened, true)) {
    // An address no endpoint of the diff holds: nothing may change there. Endpoints of both
    // sides may overlap: a change of any of them that holds the address is a change at it.
    const o = connOf(opened, pair, "conn");
    const cl = connOf(closedFlows, pair, "conn");
    for (const protocol of PROTOCOLS) {
      for (const port of ports) {
        const was = decide(b, pair.src, pair.dst, protocol, port).allowed;
        const is = decide(h, pair.src, pair.dst, protocol, port).allowed;
        const got = { opened: connAllows(o, protocol, port), closed: connAllows(cl, protocol, port) };
        if (got.opened !== (is && !was) || got.closed !== (was && !is)) {
          fail(
            [
              "the diff disagrees with the reference evaluator",
              `pair:     ${pair.shown}`,
              `protocol: ${protocol}`,
              `port:     ${port}`,
              `expected: base ${was ? "allowed" : "denied"}, head ${is ? "allowed" : "denied"} (reference)`,
              `actual:   opened ${got.opened}, closed ${got.closed} (netreach)`,
            ].join("\n"),
          );
        }
      }
    }
  }
}

describe("property: netreach agrees with the reference evaluator on clusters with Cilium policies", () => {
  it(`reach on ${RUNS} random clusters mixing NetworkPolicy, Cilium and admin tiers`, () => {
    fc.assert(
      fc.property(mixedClusterArbitrary(), (generated) => {
        checkReach(generated);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(
      `cilium property: ${stats.clusters} clusters, ${stats.podPairs} pod pairs, ${stats.podExternalPairs} pod<->external pairs, ${stats.samples} samples (${stats.allowed} allowed, ${stats.l7} L7-filtered)`,
    );
    expect(stats.clusters).toBeGreaterThanOrEqual(RUNS);
    // The test must see both answers, and L7 filtering, to mean anything.
    expect(stats.allowed).toBeGreaterThan(0);
    expect(stats.samples - stats.allowed).toBeGreaterThan(0);
    expect(stats.l7).toBeGreaterThan(0);
  }, 60_000);

  it(`diff on ${DIFF_RUNS} random base/head pairs differing in their Cilium policies`, () => {
    fc.assert(
      fc.property(diffPairArbitrary, ({ base, head }) => {
        checkDiff(base, head);
      }),
      { numRuns: DIFF_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(`cilium diff property: ${stats.diffs} pairs, ${stats.changes} changes`);
    expect(stats.diffs).toBeGreaterThanOrEqual(DIFF_RUNS);
    expect(stats.changes).toBeGreaterThan(0);
  }, 60_000);
});
