// Issue 18: a six-line Helm template that renders a default-deny NetworkPolicy into each of 1,000
// tenant namespaces (no workloads) closes a million pairs. Through the built CLI and the real
// helm, `diff --git` answers with a bounded JSON report (before: the multi-target report spread
// every change into one array and overflowed the stack) and a comment that names the real counts.
// Not timed: `npm run bench` measures it.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, REPO } from "../support/cli.js";
import { isolatedGitEnv, makeRepo, type TestRepo } from "../support/git-repo.js";
import { toolsPath } from "../tools/support.js";
import type { DiffJson } from "../../src/report/diff-json.js";

const TEMPLATE = `{{- range until 1000 }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: tenant-{{ . }}}
spec: {podSelector: {}, policyTypes: [Ingress]}
{{- end }}
`;

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...isolatedGitEnv(), PATH: toolsPath() } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a chart that adds a default-deny to each of 1,000 namespaces", () => {
  let repo: TestRepo;
  // One run writes both: the comment on stdout and the JSON report with --output (the bytes
  // --format json prints); the diff of a million pairs is the file's time.
  let run: { code: number | null; stdout: string; stderr: string; json: string };
  beforeAll(async () => {
    repo = makeRepo();
    repo.write("chart/Chart.yaml", "apiVersion: v2\nname: tenants\nversion: 0.1.0\n");
    repo.write("chart/templates/.keep", "");
    const base = repo.commit("chart without policies");
    repo.write("chart/templates/deny.yaml", TEMPLATE);
    const head = repo.commit("a default-deny per tenant");
    const output = path.join(repo.dir, "report.json");
    const r = await cli(["diff", "--git", base, head, "--helm", "chart", "--format", "md", "--output", output], repo.dir);
    run = { ...r, json: fs.readFileSync(output, "utf8") };
  }, 180_000);
  afterAll(() => repo.cleanup());

  it("writes a JSON report of a few megabytes that counts and groups every changed pair", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.json.length).toBeLessThan(4 * 2 ** 20);
    const doc = JSON.parse(run.json) as DiffJson;
    expect(doc.changesTruncated).toEqual({ total: 1_002_000, listed: 1000 });
    expect(doc.changes).toHaveLength(1000);
    expect(doc.changes.every((c) => (c as { target?: string }).target === "chart")).toBe(true);
    expect(doc.changeGroups).toHaveLength(1000);
    expect(doc.changeGroups!.reduce((n, g) => n + g.pairs, 0)).toBe(1_002_000);
    expect(doc.changeGroups![0]).toMatchObject({ target: "chart", facet: "closed", srcWords: "any source", conn: "All Connections" });
    expect(doc.targets).toEqual([expect.objectContaining({ name: "chart", status: "changed", closed: 1_002_000, opened: 0 })]);
  });

  it("gives a comment within 65,536 characters naming the real counts", () => {
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeLessThanOrEqual(65_536 + 1);
    expect(run.stdout).toContain("**0 flows opened, 1,002,000 closed — gate passed.**");
    expect(run.stdout).toContain("**Closed:** 1,002,000 flows in 1,000 groups");
  });
});

describe("diff --group", () => {
  it("asks for the grouped JSON report whatever the size; without it a small report is listed pair by pair", async () => {
    const grouped = await cli(["diff", "examples/base", "examples/head", "--format", "json", "--group"], REPO);
    const plain = await cli(["diff", "examples/base", "examples/head", "--format", "json"], REPO);
    expect(grouped.code).toBe(plain.code);
    const g = JSON.parse(grouped.stdout) as DiffJson;
    const p = JSON.parse(plain.stdout) as DiffJson;
    expect(p.changeGroups).toBeUndefined();
    expect(g.changesTruncated).toEqual({ total: p.changes.length, listed: p.changes.length });
    expect(g.changes).toEqual(p.changes);
    expect(g.changeGroups!.length).toBeGreaterThan(0);
    const listedParts = p.changes.filter((c) => c.src !== "{ingress-controller}").reduce((n, c) => n + (c.opened !== "No Connections" ? 1 : 0) + (c.closed !== "No Connections" ? 1 : 0), 0);
    expect(g.changeGroups!.reduce((n, x) => n + x.pairs, 0)).toBe(listedParts);
  }, 60_000);
});
