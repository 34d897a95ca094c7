import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/analyze.js";
import { connWords } from "../../src/render/conn-words.js";
import { renderComment, fence, safeUrl } from "../../src/render/diff-md.js";
import { deny, deployment, diffOf, exampleLink, gate, lineOf, manyDistinctPairs, namespace, netpol, yamlFile } from "./fixtures.js";
import { outsideFences, structureProblems } from "./markdown-check.js";
import { shopPr, workloads } from "./shop.js";

const MARKER = "<!-- netreach:comment:default -->";

describe("renderComment on the shop pull request", () => {
  const pr = shopPr();
  const report = diffOf(pr.base, pr.head);
  const comment = renderComment(report, { marker: MARKER, link: exampleLink });
  // Zero-width spaces let long ids break in table cells (test/render/gfm-fit.test.ts): not pinned here.
  const lines = comment.replaceAll("\u200b", "").split("\n");
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));

  it("puts the marker first, then the title, then the verdict with the first gate violation", () => {
    expect(lines[0]).toBe(MARKER);
    expect(lines[2]).toBe("### netreach: network flows");
    expect(lines[4]).toBe(
      "**2 flows opened, 6 closed — gate failed:** `backend/db[StatefulSet]` TCP 5432 newly reachable from outside the cluster: from `203.0.113.0/24` (external-ingress) ⚠️ **Stops working:** every declared workload in `backend` can no longer resolve names (UDP/TCP 53 closed toward `kube-system/coredns[Deployment]`); and 1 more below.",
    );
    expect(lines[6]).toMatch(/^\*\*Opened:\*\* 2 flows in 2 groups · \*\*Closed:\*\* 6 flows in 2 groups · \*\*Policies changed:\*\* 4 /);
    expect(lines[6]).toContain("**Gate:** `exposed`, `external-ingress` — 1 violation");
    expect(at("#### Opened flows")).toBeGreaterThan(6);
    expect(at("#### Closed flows")).toBeGreaterThan(at("#### Opened flows"));
    expect(structureProblems(comment)).toEqual([]);
  });

  it("links each opened group to the policy rule that opens it, and marks the gate violation", () => {
    const rule = lineOf(pr.headPolicies, "    - from: [{ podSelector: { matchLabels: { app: api } } }, { ipBlock");
    const url = `https://github.com/acme/shop/blob/0123abc/deploy/backend-policies.yaml#L${rule}`;
    // One rule opens both: said once, above the table, which then needs no Why column.
    expect(lines).toContain(`**Why, for every row:** allowed by [\`backend/allow-db-clients\` ingress\\[0\\]](${url}).`);
    expect(lines).toContain("| Source | Destination | Opened |");
    expect(lines).toContain("| `203.0.113.0/24` | `backend/db[StatefulSet]` | TCP 5432 (`postgres`) — ⛔ gate: `external-ingress` |");
    expect(lines).toContain("| `backend/api[Deployment]` | `backend/db[StatefulSet]` | TCP 5432 (`postgres`) |");
  });

  it("says in plain words why flows closed: newly selected by an isolating policy", () => {
    const deny = lineOf(pr.headPolicies, "metadata: { name: default-deny-egress") - 2; // the object starts at apiVersion
    const row = lines.find((l) => l.startsWith("| `backend/db[StatefulSet]` | was every declared workload"));
    // The policy both rows close by is said once, above the table; the API's row keeps its own.
    expect(lines).toContain(`**Why, for every row:** now selected by [\`backend/default-deny-egress\`](https://github.com/acme/shop/blob/0123abc/deploy/backend-policies.yaml#L${deny}) (isolates egress).`);
    expect(row).toBe("| `backend/db[StatefulSet]` | was every declared workload except `backend/api[Deployment]` and any external address; now nothing | all connections (3 flows) | as above |");
  });

  it("calls out that backend pods lose DNS", () => {
    expect(comment).toContain("- ⚠️ **DNS:** every declared workload in `backend` can no longer resolve names (UDP/TCP 53 closed toward `kube-system/coredns[Deployment]`).");
    expect(at("**DNS:**")).toBeLessThan(at("#### Opened flows"));
  });

  it("lists gate violations, draws a small graph, and collapses the details", () => {
    expect(comment).toContain("#### Gate violations (1)\n\n- ⛔ `external-ingress`: `203.0.113.0/24` → `backend/db[StatefulSet]` TCP 5432");
    expect(comment).toContain("```mermaid\nflowchart LR\n");
    expect(comment).toMatch(/ {2}n\d+ -->\|"\+ TCP 5432"\| n\d+/);
    expect(comment).toMatch(/linkStyle 0,1 stroke:#1a7f37/);
    expect(comment).toContain(`<details><summary>Endpoint by endpoint, as in the JSON report (8 rows)</summary>`);
    for (const c of report.changes) expect(lines).toContain(`| \`${c.src.id}\` | \`${c.dst.id}\` | ${connWords(c.base)} | ${connWords(c.head)} |`);
    expect(comment).toContain("<details><summary>Assumptions (");
    expect(comment).toContain("<details><summary>Policy changes (4)</summary>");
    expect(comment).toMatch(/- `backend\/allow-db-clients`: \*\*added\*\* \(\[`deploy\/backend-policies.yaml:\d+`\]\(https:[^)]*\)\)\n\n```diff\n/);
    expect(comment).toContain("- `backend/allow-web-to-api`: reformatted, no semantic change");
    expect(comment).not.toContain("Truncated");
  });

  it("has no DNS callout when the pull request allows DNS", () => {
    const fixed = shopPr({ allowDns: true });
    const c = renderComment(diffOf(fixed.base, fixed.head), { marker: MARKER });
    expect(c).not.toContain("DNS:");
    expect(c).toContain("#### Closed flows");
  });
});

describe("renderComment verdicts", () => {
  it("says no change to reachability when nothing changed", () => {
    const c = renderComment(diffOf([workloads], [workloads]), { marker: MARKER });
    expect(c.split("\n")[4]).toBe("**No change to reachability — gate passed.**");
    expect(c).not.toContain("#### Opened flows");
    expect(c).not.toContain("```mermaid");
  });

  it("says gate passed when only flows closed", () => {
    const base = [yamlFile("w.yaml", [namespace("backend"), deployment("backend", "a", { app: "a" }), deployment("backend", "b", { app: "b" }), deployment("frontend", "web", { app: "web" })])];
    const c = renderComment(diffOf(base, [...base, yamlFile("p.yaml", [deny("backend")])]), { marker: MARKER, header: "prod" });
    expect(c.split("\n")[2]).toBe("### netreach: network flows — prod");
    expect(c.split("\n")[4]).toBe(
      "**0 flows opened, 6 closed — gate passed.** ⚠️ **Stops working:** every declared workload in `backend`: nothing can reach them any more (isolated for ingress by `backend/default-deny-ingress`, which allows nothing).",
    );
    expect(c).toContain("| every declared workload and any external address | every declared workload in `backend` | all connections (6 flows) | now selected by `backend/default-deny-ingress` (`p.yaml:1`) (isolates ingress) |");
  });

  it("says which label let a failed gate pass", () => {
    const pr = shopPr();
    const c = renderComment(diffOf(pr.base, pr.head), { marker: MARKER, gateAllowedByLabel: "netreach/allow`<b>" });
    expect(c.split("\n")[4]).toMatch(/^\*\*2 flows opened, 6 closed — gate failed, allowed by label `netreach\/allowˋ<b>`:\*\* /);
  });
});

