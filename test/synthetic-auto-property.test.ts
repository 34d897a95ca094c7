// EXACTNESS of --pods auto where workloads are declared: a repository declares some of a real
// cluster's pods; every other real pod that --pods auto gives a representative (a pod of a
// namespace without declared workloads, or one that satisfies a selector no declared workload of
// its namespace matches) behaves, towards every declared or represented real pod, as that
// representative does (and every pod a policy selects, where that policy selects no declared pod
// of its namespace, has one):
//   conn_declared(p, q) = conn_auto(m(p), m(q)), m = the pod itself when declared, else its representative.
// Besides some real pods, the repository may declare an "anchor" pod in a namespace (also in the
// real cluster) labelled with a key no policy uses, so that many selectors there match no
// declared workload.
// NETREACH_SYNTHETIC_RUNS and NETREACH_SYNTHETIC_SEED override the run count and the seed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { representatives } from "../src/analyze.js";
import { analyzeReach } from "../src/render/reach-json.js";
import type { SourceFile } from "../src/load/source.js";
import { selectorMatches } from "./reference/evaluator.js";
import { POD_LABELS } from "./reference/generate.js";
import type { Labels } from "./reference/kube.js";
import { describeCase, POOL, realCaseArbitrary, type RealCase, type RealPod } from "./synthetic/real-cluster.js";

const RUNS = Number(process.env.NETREACH_SYNTHETIC_RUNS ?? 100);
const SEED = process.env.NETREACH_SYNTHETIC_SEED === undefined ? undefined : Number(process.env.NETREACH_SYNTHETIC_SEED);
const stats = { cases: 0, pairs: 0, representedBesideDeclared: 0, besideDeclared: 0 };

/** The repository plus the declared pods and the manifests of their namespaces (as in the cluster). */
const podObject = (p: RealPod) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: p.name, namespace: p.namespace, ...(Object.keys(p.labels).length > 0 ? { labels: p.labels } : {}) },
  spec: { containers: [{ name: "c0", image: "registry.example/app:1" }] },
});
const yaml = (objects: readonly object[]) => objects.map((o) => stringify(o)).join("---\n");

function withDeclared(c: RealCase, pods: readonly RealPod[]): SourceFile[] {
  const namespaces = c.namespaces.filter((n) => !n.inRepository && pods.some((p) => p.namespace === n.name));
  const objects = [
    ...namespaces.map((n) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: n.name, ...(Object.keys(n.labels).length > 0 ? { labels: n.labels } : {}) } })),
    ...pods.map(podObject),
  ];
  return objects.length === 0 ? [...c.repository] : [...c.repository, { path: "declared/objects.yaml", text: yaml(objects) }];
}

function conns(files: readonly SourceFile[], pods: "auto" | "declared") {
  const json = analyzeReach(files, { pods });
  const flows = new Map(json.flows.map((f) => [`${f.src}\u0000${f.dst}`, f.conn]));
  return { ids: new Set(json.endpoints.map((e) => e.id)), conn: (s: string, d: string) => flows.get(`${s}\u0000${d}`) ?? "No Connections" };
}

