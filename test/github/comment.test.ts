import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeClient, type GitHubClient } from "../../src/github/client.js";
import { commentMarker, upsertComment, type UpsertCommentOptions } from "../../src/github/comment.js";
import { GitHubApiError } from "../../src/github/errors.js";
import { ACTIONS_BOT, APP_BOT, GitHubStandIn, OCTOCAT, type StandInUser } from "../support/github-stand-in.js";

const OWNER = "acme";
const REPO = "shop";
const PR = 7;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;
const MARKER = commentMarker("netreach");
const STRANGER: StandInUser = { login: "mallory", id: 666, type: "User" };

let gh: GitHubStandIn;
let client: GitHubClient;
let logged: string[];

function clientFor(server: GitHubStandIn): GitHubClient {
  return makeClient({
    token: "test-token",
    baseUrl: server.url,
    retryAfterBaseMs: 1,
    writeSpacingMs: 0,
    log: (level, msg) => logged.push(`${level}: ${msg}`),
  });
}

function opts(body: string, mode: UpsertCommentOptions["mode"] = "update"): UpsertCommentOptions {
  return { owner: OWNER, repo: REPO, issueNumber: PR, marker: MARKER, body: `${MARKER}\n${body}`, mode };
}

beforeEach(async () => {
  logged = [];
  gh = await GitHubStandIn.start();
  client = clientFor(gh);
});
afterEach(async () => {
  await gh.close();
});

