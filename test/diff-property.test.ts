// Property: for random base/head revisions, the diff is exact and complete.
// - every change satisfies head = (base - closed) + opened, opened = head - base, closed = base - head;
// - the changes are exactly the pairs whose connections differ between `reach` of base and of
//   head (pod pairs and pod<->external address segments), nothing more, nothing less.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff } from "../src/analyze.js";
import { analyzeReach } from "../src/render/reach-json.js";
import { diffJson } from "../src/render/diff-json.js";
import { compareDiff, entriesFromReach, formatMismatches } from "./conformance/compare.js";
import { clusterArbitrary, clusterYaml, type GeneratedCluster } from "./reference/generate.js";
import { connEquals, connMinus, connUnion, parseConn } from "./support/conn.js";

const RUNS = Number(process.env["NETREACH_DIFF_PROPERTY_RUNS"] ?? 100);

/** Head keeps base's namespaces and pods (some removed), with another set of policies. */
const pairArbitrary = fc.tuple(clusterArbitrary, clusterArbitrary, fc.boolean()).map(([a, b, dropPod]) => {
  const isPolicy = (o: { kind: string }) => o.kind === "NetworkPolicy";
  let kept = a.objects.filter((o) => !isPolicy(o));
  if (dropPod) {
    const firstPod = kept.findIndex((o) => o.kind === "Pod");
    kept = kept.filter((_, i) => i !== firstPod);
  }
  const headObjects = [...kept, ...b.objects.filter(isPolicy)];
  const head: GeneratedCluster = { objects: headObjects, files: [{ path: "manifests/head.yaml", text: headObjects.map((o) => JSON.stringify(o)).join("\n---\n") }] };
  return { base: a, head };
});

describe("diff property (random base/head pairs)", () => {
  it(`is exact and complete on ${RUNS} random pairs`, () => {
    fc.assert(
      fc.property(pairArbitrary, ({ base, head }) => {
        const context = () => `BASE:\n${clusterYaml(base)}\nHEAD:\n${clusterYaml(head)}`;
        const json = diffJson(diff(base.files, head.files, { pods: "declared" }));
        const policyIds = (c: typeof base) =>
          new Set(c.objects.filter((o) => o.kind === "NetworkPolicy").map((o) => `${o.metadata.namespace ?? "default"}/${o.metadata.name}`));
        const basePolicies = policyIds(base);
        const headPolicies = policyIds(head);
        for (const c of json.changes) {
          const [b, h, o, cl] = [parseConn(c.base), parseConn(c.head), parseConn(c.opened), parseConn(c.closed)];
          const where = `${c.src} -> ${c.dst}\n${context()}`;
          expect(connEquals(connUnion(connMinus(b, cl), o), h), `applying opened/closed to base gives head: ${where}`).toBe(true);
          expect(connEquals(o, connMinus(h, b)), `opened = head - base: ${where}`).toBe(true);
          expect(connEquals(cl, connMinus(b, h)), `closed = base - head: ${where}`).toBe(true);
          expect(connEquals(b, h), `a change changes something: ${where}`).toBe(false);
          // Between workloads present on both sides, something always explains the change, and
          // every reason names a policy of the side it speaks of.
          if (c.endpoint === null) expect(c.why.length, `a change without a reason: ${where}`).toBeGreaterThan(0);
          for (const w of c.why) {
            const names = w.side === "base" ? basePolicies : headPolicies;
            expect(names.has(w.policy), `reason names ${w.side} policy ${w.policy}, absent there: ${where}`).toBe(true);
          }
        }
        // Completeness against two independent reach runs.
        const reachBase = entriesFromReach(analyzeReach(base.files, { pods: "declared" })).entries;
        const reachHead = entriesFromReach(analyzeReach(head.files, { pods: "declared" })).entries;
        const side = (pick: "base" | "head") =>
          entriesFromReach({ endpoints: json.endpoints, flows: json.changes.map((c) => ({ src: c.src, dst: c.dst, conn: c[pick] })) }).entries;
        const mismatches = compareDiff({ base: reachBase, head: reachHead }, { base: side("base"), head: side("head") });
        expect(mismatches.length, `diff disagrees with reach(base) vs reach(head):\n${formatMismatches(mismatches, 10)}\n${context()}`).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });
});
