import { afterEach, beforeEach, expect, it } from "vitest";
import { makeClient, type GitHubClient } from "../../src/github/client.js";
import { GitHubApiError } from "../../src/github/errors.js";
import { pullRequestLabels } from "../../src/github/labels.js";
import { GitHubStandIn } from "../support/github-stand-in.js";

const LABELS = "/repos/acme/shop/issues/7/labels";
let gh: GitHubStandIn;
let client: GitHubClient;

beforeEach(async () => {
  gh = await GitHubStandIn.start();
  client = makeClient({ token: "t", baseUrl: gh.url, retryAfterBaseMs: 1, writeSpacingMs: 0 });
});
afterEach(async () => {
  await gh.close();
});

it("reads the labels from the API, all pages", async () => {
  const many = Array.from({ length: 130 }, (_, i) => `label-${i}`);
  gh.setLabels("acme", "shop", 7, ["netreach:allow", ...many]);
  const labels = await pullRequestLabels(client, "acme", "shop", 7, { fallback: ["stale"] });
  expect(labels).toEqual(["netreach:allow", ...many]);
  expect(gh.requestsTo("GET", LABELS)).toHaveLength(2);
});

it("falls back to the caller's list on 404", async () => {
  gh.setLabels("acme", "shop", 7, ["from-api"]);
  gh.fail({ method: "GET", path: LABELS, status: 404 });
  const notes: string[] = [];
  const labels = await pullRequestLabels(client, "acme", "shop", 7, {
    fallback: ["from-payload"],
    log: (level, msg) => notes.push(`${level}: ${msg}`),
  });
  expect(labels).toEqual(["from-payload"]);
  expect(notes).toEqual([expect.stringMatching(/^notice: could not read the labels of acme\/shop#7 \(HTTP 404\)/)]);
});

it("falls back to an empty list on 403 without a fallback", async () => {
  gh.fail({ method: "GET", path: LABELS, status: 403 });
  expect(await pullRequestLabels(client, "acme", "shop", 7)).toEqual([]);
});

it("throws a clear error on other failures", async () => {
  gh.fail({ method: "GET", path: LABELS, status: 503 });
  await expect(pullRequestLabels(client, "acme", "shop", 7)).rejects.toThrow(GitHubApiError);
  await expect(pullRequestLabels(client, "acme", "shop", 7)).rejects.toThrow(
    `could not read the labels of acme/shop#7: GitHub API GET ${LABELS}?per_page=100 failed (HTTP 503: Service Unavailable)`,
  );
});
