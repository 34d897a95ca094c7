// Property test: `netreach why` agrees with the engine and with the naive reference evaluator. On
// random clusters (with and without admin tiers), for every pair of pods and every pod <-> sample
// address: the explanation's allowed connections are the engine's flow for the pair and the
// reference's answer at every sample point; its port ranges are disjoint and cover every
// connection; and at each sample point, the rule said to decide is one the reference says decides
// there (the tier rule's verdict is the tier's first match; NetworkPolicy decides only where the
// admin tier passes or does not match; "not isolated" only where no tier decides).
//
// NETREACH_WHY_RUNS, NETREACH_WHY_ADMIN_RUNS and NETREACH_PROPERTY_SEED override the counts and seed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { reach } from "../src/analyze.js";
import { explainPair } from "../src/explain/explain-pair.js";
import { findEndpoint } from "../src/explain/find-endpoint.js";
import { decisionAllows, type Decision, type DirectionWhy, type PairWhy, type Piece } from "../src/explain/why.js";
import type { Endpoint as NetreachEndpoint } from "../src/model/endpoint.js";
import { ConnSet, PortSet } from "../src/net/conn-set.js";
import { adminDecision } from "./reference/admin-evaluator.js";
import { allowed, egressAllows, ingressAllows, type Endpoint } from "./reference/evaluator.js";
import { clusterArbitrary, clusterYaml, type GeneratedCluster } from "./reference/generate.js";
import { clusterWithAdminArbitrary } from "./reference/generate-admin.js";
import { PROTOCOLS, clusterFromObjects, podId, type Cluster, type Pod, type Protocol } from "./reference/kube.js";
import { isPod } from "./reference/match.js";
import { sampleAddresses, samplePorts } from "./reference/samples.js";

const RUNS = Number(process.env.NETREACH_WHY_RUNS ?? 100);
const ADMIN_RUNS = Number(process.env.NETREACH_WHY_ADMIN_RUNS ?? 60);
const SEED = process.env.NETREACH_PROPERTY_SEED === undefined ? undefined : Number(process.env.NETREACH_PROPERTY_SEED);

const stats = { clusters: 0, pairs: 0, samples: 0, tierRuleSamples: 0 };

function checkCluster(generated: GeneratedCluster): void {
  const fail = (message: string): never => {
    throw new Error(`${message}\n\n--- cluster YAML ---\n${clusterYaml(generated)}`);
  };
  const cluster = clusterFromObjects(generated.files.flatMap((f) => parseAllDocuments(f.text).map((d) => d.toJS() as unknown)));
  const report = reach(generated.files, { pods: "declared" });
  const rev = report.revision;
  const flows = new Map<string, ConnSet>();
  for (const f of report.flows) flows.set(`${f.src.id}\u0000${f.dst.id}`, f.conn);
  const ports = samplePorts(cluster);
  stats.clusters++;

  const endpointOf = (e: Endpoint): NetreachEndpoint => {
    const spec = isPod(e) ? podId(e) : e;
    const found = findEndpoint(spec, rev.endpoints);
    if (!found.ok || found.endpoints.length !== 1) return fail(`${spec} does not name one endpoint: ${JSON.stringify(found)}`);
    return found.endpoints[0]!;
  };

  const check = (src: Endpoint, dst: Endpoint): void => {
    const s = endpointOf(src);
    const d = endpointOf(dst);
    const why = explainPair(rev, s, d);
    const pair = `${s.id} -> ${d.id}`;
    stats.pairs++;
    // The engine's flow: what reach lists for the pair (none listed: no connections).
    const flow = flows.get(`${s.id}\u0000${d.id}`) ?? ConnSet.NONE;
    if (!why.allowed.equals(flow)) fail(`${pair}: explanation allows ${why.allowed}, the engine's flow is ${flow}`);
    covers(why.segments, `${pair} segments`, fail);
    for (const [name, w] of [["egress", why.egress], ["ingress", why.ingress]] as const) if (w.side === "pod") covers(w.pieces, `${pair} ${name} pieces`, fail);
    for (const protocol of PROTOCOLS) {
      for (const port of ports) {
        stats.samples++;
        const expected = allowed(cluster, src, dst, protocol, port);
        if (why.allowed.allows(protocol, port) !== expected) fail(`${pair} ${protocol} ${port}: explanation says ${!expected}, the reference ${expected}`);
        if (isPod(src)) checkDecider(cluster, why, "egress", src, dst, protocol, port, fail);
        if (isPod(dst)) checkDecider(cluster, why, "ingress", dst, src, protocol, port, fail);
      }
    }
  };

  const pods: Pod[] = cluster.pods;
  for (const a of pods) for (const b of pods) if (a !== b) check(a, b);
  for (const address of sampleAddresses(cluster)) {
    for (const p of pods) {
      check(address, p);
      check(p, address);
    }
  }
}

