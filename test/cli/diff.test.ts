// `netreach diff` as a user runs it: two folders, or git revisions read from objects.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO, runCli } from "../support/cli.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";

const examples = (side: string) => join(REPO, "examples", side);

describe("netreach diff <base> <head>", () => {
  it("prints the changes as text and exits 1 when the default gate (external-ingress) fails", () => {
    const r = runCli(["diff", examples("base"), examples("head")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gate failed/);
    expect(r.stdout).toContain("203.0.113.0/24");
    expect(r.stdout).toContain("backend/db[StatefulSet]");
  });

  it("json follows netreach.diff/v1, with reasons at the policy line", () => {
    const r = runCli(["diff", examples("base"), examples("head"), "--format", "json", "--fail-on", "none"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe("netreach.diff/v1");
    expect(json.gate).toMatchObject({ passed: true, failOn: ["none"], violations: [] });
    const ext = json.changes.find((c: { src: string; dst: string }) => c.src === "203.0.113.0/24" && c.dst === "backend/db[StatefulSet]");
    expect(ext).toMatchObject({ type: "added", base: "No Connections", head: "TCP 5432", opened: "TCP 5432", closed: "No Connections", endpoint: null });
    const policyText = readFileSync(join(examples("head"), "backend-policies.yaml"), "utf8").split("\n");
    const why = ext.why[0];
    expect(why).toMatchObject({ side: "head", policy: "backend/allow-db-clients", rule: "ingress[0]", file: "backend-policies.yaml", effect: "allows" });
    expect(policyText[why.line - 1]).toMatch(/^\s+- from:/);
    for (const id of json.changes.flatMap((c: { src: string; dst: string }) => [c.src, c.dst])) {
      expect(json.endpoints.map((e: { id: string }) => e.id)).toContain(id);
    }
  });

  it("sarif locates each opened flow at the policy line that opens it", () => {
    const r = runCli(["diff", examples("base"), examples("head"), "--format", "sarif"]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    const gate = results.find((x) => x.ruleId === "external-ingress");
    expect(gate?.level).toBe("error");
    expect(gate?.locations[0]?.physicalLocation.artifactLocation.uri).toBe("backend-policies.yaml");
    expect(gate?.locations[0]?.physicalLocation.region.startLine).toBe(37);
  });

  it("--fail-on any-opened fails, --fail-on none passes, an unknown rule is a usage error", () => {
    expect(runCli(["diff", examples("base"), examples("head"), "--fail-on", "any-opened"]).code).toBe(1);
    expect(runCli(["diff", examples("base"), examples("head"), "--fail-on", "none"]).code).toBe(0);
    const bad = runCli(["diff", examples("base"), examples("head"), "--fail-on", "everything"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown rule "everything"/);
  });

  it("the same folder on both sides reports no change", () => {
    const r = runCli(["diff", examples("head"), examples("head"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).changes).toEqual([]);
  });
});

describe("netreach diff --git", () => {
  const repo = makeRepo();
  afterAll(() => repo.cleanup());
  for (const f of ["workloads.yaml", "backend-policies.yaml"]) repo.write(`k8s/${f}`, readFileSync(join(examples("base"), f), "utf8"));
  repo.write("README.md", "not a manifest\n");
  const base = repo.commit("base");
  repo.write("k8s/backend-policies.yaml", readFileSync(join(examples("head"), "backend-policies.yaml"), "utf8"));
  const head = repo.commit("head");
  const env = isolatedGitEnv();

  it("compares two revisions from git objects, whatever the working tree holds", () => {
    repo.write("k8s/backend-policies.yaml", "this: is [not valid yaml\n"); // uncommitted: must not be read
    const r = runCli(["diff", "--git", base, head, "--format", "json", "--fail-on", "none"], repo.dir, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.changes.some((c: { src: string; opened: string }) => c.src === "203.0.113.0/24" && c.opened === "TCP 5432")).toBe(true);
    const files = json.changes.flatMap((c: { why: { file: string }[] }) => c.why.map((w) => w.file));
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((f: string) => f === "k8s/backend-policies.yaml")).toBe(true); // repository-relative
  });

  it("defaults the head to the working tree, and pathspecs limit what is read", () => {
    repo.write("k8s/backend-policies.yaml", readFileSync(join(examples("head"), "backend-policies.yaml"), "utf8"));
    const all = runCli(["diff", "--git", base, "--format", "json", "--fail-on", "none"], repo.dir, env);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout).changes.length).toBeGreaterThan(0);
    // Only the workloads: no policy on either side, so nothing changes.
    const some = runCli(["diff", "--git", base, "--format", "json", "--", "k8s/workloads.yaml"], repo.dir, env);
    expect(some.code).toBe(0);
    expect(JSON.parse(some.stdout).changes).toEqual([]);
  });

  it("an unknown revision is a clear error, exit 2, no stack trace", () => {
    const r = runCli(["diff", "--git", "no-such-branch"], repo.dir, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-branch/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
