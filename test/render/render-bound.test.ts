// Rendering stays bounded (issue 11): a diff that changes 1,000,000 pairs gives a comment within
// GitHub's 65,536 characters and a job summary within its 1 MiB, saying how much there was and
// what was cut. How long it takes is measured by `npm run bench`, not here.
import { beforeAll, describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/analyze.js";
import { SUMMARY_MAX_BYTES } from "../../src/action/comment-step.js";
import { renderComment } from "../../src/render/diff-md.js";
import { manyChanges } from "../support/million-diff.js";
import { structureProblems } from "./markdown-check.js";

const MARKER = "<!-- netreach:comment:default -->";

describe("a diff of 1,000,000 changed pairs", () => {
  let report: DiffReport;
  beforeAll(() => {
    report = manyChanges();
  }, 60_000);

  it("is shaped like a large pull request", () => {
    expect(report.changes.length).toBe(1_000_000);
    expect(new Set(report.changes.map((c) => c.dst.id)).size).toBe(1000);
    expect(report.gate.violations.length).toBeGreaterThan(500_000);
  });

  it("gives a comment within 65,536 characters that names the counts and what was cut", () => {
    const c = renderComment(report, { marker: MARKER, summaryNote: "The job summary of this run has the full report." });
    expect(c.length).toBeLessThanOrEqual(65_536);
    expect(c.length).toBeGreaterThan(60_000); // the room is used
    expect(c).toContain("**800,000 flows opened, 200,000 closed — gate failed:**");
    expect(c).toContain("**Opened:** 800,000 flows in 2,400 groups · **Closed:** 200,000 flows in 200 groups");
    expect(c).toMatch(/> Truncated to fit a comment: 1 section omitted \(endpoint-by-endpoint list of 1,000,000 rows\); [\d,]+ rows left out of the tables and lists\. The job summary of this run has the full report\./);
    expect(c).toContain("<details><summary>Policy changes (20)</summary>"); // kept: the budget trims the flow tables first
    expect(c).toMatch(/_… and [\d,]+ more groups\._/);
    expect(structureProblems(c)).toEqual([]);
  }, 60_000);

  it("gives a job summary within GitHub's 1 MiB, counted in UTF-8 bytes", () => {
    const s = renderComment(report, { marker: MARKER, maxChars: SUMMARY_MAX_BYTES, measure: "utf8" });
    const bytes = Buffer.byteLength(s, "utf8");
    expect(bytes).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(SUMMARY_MAX_BYTES).toBeLessThanOrEqual(1024 * 1024);
    expect(bytes).toBeGreaterThan(900_000);
    expect(s).toContain("endpoint-by-endpoint list of 1,000,000 rows");
    expect(s).toContain("#### Closed flows"); // both tables keep rows
    expect(structureProblems(s)).toEqual([]);
  }, 60_000);
});
