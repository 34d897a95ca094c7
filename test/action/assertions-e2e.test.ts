// End-to-end (DESIGN sections 4b, 4c): the bundled Action on a pull request that breaks an `allow`
// assertion of the base's `.netreach.yaml` fails the check with the assertion named in the
// comment; the pull request cannot get out of it by deleting the assertion in the same change.
import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitHubStandIn } from "../support/github-stand-in.js";
import type { TestRepo } from "../support/git-repo.js";
import { ASSERTION_LINE, CONFIG, assertionScenario } from "../support/assertion-repo.js";
import { BUNDLE, cleanupRuns, runBundledAction, type RunResult } from "./harness.js";

const OWNER = "acme";
const REPO = "shop";
const PR = 7;

const repos: TestRepo[] = [];

beforeAll(() => {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
});
afterAll(() => {
  for (const r of repos) r.cleanup();
  cleanupRuns();
});
/** A test with a GitHub stand-in of its own, so that the tests run side by side (a run mostly waits). */
const withGh = (fn: (gh: GitHubStandIn) => Promise<void>) => async () => {
  const gh = await GitHubStandIn.start({ viewer: null });
  try {
    await fn(gh);
  } finally {
    await gh.close();
  }
};

async function run(gh: GitHubStandIn, dropAssertion: boolean, config?: string, labels: string[] = []): Promise<{ r: RunResult; body: string; base: string }> {
  const s = assertionScenario(dropAssertion, config);
  repos.push(s.origin, s.clone);
  const r = await runBundledAction({
    workspace: s.clone.dir,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    token: "ghs_fake_e2e_token",
    event: { number: PR, baseSha: s.base, headSha: s.head, labels },
  });
  const comments = gh.comments(OWNER, REPO, PR);
  expect(comments, `exit ${r.code}\n${r.stdout}\n${r.stderr}`).toHaveLength(1);
  if (process.env.NETREACH_WRITE_COMMENT) fs.writeFileSync(`${process.env.NETREACH_WRITE_COMMENT}.e2e-${dropAssertion ? "dropped" : "kept"}.md`, comments[0]!.body);
  return { r, body: comments[0]!.body, base: s.base };
}

describe.concurrent("the bundled Action on a pull request that breaks an assertion of the base", () => {
  it("fails the check, naming the assertion in the verdict, in its section with a link to its line, and in the step's error", withGh(async (gh) => {
    const { r, body, base } = await run(gh, false);
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs["gate"]).toBe("failed");
    expect(body).toMatch(/gate failed[^\n]*❌ assertion `web-reaches-api` broken: `frontend\/web\[Deployment\]` → `backend\/api\[Deployment\]`: TCP 8000 not allowed/);
    expect(body).toContain(`- ❌ [\`web-reaches-api\`](${gh.url}/${OWNER}/${REPO}/blob/${base}/.netreach.yaml#L${ASSERTION_LINE}) (allow) — newly broken, ⛔ gate: \`assertions\``);
    const failure = r.commands.filter((c) => c.command === "error" && Object.keys(c.properties).length === 0);
    expect(failure.map((c) => c.message).join("\n")).toContain("assertion web-reaches-api broken");
  }), 60_000);

  it("still fails when the pull request also deletes the assertion, and says it is judged as the base defines it", withGh(async (gh) => {
    const { r, body } = await run(gh, true);
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs["gate"]).toBe("failed");
    expect(body).toContain("❌ assertion `web-reaches-api` broken");
    expect(body).toContain("`web-reaches-api` removed by this pull request: still judged as the base defines it.");
    // The configuration is no manifest: the target discovered over the repository does not read it.
    expect(body).not.toContain("not a Kubernetes object");
  }), 60_000);

  it("passes with the allow label, like any other failed rule, the comment still naming the broken assertion", withGh(async (gh) => {
    gh.setLabels(OWNER, REPO, PR, ["netreach-allow"]);
    const { r, body } = await run(gh, false, undefined, ["netreach-allow"]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs["gate"]).toBe("allowed");
    expect(body).toContain("gate failed, allowed by label");
    expect(body).toContain("❌ assertion `web-reaches-api` broken");
  }), 60_000);

  it("is an error, not a pass, when the base's assertion cannot be read: named at its line, and the allow label does not waive it", withGh(async (gh) => {
    const broken = CONFIG.replace("      ports: [TCP 8000]\n", "      ports: [TCP 80000]\n");
    gh.setLabels(OWNER, REPO, PR, ["netreach-allow"]);
    const { r, body } = await run(gh, true, broken, ["netreach-allow"]);
    expect(r.code, r.stdout).toBe(1);
    expect(r.outputs["gate"]).toBe("error");
    expect(body).toMatch(/\*\*⛔ Assertion not judged:\*\* `\.netreach\.yaml:7: /);
    expect(body).toContain("gate error: 1 assertion of the base cannot be read");
    const failure = r.commands.filter((c) => c.command === "error" && Object.keys(c.properties).length === 0);
    expect(failure.map((c) => c.message).join("\n")).toContain("netreach: gate error: the base revision's .netreach.yaml has 1 assertion(s) that cannot be read");
  }), 60_000);
});
