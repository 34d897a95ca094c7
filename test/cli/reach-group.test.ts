// `netreach reach` at the command line, as the built bundle runs: --group for text and json,
// refused for csv; md always grouped, with every pair only when there are few; per-pair output
// that streams through a pipe whole, and stops quietly when the reader does (`| head -1`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ReachGroupedJson, ReachJson } from "../../src/report/reach-json.js";
import { CLI, REPO, runCli } from "../support/cli.js";

const EXAMPLE = join(REPO, "examples/head");
// 150 workloads that nearly all reach each other: 22,048 pairs, megabytes of per-pair output.
const big = mkdtempSync(join(tmpdir(), "netreach-reach-"));
spawnSync(process.execPath, [join(REPO, "scripts/reach-cluster.mjs"), big, "150"], { encoding: "utf8" });
afterAll(() => rmSync(big, { recursive: true, force: true }));
const BIG_PAIRS = 22_048;

/** A shell pipeline from the CLI into `consumer`; the CLI's own exit status is reported on stderr. */
function piped(args: string, consumer: string) {
  const r = spawnSync("bash", ["-c", `"${process.execPath}" "${CLI}" reach ${args} | ${consumer}; echo "netreach exit \${PIPESTATUS[0]}" >&2`], { encoding: "utf8", maxBuffer: 64 << 20, timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr };
}

describe("reach --group", () => {
  it("text: one line per group, in the diff's words, then the exposures", () => {
    const r = runCli(["reach", EXAMPLE, "--group"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("23 allowed flows in 4 groups");
    expect(lines).toContain("frontend/web[Deployment] -> backend/api[Deployment]: TCP 8000");
    expect(lines).toContain("203.0.113.0/24 and backend/api[Deployment] -> backend/db[StatefulSet]: TCP 5432 [2 pairs]");
    expect(lines).toContain("exposed outside the cluster (2):");
    expect(r.stdout).not.toContain(" => "); // no per-pair line
  });

  it("json: classes and groups instead of flows, which they expand to exactly", () => {
    const plain = JSON.parse(runCli(["reach", EXAMPLE, "--format", "json"]).stdout) as ReachJson;
    const r = runCli(["reach", EXAMPLE, "--format", "json", "--group"]);
    expect(r.code).toBe(0);
    const grouped = JSON.parse(r.stdout) as ReachGroupedJson;
    expect(grouped.schema).toBe("netreach.reach/v1");
    expect("flows" in grouped).toBe(false);
    expect(grouped.endpoints).toEqual(plain.endpoints);
    expect(grouped.exposures).toEqual(plain.exposures);
    const classes = new Map(grouped.classes.map((c) => [c.id, c.endpoints]));
    const workloads = new Set(grouped.endpoints.filter((e) => e.type === "workload").map((e) => e.id));
    const members = (ids: string[]) => ids.flatMap((id) => classes.get(id)!);
    // Every source to every destination, but a workload to itself.
    const pairs = grouped.groups.flatMap((g) => members(g.src).flatMap((s) => members(g.dst).filter((d) => d !== s || !workloads.has(s)).map((d) => `${s} ${d} ${g.conn}`)));
    const expected = plain.flows.filter((f) => f.src !== "{ingress-controller}").map((f) => `${f.src} ${f.dst} ${f.conn}`);
    expect(pairs.sort()).toEqual(expected.sort());
    expect(grouped.pairs).toBe(expected.length);
  });

  it("csv: a usage error that says why", () => {
    const r = runCli(["reach", EXAMPLE, "--format", "csv", "--group"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^netreach: --group does not go with --format csv: a CSV row is one pair of endpoints, and a group is many/);
  });
});

describe("reach --format md", () => {
  it("groups, and lists every pair collapsed when there are few", () => {
    const r = runCli(["reach", EXAMPLE, "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("23 allowed flows among 4 workloads, 1 representative pod and external addresses, in 4 groups.");
    expect(r.stdout).toContain("| `frontend/web[Deployment]` | `backend/api[Deployment]` | TCP 8000 |");
    expect(r.stdout).toContain("<details><summary>Every allowed pair</summary>");
    expect(r.stdout).toContain("| `frontend/web[Deployment]` | `backend/api[Deployment]` | TCP 8000 |\n");
  });

  it("past 20,000 pairs, only the groups", () => {
    const r = runCli(["reach", big, "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${BIG_PAIRS} allowed flows among 150 workloads, 2 representative pods and external addresses, in 3 groups.`);
    expect(r.stdout).toContain("| any pod | any external address | all connections<br><sub>152 pairs</sub> |");
    expect(r.stdout).not.toContain("Every allowed pair");
    expect(r.stdout).toContain(`Every pair is listed by \`netreach reach --format csv\` (or \`text\`, \`json\`): ${BIG_PAIRS} are too many for this page.`);
    expect(r.stdout.length).toBeLessThan(10_000);
  });
});

describe("per-pair output through a pipe", () => {
  it("arrives whole, also to a reader that starts late (the pipe fills, the writer waits)", () => {
    const csv = piped(`${big} --format csv`, "(sleep 0.5; wc -l)");
    expect(csv.stdout.trim()).toBe(String(BIG_PAIRS + 1));
    expect(csv.stderr).toBe("netreach exit 0\n");
    const json = piped(`${big} --format json`, "cat");
    expect((JSON.parse(json.stdout) as ReachJson).flows).toHaveLength(BIG_PAIRS);
  });

  it("stops quietly when the reader goes away: no stack trace, exit 0", () => {
    for (const format of ["csv", "text"]) {
      const r = piped(`${big} --format ${format}`, "head -1");
      expect(r.stdout.split("\n")).toHaveLength(2);
      expect(r.stderr).toBe("netreach exit 0\n");
    }
  });
});