/**
 * With representative pods (named ports without numbers, pods of undeclared namespaces): the
 * explanation's allowed connections are the engine's flow for every pair of endpoints, external
 * ranges included (a representative's flow to its own class too).
 */
function checkRepresentatives(generated: GeneratedCluster): void {
  const fail = (message: string): never => {
    throw new Error(`${message}\n\n--- cluster YAML ---\n${clusterYaml(generated)}`);
  };
  const report = reach(generated.files, { pods: "synthetic" });
  const rev = report.revision;
  const flows = new Map<string, ConnSet>();
  for (const f of report.flows) flows.set(`${f.src.id}\u0000${f.dst.id}`, f.conn);
  for (const s of rev.endpoints) {
    for (const d of rev.endpoints) {
      if ((s.type === "external" && d.type === "external") || (s === d && s.type === "workload")) continue;
      if (s.type === "ingress-controller" || d.type === "ingress-controller") continue;
      stats.pairs++;
      const why = explainPair(rev, s, d);
      const flow = flows.get(`${s.id}\u0000${d.id}`) ?? ConnSet.NONE;
      if (!why.allowed.equals(flow)) fail(`${s.id} -> ${d.id}: explanation allows ${why.allowed}, the engine's flow is ${flow}`);
      covers(why.segments, `${s.id} -> ${d.id} segments`, fail);
    }
  }
}

/**
 * Pieces of one pair or direction: disjoint, and every connection in one of them. A port name (a
 * representative's named port, whose number is unknown) may also fall in a piece of all numbers,
 * which holds every name: only the numbers must be disjoint.
 */
function covers(pieces: readonly { conn: ConnSet }[], what: string, fail: (m: string) => never): void {
  let union = ConnSet.NONE;
  for (const p of pieces) {
    if (p.conn.isEmpty) fail(`${what}: an empty piece`);
    const overlap = numbers(union.intersect(p.conn));
    if (!overlap.isEmpty) fail(`${what}: pieces overlap at ${overlap}`);
    union = union.union(p.conn);
  }
  if (!union.isAll) fail(`${what}: pieces cover only ${union}`);
}

