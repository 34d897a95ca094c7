// The seed tutorial, one pull request per step, on a declared cluster (test/fixtures/seeds):
// what a reviewer is told each step opens and closes.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diff } from "../src/analyze.js";
import type { SourceFile } from "../src/load/object/source.js";
import { diffJson } from "../src/render/diff-json.js";
import { renderComment } from "../src/render/diff-md.js";

const SEEDS = join(dirname(fileURLToPath(import.meta.url)), "fixtures/seeds");
const read = (rel: string): SourceFile => ({ path: rel, text: readFileSync(join(SEEDS, rel), "utf8") });
const CLUSTER = readdirSync(join(SEEDS, "cluster")).map((f) => read(`cluster/${f}`));
const step = (...policies: string[]) => [...CLUSTER, ...policies.map((p) => read(`${p}.yaml`))];

function changes(base: SourceFile[], head: SourceFile[]) {
  const report = diff(base, head, { pods: "declared" });
  return { report, json: diffJson(report) };
}

describe("seed tutorial as pull requests (declared cluster)", () => {
  it("default-deny-ingress in backend closes frontend -> backend, and nothing is opened", () => {
    const { json } = changes(step(), step("default-deny-ingress"));
    expect(json.changes.length).toBeGreaterThan(0);
    expect(json.changes.every((c) => c.opened === "No Connections")).toBe(true);
    expect(json.changes.every((c) => c.dst.startsWith("backend/"))).toBe(true);
    const webToDb = json.changes.find((c) => c.src === "frontend/web[Pod]" && c.dst === "backend/db[Pod]");
    expect(webToDb).toMatchObject({ type: "removed", closed: "All Connections", head: "No Connections" });
    expect(webToDb!.why).toContainEqual(expect.objectContaining({ side: "head", policy: "backend/default-deny-ingress", effect: "isolates" }));
  });

  it("allow-frontend-to-db opens exactly frontend/web -> backend/db TCP 5432", () => {
    const { json } = changes(step("default-deny-ingress"), step("default-deny-ingress", "allow-frontend-to-db"));
    expect(json.changes.map((c) => [c.type, c.src, c.dst, c.opened, c.closed])).toEqual([["added", "frontend/web[Pod]", "backend/db[Pod]", "TCP 5432", "No Connections"]]);
    expect(json.changes[0]!.why).toEqual([
      expect.objectContaining({ side: "head", policy: "backend/allow-frontend-to-db", rule: "ingress[0]", file: "allow-frontend-to-db.yaml", effect: "allows" }),
    ]);
  });

  it("default-deny-egress without the DNS policy closes DNS, and the comment says so plainly", () => {
    const base = step("default-deny-ingress", "allow-frontend-to-db");
    const { json, report } = changes(base, [...base, read("default-deny-egress.yaml")]);
    const dns = json.changes.find((c) => c.src === "backend/db[Pod]" && c.dst === "kube-system/coredns[Deployment]");
    expect(dns).toMatchObject({ type: "removed", closed: "All Connections" });
    expect(json.changes.every((c) => c.src.startsWith("backend/") && c.opened === "No Connections")).toBe(true);
    const comment = renderComment(report, { marker: "<!-- t -->" });
    expect(comment).toMatch(/DNS/);
    expect(comment).toMatch(/can no longer resolve names/);
    expect(comment).toContain("`backend`");
  });

  it("allow-dns-egress reopens UDP and TCP 53 to kube-system only", () => {
    const base = step("default-deny-ingress", "allow-frontend-to-db", "default-deny-egress");
    const { json } = changes(base, [...base, read("allow-dns-egress.yaml")]);
    expect(json.changes.length).toBeGreaterThan(0);
    for (const c of json.changes) {
      expect(c.src.startsWith("backend/")).toBe(true);
      expect(c.dst).toBe("kube-system/coredns[Deployment]");
      expect(c.opened).toBe("TCP 53,UDP 53");
    }
  });

  it("removing a policy reverses the change", () => {
    const withIt = step("default-deny-ingress", "allow-frontend-to-db");
    const { json } = changes(withIt, step("default-deny-ingress"));
    expect(json.changes.map((c) => [c.type, c.src, c.dst, c.opened, c.closed])).toEqual([["removed", "frontend/web[Pod]", "backend/db[Pod]", "No Connections", "TCP 5432"]]);
    expect(json.changes[0]!.why).toContainEqual(expect.objectContaining({ side: "base", policy: "backend/allow-frontend-to-db", effect: "allows" }));
  });

  it("the tutorial's example-policy as printed is invalid: the comment says so first, and nothing changes", () => {
    const { json, report } = changes(step(), step("example-policy"));
    expect(json.changes).toEqual([]);
    const comment = renderComment(report, { marker: "<!-- t -->" });
    const caution = comment.indexOf("[!CAUTION]");
    expect(caution).toBeGreaterThan(0);
    expect(comment.indexOf("#### ")).toSatisfy((i: number) => i === -1 || i > caution);
    expect(comment).toMatch(/`example-policy\.yaml:\d+:\d+`: NetworkPolicy default\/example-policy: .*except 128\.12\.0\.0\/16 must lie strictly inside cidr 128\.12\.0\.0\/24/);
  });
});
