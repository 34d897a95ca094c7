// A diff too large to list pair by pair (issue 18): a default-deny in each of 1,000 namespaces, as
// a per-tenant chart renders them, closes a million pairs. Its JSON report stays bounded — the
// first pairs, the totals, and every pair in groups — and its comment and job summary stay
// within their budgets and name the real counts. How long it takes is `npm run bench`'s, not here.
import { beforeAll, describe, expect, it } from "vitest";
import { diff, type DiffReport } from "../../src/analyze.js";
import { SUMMARY_MAX_BYTES } from "../../src/action/comment-step.js";
import { diffJson, diffJsonChunks } from "../../src/render/diff-json.js";
import { CHANGE_LIST_LIMIT } from "../../src/render/diff-json-groups.js";
import { renderComment } from "../../src/render/diff-md.js";
import type { ChangeSetJson, DiffJson } from "../../src/report/diff-json.js";
import { deny, diffOf, yamlFile } from "./fixtures.js";
import { shopPr } from "./shop.js";

const TENANTS = 1000;
const MARKER = "<!-- netreach -->";

/** A set's endpoint ids, `allBut` read against the document's endpoints. */
function members(doc: DiffJson, set: ChangeSetJson): string[] {
  if (set.endpoints) return set.endpoints;
  const out = new Set(set.allBut);
  return doc.endpoints.map((e) => e.id).filter((id) => !out.has(id));
}

/** Every (facet, src, dst, conn) the groups stand for: a group is every pair src x dst but a declared workload to itself. */
function expand(doc: DiffJson): string[] {
  const sets = new Map(doc.changeSets!.map((s) => [s.id, members(doc, s)]));
  const workloads = new Set(doc.endpoints.filter((e) => e.type === "workload").map((e) => e.id));
  const out: string[] = [];
  for (const g of doc.changeGroups!) {
    let n = 0;
    for (const s of sets.get(g.src)!) for (const d of sets.get(g.dst)!) if (s !== d || !workloads.has(s)) (out.push(`${g.facet} ${s} -> ${d}: ${g.conn}`), n++);
    expect(n).toBe(g.pairs);
  }
  return out.sort();
}

/** Every (facet, src, dst, conn) of the pairs listed one by one. */
function pairs(doc: DiffJson): string[] {
  const out: string[] = [];
  for (const c of doc.changes) {
    if (c.src === "{ingress-controller}") continue; // exposures, in no group
    if (c.opened !== "No Connections") out.push(`opened ${c.src} -> ${c.dst}: ${c.opened}`);
    if (c.closed !== "No Connections") out.push(`closed ${c.src} -> ${c.dst}: ${c.closed}`);
  }
  return out.sort();
}

describe(`a default-deny in each of ${TENANTS} namespaces, no workloads (--pods auto)`, () => {
  let report: DiffReport;
  beforeAll(() => {
    const head = yamlFile(
      "tenants.yaml",
      Array.from({ length: TENANTS }, (_, i) => deny(`tenant-${i}`, "default-deny")),
    );
    report = diff([], [head]);
  }, 120_000);

  it("closes a million pairs: more than a report lists one by one", () => {
    // Every namespace's representative pod, from each of them and from any other namespace.
    expect(report.changes.length).toBe((TENANTS + 1) * TENANTS + TENANTS);
    expect(report.changes.length).toBeGreaterThan(CHANGE_LIST_LIMIT);
  });

  it("writes a JSON report of a few megabytes that says how many changes it holds and groups them all", () => {
    const text = [...diffJsonChunks(report)].join("");
    expect(text.length).toBeLessThan(4 * 2 ** 20);
    const doc = JSON.parse(text) as DiffJson;
    expect(doc.schema).toBe("netreach.diff/v1");
    expect(doc.changesTruncated).toEqual({ total: 1_002_000, listed: 1000 });
    expect(doc.changes).toHaveLength(1000);
    expect(doc.changes[0]).toMatchObject({ type: "removed", src: report.changes[0]!.src.id, dst: report.changes[0]!.dst.id, closed: "All Connections" });
    expect(doc.gate.violationsTruncated).toEqual({ total: 0, listed: 0 });
    // One group per namespace: any source -> every pod in tenant-i, for its own policy.
    expect(doc.changeGroups).toHaveLength(TENANTS);
    expect(doc.changeGroups!.reduce((n, g) => n + g.pairs, 0)).toBe(1_002_000);
    const g = doc.changeGroups!.find((x) => x.dstWords === "every pod in tenant-7")!;
    expect(g).toMatchObject({ facet: "closed", type: "removed", conn: "All Connections", srcWords: "any source", pairs: 1002, gate: [] });
    expect(g.why).toEqual([expect.objectContaining({ side: "head", policy: "tenant-7/default-deny", rule: null, direction: "ingress", effect: "isolates" })]);
    // "Any source" is written once for all the groups that name it.
    expect(new Set(doc.changeGroups!.map((x) => x.src)).size).toBe(1);
    // The value form is the same document.
    expect(diffJson(report)).toEqual(doc);
  }, 120_000);

  it("gives a comment within 65,536 characters and a job summary within 1 MB, each naming the real counts", () => {
    const c = renderComment(report, { marker: MARKER });
    expect(c.length).toBeLessThanOrEqual(65_536);
    expect(c).toContain("**0 flows opened, 1,002,000 closed — gate passed.**");
    expect(c).toContain("**Closed:** 1,002,000 flows in 1,000 groups");
    expect(c).toContain("endpoint-by-endpoint list of 1,002,000 rows");
    const s = renderComment(report, { marker: MARKER, maxChars: SUMMARY_MAX_BYTES, measure: "utf8" });
    expect(Buffer.byteLength(s, "utf8")).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(s).toContain("1,002,000 closed");
  }, 120_000);
});

describe("diff JSON with group: true", () => {
  it("groups a small diff too, and its groups stand for exactly the pairs it lists", () => {
    const pr = shopPr();
    const report = diffOf(pr.base, pr.head);
    const plain = diffJson(report);
    const grouped = diffJson(report, { group: true });
    expect(plain.changeGroups).toBeUndefined();
    expect(plain.changesTruncated).toBeUndefined();
    expect(grouped.changesTruncated).toEqual({ total: plain.changes.length, listed: plain.changes.length });
    expect(grouped.changes).toEqual(plain.changes);
    expect(grouped.gate.violations).toEqual(plain.gate.violations);
    expect(grouped.changeGroups!.length).toBeGreaterThan(0);
    expect(expand(grouped)).toEqual(pairs(plain));
    // The rest of the document is today's.
    const { changesTruncated: _t, changeSets: _s, changeGroups: _g, gate: { violationsTruncated: _v, ...gate }, ...rest } = grouped;
    expect({ ...rest, gate }).toEqual(plain);
  });
});