describe("upsertComment, mode update", () => {
  it("creates the comment when there is none", async () => {
    const r = await upsertComment(client, opts("report v1"));
    expect(r.action).toBe("created");
    const comments = gh.comments(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(r.commentId).toBe(comments[0]!.id);
    expect(comments[0]!.body).toBe(`${MARKER}\nreport v1`);
    expect(comments[0]!.user.login).toBe(OCTOCAT.login);
    const list = gh.requestsTo("GET", COMMENTS);
    expect(list[0]!.query.per_page).toBe("100");
    expect(list[0]!.headers.authorization).toBe("token test-token");
  });

  it("updates the same comment when the body changes, without a second comment", async () => {
    const first = await upsertComment(client, opts("report v1"));
    gh.clearRequests();
    const second = await upsertComment(client, opts("report v2"));
    expect(second).toEqual({ action: "updated", commentId: first.commentId });
    const comments = gh.comments(OWNER, REPO, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toBe(`${MARKER}\nreport v2`);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${first.commentId}`,
    ]);
    expect(gh.writes()[0]!.body).toEqual({ body: `${MARKER}\nreport v2` });
  });

  it("does not write when the body is unchanged", async () => {
    const first = await upsertComment(client, opts("same"));
    gh.clearRequests();
    const again = await upsertComment(client, opts("same"));
    expect(again).toEqual({ action: "unchanged", commentId: first.commentId });
    expect(gh.writes()).toEqual([]);
  });

  it("finds its comment beyond the first page (250 comments by others before it)", async () => {
    gh.seedComments(OWNER, REPO, PR, Array.from({ length: 250 }, (_, i) => ({ body: `chatter ${i}` })));
    const [mine] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nold`, user: OCTOCAT }]);
    const r = await upsertComment(client, opts("new"));
    expect(r).toEqual({ action: "updated", commentId: mine!.id });
    expect(gh.requestsTo("GET", COMMENTS).map((q) => q.query.page ?? "1")).toEqual(["1", "2", "3"]);
    expect(gh.requestsTo("POST", COMMENTS)).toEqual([]);
    expect(gh.comments(OWNER, REPO, PR)).toHaveLength(251);
  });

  it("ignores a comment with the same marker written by someone else", async () => {
    const [theirs] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nfake report`, user: STRANGER }]);
    const r = await upsertComment(client, opts("real report"));
    expect(r.action).toBe("created");
    expect(r.commentId).not.toBe(theirs!.id);
    const comments = gh.comments(OWNER, REPO, PR);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      [STRANGER.login, `${MARKER}\nfake report`],
      [OCTOCAT.login, `${MARKER}\nreal report`],
    ]);
    expect(gh.requestsTo("PATCH", "/repos/*/*/issues/comments/*")).toEqual([]);
  });

  it("with GITHUB_TOKEN (GET /user and GraphQL refused) takes a Bot's comment that starts with the marker", async () => {
    gh.viewer = null;
    const [botOld] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nold`, user: ACTIONS_BOT }]);
    // A person with a bot-like name, and a person quoting our comment: never ours.
    gh.seedComments(OWNER, REPO, PR, [
      { body: `${MARKER}\nimpostor`, user: { login: "github-actions[bot]", id: 1, type: "User" } },
      { body: `> ${MARKER}\n> quoted`, user: STRANGER },
    ]);
    const r = await upsertComment(client, { ...opts("new"), log: (l, m) => logged.push(`${l}: ${m}`) });
    expect(r).toEqual({ action: "updated", commentId: botOld!.id });
    expect(gh.requestsTo("GET", "/user")[0]!.status).toBe(403);
    expect(gh.requestsTo("POST", "/graphql")).toHaveLength(1);
    expect(logged.some((l) => l.includes("we are unknown"))).toBe(true);
    expect(gh.comments(OWNER, REPO, PR).map((c) => c.body)).toEqual([`${MARKER}\nnew`, `${MARKER}\nimpostor`, `> ${MARKER}\n> quoted`]);
  });

  it("with a GitHub App token (writes as <slug>[bot], GET /user and GraphQL refused) finds its comment again", async () => {
    await gh.close();
    gh = await GitHubStandIn.start({ viewer: null, writer: APP_BOT });
    client = clientFor(gh);
    const first = await upsertComment(client, opts("v1"));
    expect(first.action).toBe("created");
    expect(gh.comments(OWNER, REPO, PR)[0]!.user.login).toBe("netreach-app[bot]");
    const second = await upsertComment(client, opts("v2"));
    expect(second).toEqual({ action: "updated", commentId: first.commentId });
    const third = await upsertComment(client, opts("v2"));
    expect(third).toEqual({ action: "unchanged", commentId: first.commentId });
    expect(gh.comments(OWNER, REPO, PR).map((c) => c.body)).toEqual([`${MARKER}\nv2`]);
  });

  it("with a GitHub App token whose GraphQL viewer answers, matches that login only", async () => {
    await gh.close();
    gh = await GitHubStandIn.start({ viewer: null, writer: APP_BOT, graphqlViewer: true });
    client = clientFor(gh);
    // Another App's bot comment with our marker comes first: not ours, not even tried.
    gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nother app`, user: ACTIONS_BOT }]);
    const [ours] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nold`, user: APP_BOT }]);
    const r = await upsertComment(client, { ...opts("new"), log: (l, m) => logged.push(`${l}: ${m}`) });
    expect(r).toEqual({ action: "updated", commentId: ours!.id });
    expect(gh.requestsTo("PATCH", "/repos/*/*/issues/comments/*")).toHaveLength(1);
    expect(logged.some((l) => l.includes("netreach-app[bot], GraphQL viewer"))).toBe(true);
  });

  it("with an unknown identity passes over another bot's comment GitHub refuses to edit", async () => {
    await gh.close();
    gh = await GitHubStandIn.start({ viewer: null, writer: APP_BOT });
    client = clientFor(gh);
    const [theirs] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nother bot`, user: ACTIONS_BOT }]);
    const [ours] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nold`, user: APP_BOT }]);
    const r = await upsertComment(client, opts("new"));
    expect(r).toEqual({ action: "updated", commentId: ours!.id });
    expect(gh.requestsTo("PATCH", `/repos/${OWNER}/${REPO}/issues/comments/${theirs!.id}`)[0]!.status).toBe(403);
    expect(gh.comments(OWNER, REPO, PR).map((c) => c.body)).toEqual([`${MARKER}\nother bot`, `${MARKER}\nnew`]);
    // recreate leaves the other bot's comment alone too
    const again = await upsertComment(client, opts("newer", "recreate"));
    expect(again.action).toBe("recreated");
    expect(gh.comments(OWNER, REPO, PR).map((c) => [c.user.login, c.body])).toEqual([
      [ACTIONS_BOT.login, `${MARKER}\nother bot`],
      [APP_BOT.login, `${MARKER}\nnewer`],
    ]);
  });

  it("with a personal token matches by user id (GET /user), not by marker alone", async () => {
    const [ours] = gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nold`, user: OCTOCAT }]);
    gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nbot`, user: ACTIONS_BOT }]);
    const r = await upsertComment(client, opts("new"));
    expect(r).toEqual({ action: "updated", commentId: ours!.id });
    expect(gh.requestsTo("POST", "/graphql")).toEqual([]);
  });

  it("rejects a body without the marker", async () => {
    await expect(upsertComment(client, { ...opts("x"), body: "no marker" })).rejects.toThrow(/must contain the marker/);
    expect(gh.requests).toEqual([]);
  });
});

describe("upsertComment, mode recreate", () => {
  it("deletes the old comment and creates a new one", async () => {
    const [old] = gh.seedComments(OWNER, REPO, PR, [
      { body: `${MARKER}\nold`, user: OCTOCAT },
      { body: "someone talking" },
    ]);
    const r = await upsertComment(client, opts("fresh", "recreate"));
    expect(r.action).toBe("recreated");
    expect(gh.writes().map((q) => `${q.method} ${q.path}`)).toEqual([
      `DELETE /repos/${OWNER}/${REPO}/issues/comments/${old!.id}`,
      `POST ${COMMENTS}`,
    ]);
    const comments = gh.comments(OWNER, REPO, PR);
    expect(comments.map((c) => c.body)).toEqual(["someone talking", `${MARKER}\nfresh`]);
    expect(r.commentId).toBe(comments[1]!.id);
  });

  it("creates when there is nothing to delete", async () => {
    const r = await upsertComment(client, opts("fresh", "recreate"));
    expect(r.action).toBe("created");
    expect(gh.requestsTo("DELETE", /.*/)).toEqual([]);
  });
});

