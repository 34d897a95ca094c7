// Comparing netreach's answer with the reference evaluator's on one cluster (reach) or one pair
// of revisions (diff: opened, closed, and each side's L7-filtered part), at sample points: every ordered pair of pods and every pod <-> external
// address, every protocol, ports at every boundary any object mentions; allowed or not, and
// L7-filtered or not. Shared by the Cilium property test and the hand-written Cilium cases.

import { parseAllDocuments } from "yaml";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { diffJson } from "../../src/render/diff-json.js";
import { analyzeReach } from "../../src/render/reach-json.js";
import type { EndpointJson } from "../../src/report/reach-json.js";
import { NO_CONN, connAllows, parseConn, type Conn } from "./conn.js";
import { decide, type Endpoint } from "./evaluator.js";
import { cidrContains, parseCidr, parseIp, type Cidr } from "./ip.js";
import { PROTOCOLS, clusterFromObjects, podId, type CniChoice, type Cluster, type Pod } from "./kube.js";
import { sampleAddresses, samplePorts } from "./samples.js";

/** A cluster as files, and how to show it in a failure. */
export interface Revision {
  readonly files: readonly SourceFile[];
}

/** The run's CNI options (--cni, --cilium-cluster), given to netreach and to the reference alike. */
export interface CniOptions {
  readonly cni?: CniChoice;
  readonly ciliumCluster?: string;
}

function withCni(cluster: Cluster, options: CniOptions): Cluster {
  return { ...cluster, ...(options.cni === undefined ? {} : { cni: options.cni }), ...(options.ciliumCluster === undefined ? {} : { ciliumClusterName: options.ciliumCluster }) };
}

function shownOptions(options: CniOptions): string {
  return Object.keys(options).length === 0 ? "" : `\noptions: ${JSON.stringify(options)}`;
}

function yamlOf(revision: Revision): string {
  return revision.files.map((file) => `# ${file.path}\n${file.text}`).join("\n");
}

export const stats = { clusters: 0, podPairs: 0, podExternalPairs: 0, samples: 0, allowed: 0, l7: 0, diffs: 0, changes: 0 };

export function referenceCluster(generated: Revision): Cluster {
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

export function checkReach(generated: Revision, options: CniOptions = {}): void {
  const yamlText = yamlOf(generated);
  const fail: Fail = (message) => {
    throw new Error(`${message}${shownOptions(options)}\n\n--- cluster YAML ---\n${yamlText}`);
  };
  const cluster = withCni(referenceCluster(generated), options);
  const report = analyzeReach(generated.files, { pods: "declared", ...options });
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

export function checkDiff(base: Revision, head: Revision, options: CniOptions = {}): void {
  const context = `BASE:\n${yamlOf(base)}\nHEAD:\n${yamlOf(head)}`;
  const fail: Fail = (message) => {
    throw new Error(`${message}${shownOptions(options)}\n\n${context}`);
  };
  const b = withCni(referenceCluster(base), options);
  const h = withCni(referenceCluster(head), options);
  // With --cni auto, both revisions are read as Cilium's when either holds a Cilium policy.
  if ((options.cni ?? "auto") === "auto") {
    const cilium = [b, h].some((c) => (c.cilium ?? []).some((o) => o.kind !== "CiliumCIDRGroup"));
    b.cni = h.cni = cilium ? "cilium" : "generic";
  }
  const json = diffJson(diff(base.files, head.files, { pods: "declared", ...options }));
  const changes = json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c.opened, l7: undefined }));
  const closed = json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c.closed, l7: undefined }));
  const opened = readFlows(json.endpoints, changes, fail);
  const closedFlows = readFlows(json.endpoints, closed, fail);
  // Each side's L7-filtered part, from a change's l7 or from l7Changes (same connection, other
  // filtering); a pair in neither has the same L7-filtered part on both sides.
  const sideL7 = (pick: "base" | "head") => [
    ...json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c.l7?.[pick]?.conn ?? "No Connections", l7: undefined })),
    ...(json.l7Changes ?? []).map((c) => ({ src: c.src, dst: c.dst, conn: c[pick]?.conn ?? "No Connections", l7: undefined })),
  ];
  const baseL7 = readFlows(json.endpoints, sideL7("base"), fail);
  const headL7 = readFlows(json.endpoints, sideL7("head"), fail);
  // Every pair the document names is among its endpoints (a reader resolves ids there).
  const ids = new Set(json.endpoints.map((e) => e.id));
  for (const c of [...json.changes, ...(json.l7Changes ?? [])]) {
    for (const id of [c.src, c.dst]) if (!ids.has(id)) fail(`the diff names endpoint ${JSON.stringify(id)} (${c.src} -> ${c.dst}) that its endpoints do not list`);
  }
  const listed = new Set([...json.changes, ...(json.l7Changes ?? [])].map((c) => `${c.src}\u0000${c.dst}`));
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
    const l7b = connOf(baseL7, pair, "conn");
    const l7h = connOf(headL7, pair, "conn");
    const isListed = pair.srcIds.some((s) => pair.dstIds.some((d) => listed.has(`${s}\u0000${d}`)));
    for (const protocol of PROTOCOLS) {
      for (const port of ports) {
        const was = decide(b, pair.src, pair.dst, protocol, port);
        const is = decide(h, pair.src, pair.dst, protocol, port);
        const got = { opened: connAllows(o, protocol, port), closed: connAllows(cl, protocol, port) };
        const gotL7 = isListed ? { base: connAllows(l7b, protocol, port), head: connAllows(l7h, protocol, port) } : undefined;
        const l7Wrong = gotL7 === undefined ? was.l7 !== is.l7 : gotL7.base !== was.l7 || gotL7.head !== is.l7;
        if (got.opened !== (is.allowed && !was.allowed) || got.closed !== (was.allowed && !is.allowed) || l7Wrong) {
          const words = (d: { allowed: boolean; l7: boolean }) => (d.allowed ? (d.l7 ? "allowed, L7-filtered" : "allowed") : "denied");
          fail(
            [
              "the diff disagrees with the reference evaluator",
              `pair:     ${pair.shown}`,
              `protocol: ${protocol}`,
              `port:     ${port}`,
              `expected: base ${words(was)}, head ${words(is)} (reference)`,
              `actual:   opened ${got.opened}, closed ${got.closed}, ${gotL7 === undefined ? "no change and no L7 change listed" : `L7-filtered at base ${gotL7.base}, at head ${gotL7.head}`} (netreach)`,
            ].join("\n"),
          );
        }
      }
    }
  }
}
