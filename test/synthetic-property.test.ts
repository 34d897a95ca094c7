// EXACTNESS of synthetic pods (DESIGN section 4): representatives built from the policies alone
// answer for every real pod. On random policies and a random real cluster:
//   synthetic = reach(repository, --pods synthetic)            (policies, no workloads)
//   declared  = reach(repository + real cluster, --pods declared)
// each real pod p maps to rep(p) = representatives(repository).representativeOf(ns, nsLabels, labels),
// and for every ordered pair of distinct real pods conn_declared(p, q) = conn_synthetic(rep(p), rep(q));
// for every real pod and sample external address a, conn_declared(p, a) = conn_synthetic(rep(p), a)
// and conn_declared(a, p) = conn_synthetic(a, rep(p)).
// The real cluster honours the one stated assumption: a namespace the policies name but the
// repository does not declare carries no label besides its name (test/synthetic/real-cluster.ts).
//
// NETREACH_SYNTHETIC_RUNS and NETREACH_SYNTHETIC_SEED override the run count and the seed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { representatives } from "../src/analyze.js";
import { analyzeReach } from "../src/render/reach-json.js";
import type { ReachJson } from "../src/report/reach-json.js";
import { cidrContains, familyMax, formatIp, parseCidr, parseIp, type Ip } from "./reference/ip.js";
import type { NetworkPolicy } from "./reference/kube.js";
import { describeCase, realCaseArbitrary, type RealCase } from "./synthetic/real-cluster.js";

const RUNS = Number(process.env.NETREACH_SYNTHETIC_RUNS ?? 150);
const SEED = process.env.NETREACH_SYNTHETIC_SEED === undefined ? undefined : Number(process.env.NETREACH_SYNTHETIC_SEED);

const stats = { cases: 0, podPairs: 0, externalPairs: 0, representatives: 0, podsInRepresentativeNamespaces: 0, restrictedPairs: 0 };

/** Both ends of IPv4 and IPv6, and just before, at, and just after both ends of every ipBlock cidr/except. */
function sampleAddresses(policies: readonly NetworkPolicy[]): string[] {
  const out = new Map<string, Ip>();
  const add = (ip: Ip) => {
    if (ip.value >= 0n && ip.value <= familyMax(ip.family)) out.set(formatIp(ip), ip);
  };
  for (const family of [4, 6] as const) {
    add({ family, value: 0n });
    add({ family, value: familyMax(family) });
  }
  for (const p of policies) {
    for (const rule of [...(p.spec.ingress ?? []).map((r) => r.from), ...(p.spec.egress ?? []).map((r) => r.to)]) {
      for (const peer of rule ?? []) {
        if (!peer.ipBlock) continue;
        for (const text of [peer.ipBlock.cidr, ...(peer.ipBlock.except ?? [])]) {
          const c = parseCidr(text);
          for (const value of [c.first - 1n, c.first, c.last, c.last + 1n]) add({ family: c.family, value });
        }
      }
    }
  }
  return [...out.keys()];
}

interface Answer {
  readonly json: ReachJson;
  conn(src: string, dst: string): string;
  has(id: string): boolean;
  externalOf(address: string): string | undefined;
}

function answer(json: ReachJson): Answer {
  const flows = new Map(json.flows.map((f) => [`${f.src}\u0000${f.dst}`, f.conn]));
  const ids = new Set(json.endpoints.map((e) => e.id));
  const externals = json.endpoints.flatMap((e) => (e.type === "external" ? [{ id: e.id, cidrs: e.cidrs.map(parseCidr) }] : []));
  return {
    json,
    conn: (src, dst) => flows.get(`${src}\u0000${dst}`) ?? "No Connections",
    has: (id) => ids.has(id),
    externalOf(address) {
      const ip = parseIp(address);
      const holders = externals.filter((e) => e.cidrs.some((c) => cidrContains(c, ip)));
      if (holders.length > 1) throw new Error(`external endpoints overlap at ${address}`);
      return holders[0]?.id;
    },
  };
}

