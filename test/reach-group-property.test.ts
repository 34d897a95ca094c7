// `reach --group` says exactly what the per-pair listing says: on random clusters (the generators
// of property.test.ts, with and without admin-tier policies, every pods mode), the groups of the
// grouped JSON, expanded back to pairs (every endpoint of a source class to every endpoint of a
// destination class, but a workload to itself), are the plain JSON's flows, each pair once, with
// its connections; the ingress controller's flows are its exposures.
//
// NETREACH_GROUP_RUNS and NETREACH_PROPERTY_SEED override the run count and the seed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reach, type PodsMode } from "../src/analyze.js";
import type { SourceFile } from "../src/load/object/source.js";
import { reachGroupedJson, reachJson } from "../src/render/reach-json.js";
import type { ReachGroupedJson, ReachJson } from "../src/report/reach-json.js";
import { clusterArbitrary, clusterYaml } from "./reference/generate.js";
import { clusterWithAdminArbitrary } from "./reference/generate-admin.js";

const RUNS = Number(process.env.NETREACH_GROUP_RUNS ?? 80);
const SEED = process.env.NETREACH_PROPERTY_SEED === undefined ? undefined : Number(process.env.NETREACH_PROPERTY_SEED);

/** The grouped document's pairs, "src -> dst" -> conn; throws on a pair claimed twice. */
function expand(g: ReachGroupedJson): Map<string, string> {
  const endpoint = new Map(g.endpoints.map((e) => [e.id, e]));
  const classes = new Map(g.classes.map((c) => [c.id, c.endpoints]));
  const members = (ids: readonly string[]) => ids.flatMap((id) => classes.get(id) ?? fail(`group names unknown class ${id}`));
  const pairs = new Map<string, string>();
  for (const group of g.groups) {
    const srcs = members(group.src);
    const dsts = members(group.dst);
    const external = (id: string) => endpoint.get(id)?.type === "external";
    if (srcs.some(external) && dsts.some(external)) fail(`group with external addresses on both sides: ${JSON.stringify(group)}`);
    let n = 0;
    for (const s of srcs) {
      for (const d of dsts) {
        if (s === d && endpoint.get(s)?.type === "workload") continue;
        const key = `${s} -> ${d}`;
        if (pairs.has(key)) fail(`pair in two groups: ${key}`);
        pairs.set(key, group.conn);
        n++;
      }
    }
    if (n !== group.pairs || n === 0) fail(`group says ${group.pairs} pairs, holds ${n}: ${JSON.stringify(group)}`);
  }
  return pairs;
}

/** The plain document's flows, the ingress controller's left out (they are exposures). */
function plainPairs(j: ReachJson): Map<string, string> {
  return new Map(j.flows.filter((f) => f.src !== "{ingress-controller}").map((f) => [`${f.src} -> ${f.dst}`, f.conn]));
}

function fail(message: string): never {
  throw new Error(message);
}

function check(files: readonly SourceFile[], pods: PodsMode): { groups: number; pairs: number; multiClass: number } {
  const report = reach(files, { pods });
  const plain = reachJson(report);
  const grouped = reachGroupedJson(report);
  // Every endpoint but the ingress controller is in exactly one class.
  const inClasses = grouped.classes.flatMap((c) => c.endpoints);
  expect(new Set(inClasses).size).toBe(inClasses.length);
  const classed = new Set(inClasses);
  for (const e of plain.endpoints) if (e.type !== "ingress-controller" && e.type !== "external") expect(classed.has(e.id)).toBe(true);
  const expected = plainPairs(plain);
  const got = expand(grouped);
  expect(got).toEqual(expected);
  expect(grouped.pairs).toBe(expected.size);
  // The flows are generated in the order of their ids, as they were sorted before.
  const listed = plain.flows.filter((f) => f.src !== "{ingress-controller}");
  for (let i = 1; i < listed.length; i++) {
    const [a, b] = [listed[i - 1]!, listed[i]!];
    if (!(a.src < b.src || (a.src === b.src && a.dst < b.dst))) fail(`flows out of order: ${a.src} -> ${a.dst}, then ${b.src} -> ${b.dst}`);
  }
  const { flows, ...rest } = plain;
  void flows;
  const { classes, groups, pairs, ...groupedRest } = grouped;
  void classes, void groups, void pairs;
  expect(groupedRest).toEqual(rest); // everything else is the same document
  return { groups: grouped.groups.length, pairs: expected.size, multiClass: grouped.groups.filter((g) => g.src.length + g.dst.length > 2).length };
}

