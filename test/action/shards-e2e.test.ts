// End-to-end: the bundled Action as a workflow with a matrix runs it. A pull request to a
// repository of four targets (a Kustomize tree and a Helm chart with values files; the real kubectl
// and helm) is analyzed once by one job, and once by two shard jobs (input shard) whose
// reports a merge job reads (input merge-reports) from a directory with nothing else in it, as
// download-artifact leaves them. The merge job posts the comment, writes the summary, outputs and
// gate of the single job, byte for byte; the shard jobs post nothing and leave the gate to it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GitHubStandIn } from "../support/github-stand-in.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { toolsPath } from "../tools/support.js";
import { BUNDLE, cleanupRuns, runBundledAction, type RunResult } from "./harness.js";

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures", "targets", "shop");
const OWNER = "acme";
const REPO = "shop";
// The same pull request, as two workflows see it: one runs one job, the other a matrix.
const SINGLE = 12;
const MATRIX = 13;

let repo: TestRepo;
let base: string;
let head: string;
let artifacts: string;

function copyInto(r: TestRepo): void {
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), p);
      else r.write(p, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  walk(FIXTURE, "");
}

interface Job {
  r: RunResult;
  comments: string[];
}

let gh: GitHubStandIn;

/** A job of pull request `pr`; the comments are those on it after the job. */
async function job(pr: number, inputs: Record<string, string>, workspace = repo.dir): Promise<Job> {
  const r = await runBundledAction({
    workspace,
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    token: "ghs_fake_e2e_token",
    event: { number: pr, baseSha: base, headSha: head },
    inputs,
    path: toolsPath(),
    timeoutMs: 90_000,
  });
  return { r, comments: gh.comments(OWNER, REPO, pr).map((c) => c.body) };
}

/** What a job says on the runner's log as errors and notices: the gate's messages. */
const verdicts = (r: RunResult) => r.commands.filter((c) => c.command === "error" || c.command === "warning" || c.command === "notice").map((c) => c.raw);
const timeless = (json: string) => json.replace(/"ms": \d+/g, '"ms": 0');

let single: Job;
let shards: Job[];
let merged: Job;

beforeAll(async () => {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
  gh = await GitHubStandIn.start({ viewer: null });
  repo = makeRepo();
  copyInto(repo);
  base = repo.commit("base");
  repo.git("checkout", "-q", "-b", "feature");
  const patch = path.join(repo.dir, "deploy/overlays/prod/web-ingress.yaml");
  fs.writeFileSync(patch, fs.readFileSync(patch, "utf8").replace("10.20.0.0/16", "0.0.0.0/0"));
  const values = path.join(repo.dir, "charts/shop/values-prod.yaml");
  fs.appendFileSync(values, "  extraIngress:\n    - from:\n        - podSelector:\n            matchLabels: {app: monitor}\n      ports:\n        - port: 9090\n");
  head = repo.commit("open the web port and the metrics port");
  [single, ...shards] = await Promise.all([job(SINGLE, {}), job(MATRIX, { shard: "1/2" }), job(MATRIX, { shard: "2/2" })]);
  // upload-artifact, then download-artifact into a directory of the merge job's own.
  artifacts = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-merge-job-"));
  fs.mkdirSync(path.join(artifacts, "netreach-shards", "shard-1"), { recursive: true });
  fs.mkdirSync(path.join(artifacts, "netreach-shards", "shard-2"), { recursive: true });
  shards.forEach((s, i) => fs.copyFileSync(s.r.outputs["report-json"]!, path.join(artifacts, "netreach-shards", `shard-${i + 1}`, path.basename(s.r.outputs["report-json"]!))));
  merged = await job(MATRIX, { "merge-reports": "netreach-shards/**/*.json" }, artifacts);
}, 240_000);

afterAll(async () => {
  await gh?.close();
  repo?.cleanup();
  if (artifacts) fs.rmSync(artifacts, { recursive: true, force: true });
  cleanupRuns();
});

describe("the Action as a matrix of two shards and a merge job", () => {
  it("the single job fails the gate on prod and comments once", () => {
    expect(single.r.code, single.r.stdout).toBe(1);
    expect(single.r.outputs["gate"]).toBe("failed");
    expect(single.comments).toHaveLength(1);
    expect(single.comments[0]).toContain("**4 targets, 2 changed — gate failed in `prod`.**");
  });

  it("each shard job analyzes its part, writes its report, posts nothing and leaves the gate to the merge", () => {
    const analyzed: string[] = [];
    for (const [i, s] of shards.entries()) {
      expect(s.r.code, s.r.stdout + s.r.stderr).toBe(0);
      expect(s.comments).toEqual([]);
      expect(s.r.summary).toBe("");
      const doc = JSON.parse(fs.readFileSync(s.r.outputs["report-json"]!, "utf8")) as { shard: { shard: string; analyzed: string[] } };
      expect(doc.shard.shard).toBe(`${i + 1}/2`);
      analyzed.push(...doc.shard.analyzed);
    }
    // The Argo CD Application names github.com/acme/shop, not this server's repository: not a target here.
    expect(analyzed.sort()).toEqual(["dev", "prod", "shop-dev", "shop-prod"]);
  });

  it("the merge job posts the single job's comment, summary, outputs, annotations and exit code", () => {
    expect(merged.r.code, merged.r.stdout + merged.r.stderr).toBe(single.r.code);
    expect(merged.comments).toEqual(single.comments);
    expect(merged.r.summary).toBe(single.r.summary);
    // The report's path and the comment's id are the job's own.
    const { "report-json": _a, "comment-id": mergedComment, ...mergedOutputs } = merged.r.outputs;
    const { "report-json": _b, "comment-id": singleComment, ...singleOutputs } = single.r.outputs;
    expect(mergedOutputs).toEqual(singleOutputs);
    expect(mergedComment).not.toBe("");
    expect(singleComment).not.toBe("");
    expect(verdicts(merged.r)).toEqual(verdicts(single.r));
    expect(timeless(fs.readFileSync(merged.r.outputs["report-json"]!, "utf8"))).toBe(timeless(fs.readFileSync(single.r.outputs["report-json"]!, "utf8")));
  });

  it("a merge job missing a shard fails with gate error and posts no comment", async () => {
    fs.rmSync(path.join(artifacts, "netreach-shards", "shard-2"), { recursive: true, force: true });
    const j = await job(14, { "merge-reports": "netreach-shards/**/*.json" }, artifacts);
    expect(j.r.code).toBe(1);
    expect(j.r.outputs["gate"]).toBe("error");
    expect(j.comments).toEqual([]);
    expect(j.r.commands.find((c) => c.command === "error")?.message).toContain("shard 2/2 of 2 missing");
  }, 60_000);
});
