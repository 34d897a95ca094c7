// Counts are in units a person counts: a workload and a range of addresses a policy names, not
// the address segments the analysis cuts at every ipBlock anywhere in the repository.
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { renderDiffText } from "../../src/render/diff-text.js";
import { deployment, diffOf, namespace, netpol, yamlFile } from "./fixtures.js";

const TEAMS = 6;

function repository(openDbs: boolean) {
  const files = [];
  for (let t = 0; t < TEAMS; t++) {
    const ns = `team${t}`;
    files.push(
      yamlFile(`${ns}/workloads.yaml`, [namespace(ns), deployment(ns, "api", { app: "api" }), deployment(ns, "db", { app: "db" })]),
      // Egress allow-lists of single addresses: each cuts the external address space.
      yamlFile(`${ns}/egress.yaml`, [
        netpol(ns, "api-egress", {
          podSelector: { matchLabels: { app: "api" } },
          policyTypes: ["Egress"],
          egress: Array.from({ length: 20 }, (_, i) => ({ to: [{ ipBlock: { cidr: `198.51.${t}.${i}/32` } }], ports: [{ port: 443 }] })),
        }),
        netpol(ns, "db-deny", { podSelector: { matchLabels: { app: "db" } }, policyTypes: ["Ingress"] }),
      ]),
    );
    if (openDbs) {
      files.push(yamlFile(`${ns}/db-open.yaml`, [netpol(ns, "db-open", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 5432 }] }] })]));
    }
  }
  return files;
}

describe("counts in a reviewer's units", () => {
  const report = diffOf(repository(false), repository(true));

  it("counts one flow per database opened to the internet, however many segments ipBlocks elsewhere cut", () => {
    expect(report.universe.filter((e) => e.type === "external").length).toBeGreaterThan(100);
    expect(report.changes).toHaveLength(TEAMS);
    expect(report.changes.map((c) => `${c.src.id} -> ${c.dst.id}: ${c.opened.toString()}`)).toEqual(
      Array.from({ length: TEAMS }, (_, t) => `0.0.0.0/0 -> team${t}/db[Deployment]: TCP 5432`),
    );
  });

  it("says so in the headline and the gate, one violation line per group (each database has its own policy)", () => {
    const md = renderComment(report, { marker: "<!-- m -->" });
    expect(md.split("\n")[4]).toBe(
      "**6 flows opened, 0 closed — gate failed:** `team0/db[Deployment]` TCP 5432 newly reachable from outside the cluster: from any external address (external-ingress) (and 5 more violations)",
    );
    expect(md).toContain("#### Gate violations (6)");
    expect(md.split("\n").filter((l) => l.startsWith("- ⛔ "))).toHaveLength(6);
    const text = renderDiffText(report);
    expect(text).toContain("gate failed: 6 violations of external-ingress");
  });

  it("puts one policy's databases in one violation line", () => {
    const one = (open: boolean) => [
      yamlFile("w.yaml", [namespace("data"), ...["pg", "mysql", "redis"].map((n) => deployment("data", n, { tier: "db", app: n })), deployment("data", "api", { app: "api" })]),
      yamlFile("p.yaml", [
        netpol("data", "api-egress", { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Egress"], egress: Array.from({ length: 30 }, (_, i) => ({ to: [{ ipBlock: { cidr: `203.0.113.${i}/32` } }] })) }),
        netpol("data", "db", { podSelector: { matchLabels: { tier: "db" } }, ingress: open ? [{ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ port: 5432 }] }] : [] }),
      ]),
    ];
    const md = renderComment(diffOf(one(false), one(true)), { marker: "<!-- m -->" });
    expect(md.split("\n")[4]).toBe(
      "**3 flows opened, 0 closed — gate failed:** `data/pg[Deployment]`, `data/mysql[Deployment]` and `data/redis[Deployment]` TCP 5432 newly reachable from outside the cluster: from any external address (external-ingress)",
    );
    expect(md).toContain("#### Gate violations (1)");
  });
});
