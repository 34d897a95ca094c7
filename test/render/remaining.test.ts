// A closed group said by what it lacks ("every declared workload except `a/db`") reads as what it
// was and what is left (issue 19, "Complements instead of changes"): the exceptions are looked up
// at the head, changed or not, so "now only" is exact.
import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { microservicesDemoPolicies } from "../realworld/prs.js";
import { deployment, diffOf, namespace, netpol, yamlFile } from "./fixtures.js";
import { shopPr } from "./shop.js";
import { diff } from "../../src/analyze.js";

const strip = (s: string) => s.replaceAll("\u200b", "");
/** The body rows of a `####` table section. */
function rows(md: string, title: string): string[] {
  const lines = strip(md).split("\n");
  const at = lines.findIndex((l) => l.startsWith(`#### ${title}`));
  if (at < 0) return [];
  const out: string[] = [];
  const header = lines.findIndex((l, i) => i > at && l.startsWith("| Source"));
  for (let i = header + 2; i < lines.length && lines[i]!.startsWith("| "); i++) out.push(lines[i]!);
  return out;
}

const workloads = yamlFile("w.yaml", [
  namespace("a"),
  namespace("b"),
  deployment("a", "web", { app: "web" }, [{ containerPort: 8080, name: "http" }]),
  deployment("a", "db", { app: "db" }, [{ containerPort: 5432, name: "postgres" }]),
  deployment("b", "x", { app: "x" }),
  deployment("b", "y", { app: "y" }),
  deployment("b", "z", { app: "z" }),
]);
const webEgress = (ports?: number[]) =>
  netpol("a", "web-egress", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Egress"], egress: [{ to: [{ podSelector: { matchLabels: { app: "db" } } }], ...(ports ? { ports: ports.map((port) => ({ port })) } : {}) }] });
const dbDeny = netpol("a", "db-deny", { podSelector: { matchLabels: { app: "db" } }, policyTypes: ["Ingress"] });
const comment = (base: ReturnType<typeof yamlFile>[], head: ReturnType<typeof yamlFile>[]) => renderComment(diffOf(base, head), { marker: "<!-- m -->" });

describe("a workload's egress restricted to one destination", () => {
  it("what is left is a changed pair: was every destination, now only the database on its port", () => {
    const md = comment([workloads], [workloads, yamlFile("p.yaml", [webEgress([5432])])]);
    expect(rows(md, "Closed flows")).toContainEqual(expect.stringMatching(/^\| `a\/web\[Deployment\]` \| was every declared workload and any external address; now only `a\/db\[Deployment\]` TCP 5432 \(`postgres`\) \| all connections \(3 flows\) \|/));
    expect(strip(md)).not.toMatch(/\| every declared workload except/);
  });

  it("what is left is a pair the PR left alone: looked up at the head", () => {
    const md = comment([workloads], [workloads, yamlFile("p.yaml", [webEgress()])]);
    expect(rows(md, "Closed flows")).toContainEqual(expect.stringMatching(/^\| `a\/web\[Deployment\]` \| was every declared workload and any external address; now only `a\/db\[Deployment\]` \| all connections/));
  });

  it("an exception never reached stays in what it was, and nothing is left", () => {
    const md = comment([workloads, yamlFile("d.yaml", [dbDeny])], [workloads, yamlFile("d.yaml", [dbDeny]), yamlFile("p.yaml", [webEgress([5432])])]);
    expect(rows(md, "Closed flows")).toContainEqual(expect.stringMatching(/^\| `a\/web\[Deployment\]` \| was every declared workload except `a\/db\[Deployment\]` and any external address; now nothing \|/));
  });
});

describe("the shop pull request (default-deny egress, the API allowed to the database)", () => {
  it("says the API's egress was everything but the database and is now only the database", () => {
    const { base, head } = shopPr();
    const md = renderComment(diff(base, head, { pods: "declared" }), { marker: "<!-- m -->" });
    expect(rows(md, "Closed flows")).toEqual([
      expect.stringMatching(/^\| `backend\/api\[Deployment\]` \| was every declared workload except `backend\/db\[StatefulSet\]` and any external address; now only `backend\/db\[StatefulSet\]` TCP 5432 \(`postgres`\) \| all connections \(3 flows\) \|/),
      expect.stringMatching(/^\| `backend\/db\[StatefulSet\]` \| was every declared workload except `backend\/api\[Deployment\]` and any external address; now nothing \| all connections \(3 flows\) \| as above \|$/),
    ]);
  });
});

describe("microservices-demo: network policies added", () => {
  const { base, head } = microservicesDemoPolicies();
  const md = renderComment(diff(base, head), { marker: "<!-- m -->" });

  it("each service's ingress reads as what it was and who is left, not as the sources it lost", () => {
    const closed = rows(md, "Closed flows");
    expect(closed).toContainEqual(expect.stringMatching(/^\| was any source; now only `default\/frontend\[Deployment\]` TCP 9555 \| `default\/adservice\[Deployment\]` \|/));
    expect(closed).toContainEqual(expect.stringMatching(/^\| was any source; now only `default\/frontend\[Deployment\]` and `default\/checkoutservice\[Deployment\]` TCP 7070 \| `default\/cartservice\[Deployment\]` \|/));
    expect(closed).toContainEqual(expect.stringMatching(/^\| was any source; now only `default\/frontend\[Deployment\]`, `default\/recommendationservice\[Deployment\]` and `default\/checkoutservice\[Deployment\]` TCP 3550 \| `default\/productcatalogservice\[Deployment\]` \|/));
    expect(closed.filter((r) => r.split(" | ").slice(0, 2).some((cell) => cell.includes(" except ") || / and \d+ more in /.test(cell)))).toEqual([]);
  });
});
