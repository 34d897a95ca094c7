// Issue 19: one unit people count. Representative pods are an analysis device: they are said by
// the selector words that define them, those of namespaces no policy names are merged, and a flow
// is a pair a person would name, counted alike in the headline, the counts, the tables and the log.
import { describe, expect, it } from "vitest";
import { groupChanges } from "../../src/render/group.js";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { deployment, diffOf, namespace, netpol, yamlFile, type Obj } from "./fixtures.js";

const TEAMS = 12;

/** Team namespaces scraped from monitoring namespaces labelled for the team; workers of any namespace reach each db. */
function repository(options: { openDb: boolean; workers: boolean }) {
  const files = [];
  for (let t = 0; t < TEAMS; t++) {
    const ns = `team-${String(t).padStart(3, "0")}`;
    const policies: Obj[] = [
      netpol(ns, "deny", { podSelector: {}, policyTypes: ["Ingress"] }),
      netpol(ns, "scrape", { podSelector: { matchLabels: { tier: "api" } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { purpose: "monitoring", team: ns } } }] }] }),
    ];
    if (options.workers && t === 0) {
      policies.push(netpol(ns, "workers", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { "app.kubernetes.io/component": "worker" } } }] }] }));
    }
    files.push(yamlFile(`${ns}/w.yaml`, [namespace(ns, { team: ns }), deployment(ns, "api", { app: "api", tier: "api" }), deployment(ns, "db", { app: "db" })]));
    files.push(yamlFile(`${ns}/p.yaml`, policies));
  }
  if (options.openDb) files.push(yamlFile("team-000/open.yaml", [netpol("team-000", "open", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ namespaceSelector: {} }] }] })]));
  return files;
}

/** The table rows of a section of the comment. */
function rows(md: string, title: string): string[] {
  const start = md.indexOf(`#### ${title} flows`);
  if (start < 0) return [];
  // The section's one table: its rows run from the header to the first line that is not a row.
  const lines = md.slice(start).split("\n").slice(1);
  const first = lines.findIndex((l) => l.startsWith("| "));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith("| "));
  // Zero-width spaces let long names break in a cell (cell-code.ts); the words are read without them.
  return lines.slice(first, end < 0 ? undefined : end).filter((l) => !l.startsWith("| Source") && !l.startsWith("| ---")).map((l) => l.replace(/\u200b/g, ""));
}

/** The flows a row says it holds: "(N flows)", or one. */
const rowFlows = (row: string) => Number(/\(([\d,]+) flows\)/.exec(row)?.[1]?.replace(/,/g, "") ?? "1");

describe("representative namespaces in people's words", () => {
  const report = diffOf(repository({ openDb: false, workers: false }), repository({ openDb: true, workers: false }), { pods: "auto" });
  const md = renderComment(report, { marker: "<!-- m -->" });
  const opened = rows(md, "Opened");

  it("never lists label-combination namespaces one by one, nor shows their ids", () => {
    expect(opened.length).toBeGreaterThan(0);
    for (const row of opened) {
      expect(row).not.toContain("[purpose=");
      expect(row).not.toContain("]/[");
      expect((row.match(/namespaces labelled/g) ?? []).length).toBeLessThanOrEqual(1);
    }
    // What the change opens to every namespace but one kind, said as such.
    expect(opened[0]).toMatch(/^\| any pod except other pods in namespaces labelled `purpose=monitoring` and `team=team-000` \| /);
    expect(renderDiffText(report)).not.toContain("[purpose=");
  });

  it("counts a flow as the tables name it: the headline, the counts line, the rows and the grouping agree", () => {
    const g = groupChanges(report);
    const total = opened.reduce((n, r) => n + rowFlows(r), 0);
    expect(g.openedFlows).toBe(total);
    expect(md).toContain(`**${total.toLocaleString("en-US")} flows opened, 0 closed`);
    expect(md).toContain(`**Opened:** ${total.toLocaleString("en-US")} flows in ${opened.length} groups`);
    expect(renderDiffText(report).split("\n")[0]).toContain(`${total} flows opened`);
    expect(g.changedFlows).toBe(total);
    // The made-up combinations do not inflate it: the analysis' pairs are many more.
    expect(report.changes.length).toBeGreaterThan(total + 2 * TEAMS);
    // The engine's pairs are still listed, as rows, under their ids (as the JSON report has them).
    expect(md).toContain(`<summary>Endpoint by endpoint, as in the JSON report (${report.changes.length} rows)</summary>`);
  });
});

describe("a representative said by its selector", () => {
  it("reads pods labelled component=worker in every namespace as such, not as [*]/[app.kubernetes.io/component=worker]", () => {
    const report = diffOf(repository({ openDb: false, workers: true }), repository({ openDb: false, workers: false }), { pods: "auto" });
    const md = renderComment(report, { marker: "<!-- m -->" });
    const closed = rows(md, "Closed");
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.join("\n")).toContain("pods labelled `app.kubernetes.io/component=worker` in any other namespace");
    expect(closed.join("\n")).not.toContain("[app.kubernetes.io/component=worker]");
    // Every team's monitoring namespaces in one phrase, a few values named.
    for (const row of closed) {
      expect(row).toMatch(/in namespaces labelled `purpose=monitoring` and `team` one of `team-\d+`, `team-\d+`, `team-\d+` or \d+ more and /);
      expect(row).not.toContain("[purpose=");
      // The undeclared pods of the other teams' namespaces: one phrase, not one per namespace.
      expect(row).toContain("other pods labelled `app.kubernetes.io/component=worker` in `team-000`, `team-001`, `team-002` and 9 more namespaces");
    }
    const g = groupChanges(report);
    expect(g.closedFlows).toBe(closed.reduce((n, r) => n + rowFlows(r), 0));
  });
});
