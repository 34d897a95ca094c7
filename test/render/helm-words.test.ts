import { describe, expect, it } from "vitest";
import { renderComment } from "../../src/render/diff-md.js";
import { UniverseIndex } from "../../src/render/group.js";
import { setWords } from "../../src/render/set-words.js";
import { diffOf, namespace, netpol, yamlFile, type Obj } from "./fixtures.js";

function statefulSet(ns: string, name: string, labels: Record<string, string>, port: number): Obj {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: "main", image: "x", ports: [{ containerPort: port }] }] } } },
  };
}

const pg = { "app.kubernetes.io/name": "postgresql", "app.kubernetes.io/instance": "orders-db", "app.kubernetes.io/component": "primary" };
function pgRepo(port: number) {
  return [
    yamlFile("w.yaml", [namespace("shop-prod"), statefulSet("shop-prod", "orders-db-postgresql", pg, 5432)]),
    yamlFile("p.yaml", [netpol("shop-prod", "orders-db-postgresql", { podSelector: { matchLabels: pg }, policyTypes: ["Ingress"], ingress: [{ ports: [{ port }], from: [{ podSelector: { matchLabels: { "orders-db-postgresql-client": "true" } } }] }] })]),
  ];
}
const redisM = { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "cache", "app.kubernetes.io/component": "master" };
const redisR = { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "cache", "app.kubernetes.io/component": "replica" };
function redisRepo(port: number) {
  return [
    yamlFile("w.yaml", [namespace("shop-prod"), statefulSet("shop-prod", "cache-redis-master", redisM, 6379), statefulSet("shop-prod", "cache-redis-replicas", redisR, 6379)]),
    yamlFile("p.yaml", [netpol("shop-prod", "cache-redis", { podSelector: { matchLabels: { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "cache" } }, policyTypes: ["Ingress"], ingress: [{ ports: [{ port }], from: [{ podSelector: { matchLabels: { "cache-redis-client": "true" } } }, { namespaceSelector: {} }] }] })]),
  ];
}

/** The chart's policy lets the web namespace in by its label; the PR drops the label. */
function redisByNamespaceLabel(labelled: boolean) {
  return [
    yamlFile("w.yaml", [namespace("shop-prod"), statefulSet("shop-prod", "cache-redis-master", redisM, 6379), statefulSet("shop-prod", "cache-redis-replicas", redisR, 6379)]),
    yamlFile("p.yaml", [
      netpol("shop-prod", "cache-redis", {
        podSelector: { matchLabels: { "app.kubernetes.io/name": "redis", "app.kubernetes.io/instance": "cache" } },
        policyTypes: ["Ingress"],
        ingress: [{ ports: [{ port: 6379 }], from: [{ podSelector: { matchLabels: { "cache-redis-client": "true" } } }, { namespaceSelector: { matchLabels: { "cache-access": "true" } } }] }],
      }),
    ]),
    yamlFile("web.yaml", [namespace("shop-web", labelled ? { "cache-access": "true" } : {}), statefulSet("shop-web", "web", { app: "web" }, 8080)]),
  ];
}

/** The cells of a section's table rows ("Opened" / "Closed"), zero-width spaces dropped. */
function cells(md: string, title: string): string[][] {
  const start = md.indexOf(`#### ${title} flows`);
  if (start < 0) return [];
  const lines = md.slice(start).split("\n").slice(1);
  const first = lines.findIndex((l) => l.startsWith("| "));
  const end = lines.findIndex((l, i) => i > first && !l.startsWith("| "));
  return lines
    .slice(first, end < 0 ? undefined : end)
    .filter((l) => !l.startsWith("| Source") && !l.startsWith("| ---"))
    .map((l) => l.replace(/\u200b/g, "").slice(2, -2).split(" | "));
}

describe("Helm chart pods that are also their own clients, in selector words (issue 19)", () => {
  it("says the database-and-client representative by its client label, beside the database", () => {
    const md = renderComment(diffOf(pgRepo(5432), pgRepo(5433), { pods: "auto" }), { marker: "<!-- m -->" });
    for (const title of ["Opened", "Closed"]) {
      const rows = cells(md, title);
      expect(rows).toHaveLength(1);
      expect(rows[0]![0]).toBe("other pods labelled `orders-db-postgresql-client=true` in `shop-prod`");
      expect(rows[0]![1]).toBe("`shop-prod/orders-db-postgresql[StatefulSet]` and pods labelled `orders-db-postgresql-client=true` with its labels");
      expect(rows[0]!.join(" ")).not.toContain("app.kubernetes.io/component=primary");
    }
  });

  it("names the Redis workloads a namespace label let in, not every pod but a representative", () => {
    const md = renderComment(diffOf(redisByNamespaceLabel(true), redisByNamespaceLabel(false), { pods: "auto" }), { marker: "<!-- m -->" });
    const rows = cells(md, "Closed");
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe("`shop-web/web[StatefulSet]`");
    expect(rows[0]![1]).toBe(
      "`shop-prod/cache-redis-master[StatefulSet]`, `shop-prod/cache-redis-replicas[StatefulSet]` and pods labelled `cache-redis-client=true` with the labels they share",
    );
  });

  it("names the two Redis workloads rather than every pod but a representative", () => {
    const md = renderComment(diffOf(redisRepo(6379), redisRepo(6380), { pods: "auto" }), { marker: "<!-- m -->" });
    for (const title of ["Opened", "Closed"]) {
      const rows = cells(md, title);
      expect(rows).toHaveLength(1);
      expect(rows[0]![1]).toBe(
        "`shop-prod/cache-redis-master[StatefulSet]`, `shop-prod/cache-redis-replicas[StatefulSet]` and pods labelled `cache-redis-client=true` with the labels they share",
      );
      expect(rows[0]![1]).not.toContain("except");
    }
  });
});

describe("a namespace's workloads but one representative (issue 19)", () => {
  it("names the members rather than 'every pod in N except' a representative", () => {
    const report = diffOf(redisRepo(6379), redisRepo(6380), { pods: "auto" });
    // shop-prod as a namespace where the client representatives are every other pod there is.
    const universe = report.universe.filter((e) => e.id !== "shop-prod/[*]");
    const index = new UniverseIndex(universe);
    const redis = universe.filter((e) => e.id.startsWith("shop-prod/cache-redis-") || e.id.startsWith("shop-prod/[app.kubernetes.io/instance=cache"));
    expect(redis).toHaveLength(3);
    const words = setWords(index.describe(redis), "destination", (s) => `\`${s}\``);
    expect(words).toBe(
      "`shop-prod/cache-redis-master[StatefulSet]`, `shop-prod/cache-redis-replicas[StatefulSet]` and pods labelled `cache-redis-client=true` with the labels they share",
    );
  });
});

describe("a database-and-client representative on its own (issue 19)", () => {
  it("reads as its client label with the labels of the workload it extends, not its label soup", () => {
    const report = diffOf(pgRepo(5432), pgRepo(5433), { pods: "auto" });
    const index = new UniverseIndex(report.universe);
    const both = report.universe.filter((e) => e.id.startsWith("shop-prod/[app.kubernetes.io/component=primary"));
    expect(both).toHaveLength(1);
    expect(setWords(index.describe(both), "source", (s) => `\`${s}\``)).toBe(
      "pods labelled `orders-db-postgresql-client=true` with the labels of `shop-prod/orders-db-postgresql[StatefulSet]`",
    );
  });
});