function checkCase(c: RealCase, picked: ReadonlySet<string>, anchorIn: readonly string[], extraLabels: readonly Labels[]): void {
  const anchors: RealPod[] = anchorIn.map((namespace) => ({ namespace, name: "anchor", labels: { operator: "anchor" } }));
  // More undeclared pods beside the anchors, so that the new representatives are exercised often.
  // Each takes the matchLabels of a policy of its namespace, which random labels rarely satisfy.
  const extras: RealPod[] =
    anchorIn.length === 0
      ? []
      : extraLabels.map((labels, i) => {
          const namespace = anchorIn[i % anchorIn.length]!;
          const hosted = c.policies.filter((p) => (p.metadata.namespace ?? "default") === namespace);
          const like = hosted.length === 0 ? {} : (hosted[i % hosted.length]!.spec.podSelector?.matchLabels ?? {});
          return { namespace, name: `extra${i}`, labels: { ...labels, ...like } };
        });
  const added = [...anchors, ...extras];
  const pods = [...c.pods, ...added];
  const id = (p: RealPod) => `${p.namespace}/${p.name}[Pod]`;
  const declared = new Set([...c.pods.filter((p) => picked.has(p.name)), ...anchors].map(id));
  const repository = withDeclared(c, pods.filter((p) => declared.has(id(p))));
  const auto = conns(repository, "auto");
  const real = conns(added.length === 0 ? c.cluster : [...c.cluster, { path: "cluster/added.yaml", text: yaml(added.map(podObject)) }], "declared");
  const synthesis = representatives(repository, "auto");
  const nsLabels = new Map(c.namespaces.map((n) => [n.name, n.labels]));
  const declaredNs = new Set(pods.filter((p) => declared.has(id(p))).map((p) => p.namespace));
  const m = new Map<string, string>();
  for (const p of pods) {
    const r = declared.has(id(p)) ? id(p) : synthesis.representativeOf(p.namespace, nsLabels.get(p.namespace) ?? {}, p.labels);
    if (!declared.has(id(p)) && declaredNs.has(p.namespace)) stats.besideDeclared++;
    if (r === undefined) {
      // Coverage: a pod that a policy of its namespace selects, where that policy selects no declared pod, is represented.
      const inNs = (pol: RealCase["policies"][number]) => (pol.metadata.namespace ?? "default") === p.namespace;
      const unmatchedSubject = c.policies.some(
        (pol) => inNs(pol) && selectorMatches(pol.spec.podSelector, p.labels) && !pods.some((d) => declared.has(id(d)) && d.namespace === p.namespace && selectorMatches(pol.spec.podSelector, d.labels)),
      );
      if (unmatchedSubject) throw new Error(`${id(p)} is selected by a policy that selects no declared pod, but has no representative\n\n${describeCase(c)}`);
      continue;
    }
    if (!auto.ids.has(r)) throw new Error(`${id(p)} maps to ${r}, which the auto run does not list\n\n${describeCase(c)}`);
    m.set(id(p), r);
    if (!declared.has(id(p)) && declaredNs.has(p.namespace)) stats.representedBesideDeclared++;
  }
  for (const p of pods) {
    for (const q of pods) {
      const mp = m.get(id(p));
      const mq = m.get(id(q));
      if (p === q || mp === undefined || mq === undefined) continue;
      stats.pairs++;
      const want = real.conn(id(p), id(q));
      const got = auto.conn(mp, mq);
      if (want !== got) {
        throw new Error(
          [`${id(p)} -> ${id(q)}: ${want} in the real cluster, but ${mp} -> ${mq}: ${got} with --pods auto`, `declared: ${[...declared].join(", ")}`, describeCase(c)].join("\n"),
        );
      }
    }
  }
  stats.cases++;
}

describe("property: --pods auto representatives beside declared workloads are exact", () => {
  it(`${RUNS} random policy sets, real clusters and declared subsets`, () => {
    fc.assert(
      fc.property(
        realCaseArbitrary,
        fc.array(fc.nat({ max: 3 }).map((n) => n === 0), { minLength: 8, maxLength: 8 }),
        fc.subarray([...POOL]),
        fc.array(fc.record({ app: fc.constantFrom(...POD_LABELS.app!), role: fc.constantFrom(...POD_LABELS.role!), tier: fc.constantFrom(...POD_LABELS.tier!) }, { requiredKeys: [] }), { maxLength: 3 }),
        (c, picks, anchorIn, extraLabels) => {
          // Anchors where policies live: that is where selectors go unmatched.
          const hosts = new Set(c.policies.map((p) => p.metadata.namespace ?? "default"));
          checkCase(c, new Set(c.pods.filter((_, i) => picks[i]).map((p) => p.name)), anchorIn.filter((n) => hosts.has(n)), extraLabels as Labels[]);
        },
      ),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.info(`auto property: ${stats.cases} cases, ${stats.pairs} pod pairs, ${stats.representedBesideDeclared} undeclared pods represented in namespaces with declared workloads (of ${stats.besideDeclared})`);
    expect(stats.cases).toBeGreaterThanOrEqual(RUNS);
    // The property must exercise the new representatives, not only the old ones.
    expect(stats.representedBesideDeclared).toBeGreaterThanOrEqual(RUNS / 20);
  }, 120_000);
});