/** The decider of one direction at one sample point, against the reference's tiers. */
function checkDecider(cluster: Cluster, why: PairWhy, dir: "egress" | "ingress", subject: Pod, remote: Endpoint, protocol: Protocol, port: number, fail: (m: string) => never): void {
  const w: DirectionWhy = why[dir];
  if (w.side !== "pod") return fail(`${dir} of a pod explained as outside the cluster`);
  const piece: Piece | undefined = w.pieces.find((p) => p.conn.allows(protocol, port));
  const at = `${why.src.id} -> ${why.dst.id} ${dir} ${protocol} ${port}`;
  if (piece === undefined) return fail(`${at}: no piece holds it`);
  const d: Decision = piece.decision;
  const destination = dir === "ingress" ? subject : remote;
  const admin = adminDecision(cluster, "admin", dir, subject, remote, destination, protocol, port);
  const baseline = () => adminDecision(cluster, "baseline", dir, subject, remote, destination, protocol, port);
  const sideAllows = dir === "egress" ? egressAllows(cluster, subject, remote, protocol, port) : ingressAllows(cluster, remote, subject, protocol, port);
  if (decisionAllows(d) !== sideAllows) fail(`${at}: decided ${decisionAllows(d) ? "allowed" : "denied"} by ${d.by}; the reference ${sideAllows ? "allows" : "denies"} this direction`);
  if ("passedBy" in d && d.passedBy.length > 0 && admin !== "pass") fail(`${at}: said passed on by ${d.passedBy[0]!.rule}, the reference's admin tier says ${admin}`);
  const belowAdmin = admin === undefined || admin === "pass";
  switch (d.by) {
    case "tier-rule": {
      stats.tierRuleSamples++;
      const verdict = d.rule.action === "Deny" ? "deny" : "accept";
      if (d.rule.tier === "Baseline" && (!belowAdmin || w.networkPolicy.state === "isolated")) fail(`${at}: a baseline rule said to decide, but the admin tier says ${admin} or NetworkPolicy isolates`);
      const tier = d.rule.tier === "Admin" ? admin : baseline();
      if (tier !== verdict) fail(`${at}: said decided by ${d.rule.policy} ${d.rule.rule} (${d.rule.action}), the reference's ${d.rule.tier} tier says ${tier}`);
      // The rule is one of the tier's matching rules, and matches this port.
      const part = d.rule.tier === "Admin" ? w.admin : w.baseline;
      const step = part.state === "consulted" ? part.steps.find((s) => s.rule.policy === d.rule.policy && s.rule.rule === d.rule.rule) : undefined;
      if (step === undefined || !step.matches.allows(protocol, port) || !step.decides.allows(protocol, port)) fail(`${at}: the deciding rule ${d.rule.policy} ${d.rule.rule} is not a step that matches and decides it`);
      break;
    }
    case "networkpolicy-rules": {
      if (!belowAdmin) fail(`${at}: NetworkPolicy said to decide, but the admin tier's first match is ${admin}`);
      const np = w.networkPolicy;
      if (np.state !== "isolated") return fail(`${at}: allowed by rules of a direction not isolated`);
      for (const r of d.rules) {
        const m = np.matching.find((x) => x.rule.policy === r.policy && x.rule.rule === r.rule);
        if (m === undefined) fail(`${at}: ${r.policy} ${r.rule} is not among the rules matching the peer`);
      }
      if (!d.rules.some((r) => np.matching.some((x) => x.rule.policy === r.policy && x.rule.rule === r.rule && x.conn.allows(protocol, port)))) fail(`${at}: no rule named allows this port`);
      break;
    }
    case "isolated":
      if (!belowAdmin) fail(`${at}: isolation said to decide, but the admin tier's first match is ${admin}`);
      if (w.networkPolicy.state !== "isolated" || w.networkPolicy.allows.allows(protocol, port)) fail(`${at}: isolated, yet a matching rule allows it`);
      break;
    case "not-isolated": {
      if (!belowAdmin) fail(`${at}: "not isolated" said to decide, but the admin tier's first match is ${admin}`);
      const b = baseline();
      if (w.networkPolicy.state !== "not-isolated" || (b !== undefined && b !== "pass")) fail(`${at}: "not isolated", yet NetworkPolicy isolates or the baseline says ${b}`);
      break;
    }
    case "outside-cluster":
      fail(`${at}: a pod's side explained as outside the cluster`);
  }
}

function numbers(c: ConnSet): ConnSet {
  return ConnSet.of(Object.fromEntries(PROTOCOLS.map((p) => [p, PortSet.of(c.ports(p).ranges)])));
}

describe("property: netreach why agrees with the engine and the reference evaluator", () => {
  it(`why on ${RUNS} random clusters: every pod pair and pod <-> sample address`, () => {
    fc.assert(fc.property(clusterArbitrary, (g) => checkCluster(g)), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
    expect(stats.clusters).toBeGreaterThanOrEqual(RUNS);
  }, 180_000);

  it(`why with representative pods on ${ADMIN_RUNS} random clusters with admin-tier policies: the engine's flow for every pair`, () => {
    fc.assert(
      fc.property(fc.boolean().chain((podIps) => clusterWithAdminArbitrary({ ties: false, podIps })), (g) => checkRepresentatives(g)),
      { numRuns: ADMIN_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 180_000);

  it(`why on ${ADMIN_RUNS} random clusters with admin-tier policies`, () => {
    const before = stats.tierRuleSamples;
    fc.assert(
      fc.property(fc.boolean().chain((podIps) => clusterWithAdminArbitrary({ ties: false, podIps })), (g) => checkCluster(g)),
      { numRuns: ADMIN_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(`why property: ${stats.clusters} clusters, ${stats.pairs} pairs, ${stats.samples} samples, ${stats.tierRuleSamples} decided by a tier rule`);
    // The admin clusters must exercise tier-rule deciders, or the property says little about them.
    expect(stats.tierRuleSamples - before).toBeGreaterThan(0);
  }, 180_000);
});