describe("reach --group", () => {
  it(`expands to exactly the per-pair flows on ${RUNS} random clusters`, () => {
    const stats = { clusters: 0, groups: 0, pairs: 0, multiClass: 0 };
    fc.assert(
      // Admin-tier policies (AdminNetworkPolicy and its baseline) fold into the rows too: half the clusters have some.
      fc.property(fc.oneof(clusterArbitrary, clusterWithAdminArbitrary({ ties: false })), fc.constantFrom<PodsMode>("declared", "auto", "synthetic"), (generated, pods) => {
        try {
          const s = check(generated.files, pods);
          stats.clusters++;
          stats.groups += s.groups;
          stats.pairs += s.pairs;
          stats.multiClass += s.multiClass;
        } catch (e) {
          throw new Error(`${e instanceof Error ? e.message : String(e)}\n\n--- pods ${pods}, cluster YAML ---\n${clusterYaml(generated)}`);
        }
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(`reach --group: ${stats.clusters} clusters, ${stats.pairs} pairs in ${stats.groups} groups (${stats.multiClass} of several classes)`);
    // The groups do group: far fewer of them than pairs, many spanning several classes.
    expect(stats.groups).toBeLessThan(stats.pairs / 2);
    expect(stats.multiClass).toBeGreaterThan(RUNS / 10);
  });

  it.each([
    ["every namespace", "{}", "[*]/[app=prometheus]"],
    ["every tenant's namespace", "{matchExpressions: [{key: tenant, operator: Exists}]}", "[tenant=t0]/[app=prometheus]"],
  ])("names the Prometheus every tenant admits from %s in a few groups, not one per tenant", (_, namespaces, shared) => {
    // Each tenant isolated, and admitting Prometheus from those namespaces: the representative
    // Prometheus of namespaces no policy names reaches every tenant on one port.
    const tenant = (i: number) => `apiVersion: v1
kind: Namespace
metadata: {name: tenant-${i}, labels: {tenant: t${i}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: tenant-${i}}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-api, namespace: tenant-${i}}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
  - to:
    - podSelector: {}
  - to:
    - namespaceSelector: {matchLabels: {tenant: t${(i + 1) % 20}}}
      podSelector: {matchLabels: {tier: api}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-scrape, namespace: tenant-${i}}
spec:
  podSelector: {}
  ingress:
  - from:
    - namespaceSelector: ${namespaces}
      podSelector: {matchLabels: {app: prometheus}}
    ports: [{port: 9090}]
`;
    const files = Array.from({ length: 20 }, (_, i) => ({ path: `tenant-${i}.yaml`, text: tenant(i) }));
    check(files, "auto"); // exact, as on the random clusters
    const grouped = reachGroupedJson(reach(files, { pods: "auto" }));
    const prometheus = grouped.classes.find((c) => c.endpoints.includes(shared))!;
    expect(prometheus).toBeDefined();
    const naming = grouped.groups.filter((g) => g.src.includes(prometheus.id));
    // Sources first, each of the 20 tenants' groups named it with every other Prometheus.
    expect(naming.length).toBeLessThanOrEqual(3);
    expect(naming.some((g) => g.conn === "TCP 9090")).toBe(true);
  });

  it("on the example with an Ingress: the ingress controller's flows are its exposures, not groups", () => {
    const dir = join(__dirname, "../examples/head");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => ({ path: f, text: readFileSync(join(dir, f), "utf8") }));
    const report = reach(files);
    const plain = reachJson(report);
    const controller = plain.flows.filter((f) => f.src === "{ingress-controller}");
    expect(controller.length).toBeGreaterThan(0);
    expect(controller).toEqual(plain.exposures.filter((e) => e.source === "ingress-controller").map((e) => ({ src: e.src, dst: e.dst, conn: e.conn })));
    expect(check(files, "auto").groups).toBeGreaterThan(0);
  });
});