describe("upsertComment, failures", () => {
  it("403 on create returns skipped with a sentence saying what to do", async () => {
    gh.fail({ method: "POST", path: COMMENTS, status: 403, message: "Resource not accessible by integration" });
    const r = await upsertComment(client, opts("report"));
    expect(r.action).toBe("skipped");
    expect(r.commentId).toBeNull();
    expect(r.reason).toBe(
      `the token cannot write comments on pull request #${PR} (HTTP 403): for pull requests from forks use ` +
        "the workflow_run pattern, or grant the workflow permissions: pull-requests: write",
    );
    expect(gh.requestsTo("POST", COMMENTS)).toHaveLength(1); // a 403 is not retried
    expect(gh.comments(OWNER, REPO, PR)).toEqual([]);
  });

  it("404 on update returns skipped", async () => {
    gh.seedComments(OWNER, REPO, PR, [{ body: `${MARKER}\nold`, user: OCTOCAT }]);
    gh.fail({ method: "PATCH", path: "/repos/*/*/issues/comments/*", status: 404 });
    const r = await upsertComment(client, opts("new"));
    expect(r.action).toBe("skipped");
    expect(r.reason).toMatch(/HTTP 404.*workflow_run.*pull-requests: write/);
  });

  it("retries two transient 502s and then succeeds", async () => {
    gh.failTransiently("POST", COMMENTS, 2);
    const r = await upsertComment(client, opts("report"));
    expect(r.action).toBe("created");
    expect(gh.requestsTo("POST", COMMENTS).map((q) => q.status)).toEqual([502, 502, 201]);
    expect(gh.comments(OWNER, REPO, PR)).toHaveLength(1);
  });

  it("retries a reset connection", async () => {
    gh.fail({ method: "GET", path: COMMENTS, reset: true, times: 1 });
    const r = await upsertComment(client, opts("report"));
    expect(r.action).toBe("created");
    expect(gh.requestsTo("GET", COMMENTS).map((q) => q.status)).toEqual([0, 200]);
  });

  it("throws a clear error once retries are exhausted", async () => {
    gh.fail({ method: "POST", path: COMMENTS, status: 500, message: "Server Error" });
    const err = await upsertComment(client, opts("report")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBe(500);
    expect((err as Error).message).toBe(
      `could not create a comment on ${OWNER}/${REPO}#${PR}: GitHub API POST ${COMMENTS} failed (HTTP 500: Server Error)`,
    );
    expect(gh.requestsTo("POST", COMMENTS)).toHaveLength(4); // 1 + 3 retries
  });

  it("retries a secondary rate limit at most twice", async () => {
    const limit = {
      method: "POST",
      path: COMMENTS,
      status: 403,
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      headers: { "retry-after": "1" },
    };
    gh.fail({ ...limit, times: 2 });
    expect((await upsertComment(client, opts("report"))).action).toBe("created");
    expect(gh.requestsTo("POST", COMMENTS).map((q) => q.status)).toEqual([403, 403, 201]);
    expect(logged.filter((l) => l.includes("secondary rate limit"))).toHaveLength(2);

    gh.clearRequests();
    const PATCH = "/repos/*/*/issues/comments/*";
    gh.fail({ ...limit, method: "PATCH", path: PATCH }); // forever: two retries, then the 403 surfaces as "skipped"
    const r = await upsertComment(client, opts("report 2"));
    expect(r.action).toBe("skipped");
    expect(gh.requestsTo("PATCH", PATCH).map((q) => q.status)).toEqual([403, 403, 403]);
  });

  it("retries a primary rate limit at most twice, then gives up", async () => {
    gh.fail({
      method: "GET",
      path: COMMENTS,
      status: 403,
      message: "API rate limit exceeded",
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000)) },
    });
    const r = await upsertComment(client, opts("report"));
    expect(r.action).toBe("skipped");
    expect(gh.requestsTo("GET", COMMENTS)).toHaveLength(3);
    expect(logged.some((l) => l.includes("giving up after 2 retries"))).toBe(true);
  });

  it("reports a network failure clearly", async () => {
    const url = gh.url;
    await gh.close();
    const dead = makeClient({ token: "t", baseUrl: url, retryAfterBaseMs: 1, retries: 1, writeSpacingMs: 0 });
    const err = await upsertComment(dead, opts("x")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect((err as GitHubApiError).status).toBeNull();
    expect((err as Error).message).toMatch(/^could not identify the token's user \(GET \/user\): GitHub API GET \/user failed \(network error: .+\)$/);
    gh = await GitHubStandIn.start(); // for afterEach
  });
});