function checkCase(c: RealCase): void {
  const fail = (lines: string[]): never => {
    throw new Error(`${lines.join("\n")}\n\n${describeCase(c)}`);
  };
  const synthetic = answer(analyzeReach(c.repository, { pods: "synthetic" }));
  const declared = answer(analyzeReach(c.cluster, { pods: "declared" }));
  for (const [name, a] of [
    ["synthetic", synthetic],
    ["declared", declared],
  ] as const) {
    const errors = a.json.diagnostics.filter((d) => d.severity === "error");
    if (errors.length > 0) fail([`error diagnostics in the ${name} run:`, ...errors.map((d) => `  ${d.file}:${d.line} ${d.message}`)]);
  }
  // Both runs see the same ipBlocks: the same external endpoints.
  const ext = (a: Answer) => a.json.endpoints.filter((e) => e.type === "external").map((e) => e.id);
  if (JSON.stringify(ext(synthetic)) !== JSON.stringify(ext(declared))) {
    fail(["external endpoints differ", `synthetic: ${JSON.stringify(ext(synthetic))}`, `declared:  ${JSON.stringify(ext(declared))}`]);
  }

  const synthesis = representatives(c.repository);
  const nsLabels = new Map(c.namespaces.map((n) => [n.name, n.labels]));
  const rep = new Map<string, string>();
  const podId = (p: RealCase["pods"][number]) => `${p.namespace}/${p.name}[Pod]`;
  for (const p of c.pods) {
    const r = synthesis.representativeOf(p.namespace, nsLabels.get(p.namespace) ?? {}, p.labels);
    if (r === undefined || !synthetic.has(r)) {
      fail([`no representative for ${podId(p)} ${JSON.stringify(p.labels)}: representativeOf gave ${JSON.stringify(r)}`, `representatives: ${JSON.stringify(synthesis.pods.map((x) => x.id))}`]);
    }
    if (!declared.has(podId(p))) fail([`no declared endpoint ${podId(p)}`]);
    rep.set(podId(p), r!);
    if (r!.startsWith("[")) stats.podsInRepresentativeNamespaces++;
  }
  stats.cases++;
  stats.representatives += synthesis.pods.length;

  const mapping = () => c.pods.map((p) => `  ${podId(p)} -> ${rep.get(podId(p))}`).join("\n");
  const compare = (pair: string, declaredConn: string, syntheticPair: string, syntheticConn: string) => {
    if (declaredConn !== "All Connections") stats.restrictedPairs++;
    if (declaredConn !== syntheticConn) {
      fail([
        "a real pod's connection differs from its representative's",
        `pair (real):           ${pair}`,
        `declared conn:         ${declaredConn}`,
        `pair (representative): ${syntheticPair}`,
        `synthetic conn:        ${syntheticConn}`,
        `pod -> representative:\n${mapping()}`,
      ]);
    }
  };

  for (const p of c.pods) {
    for (const q of c.pods) {
      if (p === q) continue;
      stats.podPairs++;
      const rp = rep.get(podId(p))!;
      const rq = rep.get(podId(q))!;
      compare(`${podId(p)} -> ${podId(q)}`, declared.conn(podId(p), podId(q)), `${rp} -> ${rq}`, synthetic.conn(rp, rq));
    }
  }
  for (const address of sampleAddresses(c.policies)) {
    const e = declared.externalOf(address);
    if (e !== synthetic.externalOf(address)) fail([`${address} is held by different external endpoints`]);
    if (e === undefined) continue;
    for (const p of c.pods) {
      stats.externalPairs += 2;
      const rp = rep.get(podId(p))!;
      compare(`${podId(p)} -> ${address} (${e})`, declared.conn(podId(p), e), `${rp} -> ${e}`, synthetic.conn(rp, e));
      compare(`${address} (${e}) -> ${podId(p)}`, declared.conn(e, podId(p)), `${e} -> ${rp}`, synthetic.conn(e, rp));
    }
  }
}

describe("property: synthetic representatives are exact for real clusters", () => {
  it(`${RUNS} random policy sets and real clusters: every real pod pair and pod<->external pair behaves as its representatives`, () => {
    fc.assert(
      fc.property(realCaseArbitrary, (c) => {
        checkCase(c);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(
      `synthetic property: ${stats.cases} cases, ${stats.podPairs} pod pairs, ${stats.externalPairs} pod<->external pairs, ${stats.representatives} representatives, ` +
        `${stats.podsInRepresentativeNamespaces} pods in representative namespaces, ${stats.restrictedPairs} pairs not fully open`,
    );
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);
});
