// `netreach diff` on a repository whose base's `.netreach.yaml` holds an assertion (DESIGN 4b, 4c):
// a change that breaks it fails (exit 1) however the change edits the file, in every format.
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import type { TestRepo } from "../support/git-repo.js";
import { ASSERTION_LINE, assertionScenario } from "../support/assertion-repo.js";

const repos: TestRepo[] = [];
afterAll(() => repos.forEach((r) => r.cleanup()));

describe("netreach diff --git BASE HEAD with the base's assertions", () => {
  const s = assertionScenario(true);
  repos.push(s.origin, s.clone);
  const diff = (...args: string[]) => runCli(["diff", "--git", s.base, s.head, ...args], s.clone.dir);

  it("fails on the broken assertion the head deletes, and says so (text)", () => {
    const r = diff("--format", "text");
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("gate failed: assertion web-reaches-api broken: frontend/web[Deployment] → backend/api[Deployment]: TCP 8000 not allowed (assertions)");
    expect(r.stdout).toContain(`  x web-reaches-api (allow; .netreach.yaml:${ASSERTION_LINE})`);
  });

  it("puts the violation at the assertion's line in SARIF, and in the JSON's gate", () => {
    const sarif = JSON.parse(diff("--format", "sarif").stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    const results = sarif.runs.flatMap((x) => x.results).filter((x) => x.ruleId === "assertions");
    expect(results.map((x) => [x.locations[0]!.physicalLocation.artifactLocation.uri, x.locations[0]!.physicalLocation.region.startLine])).toEqual([[".netreach.yaml", ASSERTION_LINE]]);
    const json = JSON.parse(diff("--format", "json").stdout) as { gate: { status: string; violations: { rule: string; assertion?: string }[] }; assertions: { name: string; status: string; target: string }[] };
    expect(json.gate.status).toBe("failed");
    expect(json.gate.violations.filter((v) => v.rule === "assertions").map((v) => v.assertion)).toEqual(["web-reaches-api"]);
    expect(json.assertions.map((a) => [a.name, a.status])).toEqual([["web-reaches-api", "failed"]]);
  });

  it("passes where nothing breaks it, and lists it as holding", () => {
    const r = runCli(["diff", "--git", s.base, s.base, "--format", "text"], s.clone.dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`  ok web-reaches-api (allow; .netreach.yaml:${ASSERTION_LINE})`);
  });
});