describe("code fences and links", () => {
  it("picks a fence longer than any backtick run in the policy diff", () => {
    const weird = netpol("backend", "weird", { podSelector: { matchLabels: { app: "a````b" } }, ingress: [{}] });
    const c = renderComment(diffOf([], [yamlFile("p.yaml", [weird])]), { marker: MARKER });
    expect(c).toContain("`````diff\n");
    const inside = c.slice(c.indexOf("`````diff\n"));
    expect(inside).toContain("+      app: a````b\n");
    expect(structureProblems(c)).toEqual([]);
    expect(outsideFences(c).join("\n")).not.toContain("a````b");
    expect(fence("x ``` y", "diff")).toBe("````diff\nx ``` y\n````");
  });

  it("only uses http(s) links and encodes what could end a link or a table cell", () => {
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("https://x/a b|c)d\ne\u001b")).toBe("https://x/a%20b%7Cc%29d%0Ae%1B");
  });
});

describe("renderComment size cap", () => {
  let big: DiffReport;
  beforeAll(() => {
    const { base, head } = manyDistinctPairs(72);
    big = diffOf(base, head, { gate: gate("any-opened") });
  }, 60_000); // the analysis, not the rendering: slow on a loaded 2-core machine

  it("keeps a 5,000-change diff under 65,536 characters with verdict, counts and a truncation note", () => {
    expect(big.changes.length).toBeGreaterThanOrEqual(5000);
    const c = renderComment(big, { marker: MARKER, summaryNote: "Full report in the job summary." });
    expect(c.length).toBeLessThanOrEqual(65_536);
    expect(c.length).toBeGreaterThan(60_000); // the room is used, not thrown away
    expect(c.startsWith(MARKER + "\n")).toBe(true);
    const n = big.changes.length.toLocaleString("en-US"); // counts read "5,112"
    expect(c).toContain(`**${n} flows opened, ${n} closed — gate failed:**`);
    expect(c).toContain(`**Opened:** ${n} flows in ${n} groups`);
    // Every group is one pair: the tables say each pair's before and after, so there is no full list.
    expect(c).toMatch(new RegExp(`> Truncated to fit a comment: 1 section omitted \\(policy changes\\); [\\d,]+ rows left out of the tables and lists\\. Full report in the job summary\\.`));
    expect(c).not.toContain("changed pairs</summary>");
    expect(c).toMatch(/\n\n_… and [\d,]+ more groups\._\n/);
    expect(c).toContain("<details><summary>Assumptions");
    expect(structureProblems(c)).toEqual([]);
  });

  it("still gives a valid comment with the verdict at 3,000 characters", () => {
    for (const [report, verdict] of [
      [big, `**${big.changes.length.toLocaleString("en-US")} flows opened`],
      [diffOf(shopPr().base, shopPr().head), "**2 flows opened, 6 closed — gate failed:**"],
    ] as const) {
      const c = renderComment(report, { marker: MARKER, maxChars: 3000, link: exampleLink });
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c.startsWith(MARKER)).toBe(true);
      expect(c).toContain(verdict);
      expect(c).toContain("**Opened:**");
      expect(c).toContain("Truncated to fit a comment");
      expect(structureProblems(c)).toEqual([]);
    }
  });

  it("drops the full list first, then the graph, then rows or assumptions, then the flow tables; the policy diffs last", () => {
    const pr = shopPr();
    const report = diffOf(pr.base, pr.head);
    const full = renderComment(report, { marker: MARKER }).length;
    const order = [`endpoint-by-endpoint list of ${report.changes.length} rows`, "graph", "assumptions", "closed flows", "opened flows", "policy changes"];
    const whole = renderComment(report, { marker: MARKER });
    const policySection = whole.slice(whole.indexOf("<details><summary>Policy changes"), whole.indexOf("</details>", whole.indexOf("<details><summary>Policy changes")) + 10).length;
    const seen: string[][] = [];
    for (let max = full; max >= 1200; max -= 25) {
      const c = renderComment(report, { marker: MARKER, maxChars: max });
      const m = /(\d+) sections? omitted \(([^)]*)\)/.exec(c);
      let omitted = m ? m[2]!.split(", ") : [];
      const rowsTrimmed = / rows? left out/.test(c);
      // The policy diffs go before the flow tables only when they alone are larger than the budget.
      if (omitted.includes("policy changes") && !omitted.includes("opened flows")) {
        expect(policySection).toBeGreaterThan(max);
        omitted = omitted.filter((o) => o !== "policy changes");
      }
      // What is omitted is always the first few of the order; rows go only once the graph went.
      expect(new Set(omitted)).toEqual(new Set(order.slice(0, omitted.length)));
      if (rowsTrimmed) expect(omitted.length).toBeGreaterThanOrEqual(2);
      if (seen.length === 0 || seen[seen.length - 1]!.join() !== omitted.join()) seen.push(omitted);
    }
    // Then, below the policy diffs' own size, they go first and the flow tables come back.
    expect(seen.slice(0, 7).map((s) => s.length)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("never exceeds maxChars, whatever it is", () => {
    const pr = shopPr();
    const report = diffOf(pr.base, pr.head);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12_000 }), (max) => {
        const c = renderComment(report, { marker: MARKER, maxChars: max, link: exampleLink });
        expect(c.length).toBeLessThanOrEqual(max);
        if (max >= 1200) {
          expect(c).toContain("**2 flows opened, 6 closed — gate failed:**");
          expect(structureProblems(c)).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
