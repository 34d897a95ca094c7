// End-to-end: the committed bundle dist/index.js, run as a subprocess with a GitHub runner's
// environment, against a real git repository (a pull request branched from `main`, with `main`
// moved on since) and the loopback GitHub stand-in. The tests run as two files (e2e-1/e2e-2 in
// this folder), one part each, so that both test workers share the slowest suite.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentMarker } from "../../src/github/comment.js";
import { APP_BOT, GitHubStandIn, OCTOCAT, type RecordedRequest, type StandInOptions } from "../support/github-stand-in.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { toolsPath } from "../tools/support.js";
import { BUNDLE, NON_LOOPBACK_MARK, ROOT, cleanupRuns, runBundledAction, type RunOptions, type RunResult, type WorkflowCommand } from "./harness.js";

const OWNER = "acme";
const REPO = "shop";
const PR = 7;
const COMMENTS = `/repos/${OWNER}/${REPO}/issues/${PR}/comments`;
const LABELS = `/repos/${OWNER}/${REPO}/issues/${PR}/labels`;
const MARKER = commentMarker("");
const TOKEN = "ghs_fake_e2e_token";
const ALLOW = "netreach-allow";

// ---- the repository ------------------------------------------------------------------------

const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata:
  name: frontend
---
apiVersion: v1
kind: Namespace
metadata:
  name: backend
`;

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: frontend
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - { name: http, containerPort: 8080 }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: backend
spec:
  selector:
    matchLabels: { app: api }
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: example/api
          ports:
            - { name: http, containerPort: 8000 }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: db
  namespace: backend
spec:
  selector:
    matchLabels: { app: db }
  template:
    metadata:
      labels: { app: db }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          ports:
            - { name: postgres, containerPort: 5432 }
`;

const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: backend
spec:
  podSelector: {}
  policyTypes: [Ingress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web-to-api
  namespace: backend
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: frontend }
          podSelector:
            matchLabels: { app: web }
      ports:
        - port: http
`;

/** The PR's change: the database open to the whole internet. Line 10 is the ingress rule. */
const DB_EXTERNAL = `# Reporting needs the database from outside.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-db-external
  namespace: backend
spec:
  podSelector:
    matchLabels: { app: db }
  ingress:
    - from:
        - ipBlock:
            cidr: 0.0.0.0/0
      ports:
        - protocol: TCP
          port: 5432
`;
const DB_EXTERNAL_RULE_LINE = DB_EXTERNAL.split("\n").indexOf("    - from:") + 1;

/** Lands on main after the PR branched: compared with main's tip, the PR would seem to close it. */
const API_METRICS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-api-metrics
  namespace: backend
spec:
  podSelector:
    matchLabels: { app: api }
  ingress:
    - from:
        - namespaceSelector: {}
      ports:
        - protocol: TCP
          port: 9090
`;

interface Scenario {
  origin: TestRepo;
  /** Where the PR branched from main. */
  mergeBase: string;
  /** main's tip: the payload's base.sha. */
  mainTip: string;
  /** The PR head. */
  head: string;
  /** The file of the policy that opens the flow. */
  policyFile: string;
}

function buildScenario(policyFile: string, alsoInPr: Record<string, string> = {}): Scenario {
  const origin = makeRepo();
  origin.write("k8s/namespaces.yaml", NAMESPACES);
  origin.write("k8s/workloads.yaml", WORKLOADS);
  origin.write("k8s/policies/default-deny.yaml", DEFAULT_DENY);
  origin.write("README.md", "# shop\n");
  const mergeBase = origin.commit("base manifests");
  origin.branch("feature");
  // main moves on after the PR branched.
  origin.write("k8s/policies/api-metrics.yaml", API_METRICS);
  const mainTip = origin.commit("main: metrics scraping for the API");
  origin.checkout("feature");
  origin.write(policyFile, DB_EXTERNAL);
  for (const [file, text] of Object.entries(alsoInPr)) origin.write(file, text);
  const head = origin.commit("PR: open the database for reporting");
  origin.checkout("main");
  return { origin, mergeBase, mainTip, head, policyFile };
}

// ---- helpers -------------------------------------------------------------------------------

/**
 * A pull request on the shop overlays: main holds them, the feature branch makes `change` (its
 * head commit, `message`), and a clone of the feature branch is the runner's checkout.
 */
function shopOverlaysPr(origin: TestRepo, policyFile: string, message: string, change: () => void): { scenario: Scenario; clone: string } {
  writeShopOverlays(origin);
  const base = origin.commit("overlays");
  origin.branch("feature");
  origin.checkout("feature");
  change();
  const head = origin.commit(message);
  return { scenario: { origin, mergeBase: base, mainTip: base, head, policyFile }, clone: origin.clone({ branch: "feature" }).dir };
}

/** The Kustomize tree of test/fixtures/targets/shop (a base, a component, overlays dev and prod) at `deploy/`. */
function writeShopOverlays(origin: TestRepo): void {
  const fixture = path.join(ROOT, "test/fixtures/targets/shop/deploy");
  for (const f of fs.readdirSync(fixture, { recursive: true, withFileTypes: true }))
    if (f.isFile()) origin.write(path.relative(path.join(ROOT, "test/fixtures/targets/shop"), path.join(f.parentPath, f.name)), fs.readFileSync(path.join(f.parentPath, f.name)));
}

let main: Scenario;
let fullClone: TestRepo;

/** What a test works with: its own GitHub stand-in, and the Action run against it. */
interface Ctx {
  gh: GitHubStandIn;
  run: (extra?: Partial<RunOptions> & { labels?: string[] }, s?: Scenario, workspace?: string) => Promise<RunResult>;
  writes: () => string[];
  theComment: () => ReturnType<GitHubStandIn["comments"]>[number];
  /** Every request the child made reached the stand-in on 127.0.0.1, with the job's token. */
  expectLoopbackOnly: (r: RunResult, requests: readonly RecordedRequest[]) => void;
}

function context(gh: GitHubStandIn): Ctx {
  const run: Ctx["run"] = (extra = {}, s = main, workspace = fullClone.dir) => {
    const { labels, ...rest } = extra;
    return runBundledAction({
      workspace,
      apiUrl: gh.url,
      repository: `${OWNER}/${REPO}`,
      token: TOKEN,
      event: { number: PR, baseSha: s.mainTip, headSha: s.head, labels: labels ?? [] },
      ...rest,
    });
  };
  return {
    gh,
    run,
    writes: () => gh.writes().map((q) => `${q.method} ${q.path}`),
    theComment: () => {
      const all = gh.comments(OWNER, REPO, PR);
      expect(all).toHaveLength(1);
      return all[0]!;
    },
    expectLoopbackOnly: (r, requests) => {
      expect(r.stderr).not.toContain(NON_LOOPBACK_MARK);
      const port = new URL(gh.url).port;
      expect(requests.length).toBeGreaterThan(0);
      for (const q of requests) {
        expect(q.headers["host"]).toBe(`127.0.0.1:${port}`);
        expect(q.headers["authorization"]).toBe(`token ${TOKEN}`);
      }
    },
  };
}

/** Registers every `part`-th of the tests (of `parts`), with the hooks they need. */
export function e2eSuite(part: number, parts: number): void {
  let n = 0;
  const mine = () => n++ % parts === part;
  // Each test has a stand-in of its own, so that the tests run side by side: most of a run is
  // spent waiting (on git, and on the Action's spacing of its writes to GitHub), not computing.
  // viewer null by default: GET /user answers 403 and comments are written by
  // github-actions[bot], as with GITHUB_TOKEN.
  const each = (name: string, fn: (t: Ctx) => Promise<void>, standIn: StandInOptions = { viewer: null }) =>
    mine()
      ? it(name, async () => {
          const gh = await GitHubStandIn.start(standIn);
          try {
            await fn(context(gh));
          } finally {
            await gh.close();
          }
        })
      : undefined;

  // One run with the defaults, on a fresh stand-in, for the tests that only read what it did and
  // left (the same run each of them made on its own before).
  let plain: Promise<{ t: Ctx; r: RunResult }> | undefined;
  const plainRun = () =>
    (plain ??= (async () => {
      const gh = await GitHubStandIn.start({ viewer: null });
      try {
        const t = context(gh);
        // As on a runner: the bundle starts Node again with its heap flag, the guard and all.
        return { t, r: await t.run({ relaunch: true }) };
      } finally {
        await gh.close();
      }
    })());
  const onPlainRun = (name: string, fn: (t: Ctx, r: RunResult) => void) =>
    mine()
      ? it(name, async () => {
          const { t, r } = await plainRun();
          fn(t, r);
        })
      : undefined;

  beforeAll(() => {
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build`);
    main = buildScenario("k8s/policies/db-external.yaml");
    fullClone = main.origin.clone({ branch: "feature" });
  });
  afterAll(() => {
    main?.origin.cleanup();
    cleanupRuns();
  });

  function describeRun(r: RunResult): string {
    return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  }

  const commandsOf = (r: RunResult, name: string): WorkflowCommand[] => r.commands.filter((c) => c.command === name);

  // ---- tests ---------------------------------------------------------------------------------

  /** The comment body with fenced code blocks and code spans removed: what GitHub renders as Markdown/HTML. */
  function outsideCode(body: string): string {
    return body.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm, "").replace(/`[^`\n]*`/g, "");
  }

  /** HTML tag names (lower-case; "!--" for comments) that GitHub would see outside code. */
  function htmlTagsOutsideCode(body: string): string[] {
    return [...outsideCode(body).matchAll(/<(!--|\/?[A-Za-z][\w-]*)/g)].map((m) => m[1]!.replace(/^\//, "").toLowerCase());
  }
  const RENDERER_TAGS = new Set(["!--", "br", "sub", "details", "summary"]);

  /** argo-cd's namespace-install.yaml (no metadata.namespace): the PR removes the redis policy. */
  function argoScenario(): Scenario {
    const install = fs.readFileSync(path.join(ROOT, "test/fixtures/realworld/argo-cd/manifests/namespace-install.yaml"), "utf8");
    const origin = makeRepo();
    origin.write("deploy/namespace-install.yaml", install);
    const mergeBase = origin.commit("argo-cd");
    origin.branch("feature");
    const docs = install.split("\n---\n");
    origin.write("deploy/namespace-install.yaml", docs.filter((d) => !d.includes("name: argocd-redis-network-policy")).join("\n---\n"));
    const head = origin.commit("PR: drop the redis policy");
    origin.checkout("main");
    return { origin, mergeBase, mainTip: mergeBase, head, policyFile: "deploy/namespace-install.yaml" };
  }

  describe.concurrent(`the bundled Action on a pull request (dist/index.js), part ${part + 1} of ${parts}`, () => {
    onPlainRun("creates the PR comment with the opened flow, its reason and a link to the policy line at the head commit", ({ gh, writes, theComment, expectLoopbackOnly }, r) => {
      expect(r.signal, describeRun(r)).toBeNull();
      expect(gh.requestsTo("POST", COMMENTS)).toHaveLength(1);
      expect(writes()).toEqual([`POST ${COMMENTS}`]);
      const c = theComment();
      expect(c.user.login).toBe("github-actions[bot]");
      expect(c.body.startsWith(MARKER)).toBe(true);
      expect(c.body).toContain("backend/db");
      expect(c.body).toContain("TCP 5432");
      expect(c.body).toContain("0.0.0.0/0");
      // The reason: the policy and rule, linked to the rule's line in the head commit (never main's tip).
      const link = `${gh.url}/${OWNER}/${REPO}/blob/${main.head}/k8s/policies/db-external.yaml#L${DB_EXTERNAL_RULE_LINE}`;
      expect(c.body).toContain(`[\`backend/allow-db-external\` ingress\\[0\\]](${link})`);
      expect(c.body).not.toContain(`/blob/${main.mainTip}/`);
      expect(r.outputs["comment-id"]).toBe(String(c.id));
      expectLoopbackOnly(r, gh.requests);
    });

    each("updates the same comment in place when the body changes, and writes nothing when it does not", async ({ gh, run, writes, theComment, expectLoopbackOnly }) => {
      const first = await run();
      const id = theComment().id;
      expect(first.outputs["comment-id"]).toBe(String(id));

      // The allow label is added on the PR (the payload's labels are stale): the verdict changes.
      gh.setLabels(OWNER, REPO, PR, ["documentation", ALLOW]);
      gh.clearRequests();
      const second = await run();
      expect(writes(), describeRun(second)).toEqual([`PATCH /repos/${OWNER}/${REPO}/issues/comments/${id}`]);
      expect(gh.requestsTo("POST", COMMENTS)).toHaveLength(0);
      const updated = theComment();
      expect(updated.id).toBe(id);
      expect(updated.body).toContain(`allowed by label \`${ALLOW}\``);
      expect(second.outputs["comment-id"]).toBe(String(id));

      // Same inputs, same PR, same labels: the same body, so no write at all.
      gh.clearRequests();
      const third = await run();
      expect(writes(), describeRun(third)).toEqual([]);
      expect(gh.requests.every((q) => q.method === "GET" || q.path === "/graphql")).toBe(true);
      expect(gh.requestsTo("GET", COMMENTS)).toHaveLength(1);
      expect(theComment().body).toBe(updated.body);
      expect(third.outputs["comment-id"]).toBe(String(id));
      expectLoopbackOnly(third, gh.requests);
    });

    for (const [name, identity, author] of [
      ["a personal token (GET /user answers)", { viewer: OCTOCAT }, OCTOCAT.login],
      ["a GitHub App installation token (GET /user and GraphQL refused)", { viewer: null, writer: APP_BOT }, APP_BOT.login],
      ["a GitHub App installation token whose GraphQL viewer answers", { viewer: null, writer: APP_BOT, graphqlViewer: true }, APP_BOT.login],
    ] as const)
      each(`with ${name}, finds its own comment again and updates it in place`, async ({ gh, run, expectLoopbackOnly }) => {
      // Someone quoting our comment, and the workflow's own bot with the same marker: neither is touched.
      gh.seedComments(OWNER, REPO, PR, [{ body: `> ${MARKER}\n> quoted`, user: { login: "reviewer", id: 9, type: "User" } }]);
      const first = await run();
      const mine = () => gh.comments(OWNER, REPO, PR).filter((c) => c.user.login === author);
      expect(mine(), describeRun(first)).toHaveLength(1);
      const id = mine()[0]!.id;
      gh.setLabels(OWNER, REPO, PR, [ALLOW]);
      const second = await run();
      expect(mine(), describeRun(second)).toHaveLength(1);
      expect(mine()[0]!.id).toBe(id);
      expect(mine()[0]!.body).toContain(`allowed by label \`${ALLOW}\``);
      expect(second.outputs["comment-id"]).toBe(String(id));
      expect(gh.comments(OWNER, REPO, PR)).toHaveLength(2);
      expectLoopbackOnly(second, gh.requests);
    }, identity);

    each("comment: recreate deletes the old comment and posts a new one", async ({ gh, run, writes, theComment }) => {
      await run();
      const old = theComment().id;
      gh.clearRequests();
      const r = await run({ inputs: { comment: "recreate" } });
      const fresh = theComment();
      expect(fresh.id).not.toBe(old);
      expect(writes(), describeRun(r)).toEqual([`DELETE /repos/${OWNER}/${REPO}/issues/comments/${old}`, `POST ${COMMENTS}`]);
      expect(r.outputs["comment-id"]).toBe(String(fresh.id));
      expect(fresh.body).toContain("backend/db");
    });

    onPlainRun("fails the step on the newly exposed external-ingress flow, with the violation as ::error::", (_t, r) => {
      expect(r.code, describeRun(r)).toBe(1);
      const failure = r.commands.filter((c) => c.command === "error" && Object.keys(c.properties).length === 0);
      expect(failure).toHaveLength(1);
      expect(failure[0]!.message).toMatch(/^netreach gate failed \(fail-on: exposed,external-ingress\): 1 violation/);
      expect(failure[0]!.message).toContain("backend/db");
      expect(failure[0]!.message).toContain("TCP 5432");
      expect(failure[0]!.message).toContain("from any external address");
      expect(r.outputs["gate"]).toBe("failed");
    });

    each("passes with a notice when the allow label is on the PR (asked from the API, not the stale payload)", async ({ gh, run }) => {
      gh.setLabels(OWNER, REPO, PR, [ALLOW]);
      const r = await run({ labels: [] });
      expect(r.code, describeRun(r)).toBe(0);
      expect(gh.requestsTo("GET", LABELS)).toHaveLength(1);
      expect(r.outputs["gate"]).toBe("allowed");
      const notices = commandsOf(r, "notice").filter((c) => c.message.includes("netreach gate failed"));
      expect(notices).toHaveLength(1);
      expect(notices[0]!.message).toContain("backend/db");
      expect(notices[0]!.message).toContain(`Allowed by the PR label "${ALLOW}"`);
      expect(r.commands.filter((c) => c.command === "error" && Object.keys(c.properties).length === 0)).toEqual([]);
    });

    onPlainRun("writes the outputs, the JSON report (netreach.diff/v1) and the job summary", ({ theComment }, r) => {
      expect(r.outputs).toMatchObject({ opened: "1", closed: "0", changed: "1", gate: "failed", "comment-id": String(theComment().id) });
      const reportPath = r.outputs["report-json"]!;
      expect(reportPath.startsWith(r.runnerTemp)).toBe(true);
      const report = JSON.parse(fs.readFileSync(reportPath, "utf8")) as {
        schema: string;
        changes: Array<{ src: string; dst: string; opened: string; closed: string; why: Array<{ policy: string; file: string; line: number; side: string }> }>;
        gate: { passed: boolean; failOn: string[]; violations: Array<{ rule: string; dst: string; conn: string }> };
      };
      expect(report.schema).toBe("netreach.diff/v1");
      expect(report.changes).toHaveLength(1);
      const change = report.changes[0]!;
      expect(change.src).toBe("0.0.0.0/0");
      expect(change.dst).toMatch(/^backend\/db\b/);
      expect(change.opened).toBe("TCP 5432");
      expect(change.why).toContainEqual(
        expect.objectContaining({ side: "head", policy: "backend/allow-db-external", file: "k8s/policies/db-external.yaml", line: DB_EXTERNAL_RULE_LINE }),
      );
      expect(report.gate).toMatchObject({ passed: false, failOn: ["exposed", "external-ingress"] });
      expect(report.gate.violations).toEqual([expect.objectContaining({ rule: "external-ingress", conn: "TCP 5432" })]);
      // The job summary carries the same report.
      expect(r.summary).toContain("### netreach: network flows");
      expect(r.summary).toContain("backend/db");
      expect(r.summary).toContain("TCP 5432");
      expect(r.summary).toContain("backend/allow-db-external");
    });

    each("a 403 on creating the comment degrades to a notice; outputs, summary, annotations and the gate still work", async ({ gh, run }) => {
      gh.fail({ method: "POST", path: COMMENTS, status: 403, message: "Resource not accessible by integration" });
      const r = await run();
      expect(gh.requestsTo("POST", COMMENTS).map((q) => q.status)).toEqual([403]);
      expect(gh.comments(OWNER, REPO, PR)).toEqual([]);
      const skipped = commandsOf(r, "notice").filter((c) => /PR comment skipped/.test(c.message));
      expect(skipped, describeRun(r)).toHaveLength(1);
      expect(skipped[0]!.message).toContain("HTTP 403");
      expect(commandsOf(r, "warning")).toEqual([]);
      // Everything else ran, and the gate decides the exit code.
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ opened: "1", gate: "failed", "comment-id": "" });
      expect(fs.existsSync(r.outputs["report-json"]!)).toBe(true);
      expect(r.summary).toContain("backend/db");
      expect(commandsOf(r, "error").some((c) => c.properties["file"] === "k8s/policies/db-external.yaml")).toBe(true);

      // The same 403 with the allow label on the PR: the step passes.
      gh.setLabels(OWNER, REPO, PR, [ALLOW]);
      const allowed = await run();
      expect(allowed.code, describeRun(allowed)).toBe(0);
      expect(allowed.outputs["gate"]).toBe("allowed");
      expect(commandsOf(allowed, "notice").some((c) => /PR comment skipped/.test(c.message))).toBe(true);
    });

    onPlainRun("compares the head with the merge base, not with the base branch's tip", ({ theComment }, r) => {
      expect(r.stdout).toContain(`comparing ${main.mergeBase.slice(0, 12)} (merge base) with ${main.head.slice(0, 12)} (head)`);
      // main's later commit (allow-api-metrics, TCP 9090 to backend/api) is not part of this PR.
      const report = JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as { changes: Array<{ dst: string; closed: string }> };
      expect(report.changes.map((c) => c.dst)).toEqual([expect.stringMatching(/^backend\/db\b/)]);
      expect(r.outputs["closed"]).toBe("0");
      const body = theComment().body;
      expect(body).not.toContain("9090");
      expect(body).not.toContain("allow-api-metrics");
    });

    each("finds the merge base from a shallow clone (fetching from origin) and reports the same change as a full clone", async ({ gh, run, theComment, expectLoopbackOnly }) => {
      const shallow = main.origin.clone({ shallow: 1, branch: "feature" });
      expect(shallow.git("rev-parse", "--is-shallow-repository")).toBe("true");
      expect(() => shallow.git("cat-file", "-e", `${main.mergeBase}^{commit}`)).toThrow();
      expect(() => shallow.git("cat-file", "-e", `${main.mainTip}^{commit}`)).toThrow();
      expect(shallow.git("remote", "get-url", "origin")).toBe(main.origin.url);

      gh.setLabels(OWNER, REPO, PR, [ALLOW]);
      const r = await run({}, main, shallow.dir);
      expect(r.code, describeRun(r)).toBe(0);
      expect(r.stdout).toMatch(/fetching .* from origin/);
      expect(r.stdout).toContain(`comparing ${main.mergeBase.slice(0, 12)} (merge base)`);
      expect(r.outputs).toMatchObject({ opened: "1", closed: "0", changed: "1", gate: "allowed" });
      const shallowBody = theComment().body;
      expect(shallowBody).toContain("backend/db");
      expect(shallowBody).not.toContain("9090");

      // The full clone, on another PR with the same labels, gives the very same comment.
      const otherPr = PR + 1;
      gh.setLabels(OWNER, REPO, otherPr, [ALLOW]);
      const full = await run({ event: { number: otherPr, baseSha: main.mainTip, headSha: main.head, labels: [] } });
      expect(full.code, describeRun(full)).toBe(0);
      const fullBody = gh.comments(OWNER, REPO, otherPr)[0]?.body;
      expect(fullBody).toBe(shallowBody);
      expectLoopbackOnly(r, gh.requests);
    });

    onPlainRun("annotates the policy line that opens the flow", (_t, r) => {
      const annotations = r.commands.filter((c) => (c.command === "error" || c.command === "notice") && c.properties["file"] !== undefined);
      expect(annotations.length, describeRun(r)).toBeGreaterThanOrEqual(1);
      expect(annotations.length).toBeLessThanOrEqual(10);
      const a = annotations.find((x) => x.properties["file"] === "k8s/policies/db-external.yaml");
      expect(a).toBeDefined();
      expect(a!.command).toBe("error"); // it fails the gate
      expect(a!.properties["line"]).toBe(String(DB_EXTERNAL_RULE_LINE));
      expect(a!.properties["title"]).toContain("backend/allow-db-external");
      expect(a!.message).toContain("backend/db");
      expect(a!.message).toContain("TCP 5432");
    });

    each("escapes PR-controlled text: a file path carrying workflow commands, a newline and HTML", async ({ run, theComment }) => {
      const evilFile = "k8s/evil\n::set-output name=gate::passed\n::error::INJECTED <img src=x onerror=alert(1)>.yaml";
      const evil = buildScenario(evilFile);
      try {
        const clone = evil.origin.clone({ branch: "feature" });
        const r = await run({}, evil, clone.dir);
        // The run itself is not derailed.
        expect(r.code, describeRun(r)).toBe(1);
        expect(r.outputs["gate"]).toBe("failed");
        expect(r.outputs["opened"]).toBe("1");

        // stdout: every line starting with "::" is one of the Action's own commands, each on one line.
        const lines = r.stdout.split(/\r?\n/);
        expect(lines.filter((l) => /^::set-output/.test(l))).toEqual([]);
        expect(lines.filter((l) => /INJECTED/.test(l) && !/^::(error|notice|warning) [^:]*file=/.test(l))).toEqual([]);
        for (const c of r.commands) expect(["error", "notice", "warning", "debug"], c.raw).toContain(c.command);
        // The annotation still names the file, escaped by the runner's rules.
        const annotation = commandsOf(r, "error").find((c) => c.properties["file"] !== undefined);
        expect(annotation?.properties["file"]).toBe(evilFile);
        expect(annotation?.properties["line"]).toBe(String(DB_EXTERNAL_RULE_LINE));

        // The comment: no HTML from the path where GitHub renders HTML, no line break out of a cell or a link.
        const body = theComment().body;
        expect(body).toContain("backend/db");
        expect(outsideCode(body)).not.toMatch(/<img/i);
        // The only HTML outside code is the renderer's own (the path's `<img …>` may appear inside a
        // code span or the diff fence, where GitHub shows it as text).
        expect(htmlTagsOutsideCode(body).filter((t) => !RENDERER_TAGS.has(t))).toEqual([]);
        expect(outsideCode(body)).not.toMatch(/^::/m);
        expect(body).toContain(`/blob/${evil.head}/k8s/evil%0A%3A%3Aset-output`);
        for (const row of body.split("\n").filter((l) => l.startsWith("| ") && l.includes("allow-db-external"))) expect(row.endsWith(" |")).toBe(true);
        expect(r.summary).toContain("backend/db");
        expect(htmlTagsOutsideCode(r.summary).filter((t) => !RENDERER_TAGS.has(t))).toEqual([]);
      } finally {
        evil.origin.cleanup();
      }
    });

    each("annotates an invalid policy in the PR at its line, says so first in the comment, and the gate still decides", async ({ run, theComment }) => {
      const broken = [
        "apiVersion: networking.k8s.io/v1",
        "kind: NetworkPolicy",
        "metadata: { name: broken, namespace: backend }",
        "spec:",
        "  podSelector: {}",
        "  ingress:",
        "    - ports:",
        "        - port: 0",
        "",
      ].join("\n");
      const s = buildScenario("k8s/policies/db-external.yaml", { "k8s/policies/broken.yaml": broken });
      try {
        const clone = s.origin.clone({ branch: "feature" });
        const r = await run({}, s, clone.dir);
        expect(r.code, describeRun(r)).toBe(1);
        const invalid = commandsOf(r, "error").find((c) => c.properties["file"] === "k8s/policies/broken.yaml");
        expect(invalid, describeRun(r)).toBeDefined();
        expect(invalid!.properties["line"]).toBe("8");
        expect(invalid!.properties["title"]).toMatch(/invalid input/);
        expect(invalid!.message).toMatch(/port number 0 is out of range/);
        const body = theComment().body;
        expect(body.indexOf("[!CAUTION]")).toBeGreaterThan(0);
        expect(body.indexOf("[!CAUTION]")).toBeLessThan(body.indexOf("#### Opened flows"));
        expect(r.outputs["gate"]).toBe("failed");
      } finally {
        s.origin.cleanup();
      }
    });
    each("input namespace: argo-cd's namespace-install goes to argocd, the comment says so and shows the removed policy as written", async ({ run, theComment }) => {
      const s = argoScenario();
      try {
        const clone = s.origin.clone({ branch: "feature" });
        const r = await run({ inputs: { namespace: "argocd", "fail-on": "none" } }, s, clone.dir);
        expect(r.code, describeRun(r)).toBe(0);
        const report = JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as { changes: Array<{ src: string; dst: string }>; assumptions: string[] };
        expect(report.changes.some((c) => c.dst === "argocd/argocd-redis[Deployment]")).toBe(true);
        expect(report.changes.every((c) => !c.src.startsWith("default/") && !c.dst.startsWith("default/"))).toBe(true);
        expect(report.assumptions).toContain(
          "21 objects without metadata.namespace (22 in the base revision) are placed in namespace argocd, the one given (as kubectl apply -n argocd does).",
        );
        const body = theComment().body;
        expect(body).toContain("`argocd/argocd-redis-network-policy`: **removed**");
        expect(body).toContain("placed in namespace argocd, the one given");
        const fenceAt = body.indexOf("```diff", body.indexOf("`argocd/argocd-redis-network-policy`"));
        const patch = body.slice(fenceAt, body.indexOf("\n```", fenceAt + 1));
        expect(patch).toContain("-  name: argocd-redis-network-policy");
        expect(patch).not.toMatch(/^[-+ ]\s*namespace:/m);
      } finally {
        s.origin.cleanup();
      }
    });

    each("a LoadBalancer Service added to a repository without NetworkPolicy: the comment leads with the exposure, the check fails, the allow label lets it pass", async ({ gh, run, theComment }) => {
      const origin = makeRepo();
      try {
        origin.write("k8s/namespaces.yaml", NAMESPACES);
        origin.write("k8s/workloads.yaml", WORKLOADS);
        const mergeBase = origin.commit("no policies");
        origin.branch("feature");
        origin.write("k8s/db-service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: backend\nspec:\n  type: LoadBalancer\n  selector: { app: db }\n  ports:\n    - port: 5432\n      targetPort: postgres\n");
        const head = origin.commit("PR: reach the database from the office");
        origin.checkout("main");
        const s: Scenario = { origin, mergeBase, mainTip: mergeBase, head, policyFile: "k8s/db-service.yaml" };
        const clone = origin.clone({ branch: "feature" });
        const r = await run({}, s, clone.dir);
        expect(r.code, describeRun(r)).toBe(1);
        const body = theComment().body;
        const lines = body.split("\n");
        expect(lines[4]).toBe(
          "**1 workload newly exposed, 0 flows opened, 0 closed — gate failed:** `backend/db[Deployment]` TCP 5432 newly reachable from the internet through Service `backend/db` (`exposed`)",
        );
        const listed = lines.find((l) => l.startsWith("- ⛔ `backend/db[Deployment]`"))!;
        expect(listed).toContain(`[Service \`backend/db\`](${gh.url}/${OWNER}/${REPO}/blob/${head}/k8s/db-service.yaml#L10)`);
        const failure = r.commands.filter((c) => c.command === "error" && Object.keys(c.properties).length === 0);
        expect(failure.map((f) => f.message)).toEqual([expect.stringMatching(/^netreach gate failed \(fail-on: exposed,external-ingress\): 1 violation\(s\)\n- backend\/db\[Deployment\] TCP 5432 newly reachable from the internet through Service backend\/db/)]);
        expect(r.outputs["gate"]).toBe("failed");

        gh.setLabels(OWNER, REPO, PR, [ALLOW]);
        const allowed = await run({}, s, clone.dir);
        expect(allowed.code, describeRun(allowed)).toBe(0);
        expect(allowed.outputs["gate"]).toBe("allowed");
        expect(commandsOf(allowed, "notice").some((c) => c.message.includes("backend/db[Deployment] TCP 5432 newly reachable from the internet"))).toBe(true);
      } finally {
        origin.cleanup();
      }
    });

    each("input namespace: an invalid name fails the step with an error naming it, before anything is written", async ({ gh, run }) => {
      const r = await run({ inputs: { namespace: "Argo CD" } });
      expect(r.code).toBe(1);
      const errors = commandsOf(r, "error").map((c) => c.message);
      expect(errors, describeRun(r)).toEqual([expect.stringContaining('input namespace "Argo CD" is not a valid namespace name: it must be a lower-case DNS label')]);
      expect(r.outputs["gate"]).toBe("error");
      expect(gh.writes()).toEqual([]);
    });

    for (const eventName of ["pull_request", "pull_request_target"] as const) {
      each(`${eventName}: the pull request's .netreach.yaml cannot weaken its own gate (rename with fail-on none, an unrelated target, discover: false)`, async ({ gh, run }) => {
        const BASE_CONFIG = "targets:\n  - name: shop\n    kind: paths\n    paths: [k8s]\n    fail-on: external-ingress\n";
        const attacks: Record<string, string> = {
          // Renamed over the same directory, and relaxed.
          rename: "targets:\n  - name: shop-renamed\n    kind: paths\n    paths: [k8s]\n    fail-on: none\n",
          // Only an unrelated target, discovery off.
          unrelated: "targets:\n  - name: docs\n    kind: paths\n    paths: [docs]\n    fail-on: none\ndiscover: false\n",
        };
        // Each attack once with the base's file and once without (two runs per event: the suite's time counts).
        const cases = eventName === "pull_request" ? [["rename", BASE_CONFIG], ["unrelated", undefined]] as const : [["rename", undefined], ["unrelated", BASE_CONFIG]] as const;
        for (const [attack, baseConfig] of cases) {
          const headConfig = attacks[attack]!;
          {
            const origin = makeRepo();
            try {
              origin.write("k8s/namespaces.yaml", NAMESPACES);
              origin.write("k8s/workloads.yaml", WORKLOADS);
              origin.write("k8s/policies/default-deny.yaml", DEFAULT_DENY);
              origin.write("docs/README.md", "docs\n");
              if (baseConfig !== undefined) origin.write(".netreach.yaml", baseConfig);
              const base = origin.commit("base");
              origin.branch("feature");
              origin.checkout("feature");
              origin.write("k8s/policies/db-external.yaml", DB_EXTERNAL);
              origin.write(".netreach.yaml", headConfig);
              const head = origin.commit("PR: open the database, and the configuration that would hide it");
              const clone = origin.clone({ branch: "feature" });
              const s = { origin, mergeBase: base, mainTip: base, head, policyFile: "k8s/policies/db-external.yaml" };
              const r = await run({ eventName }, s, clone.dir);
              const what = `${attack}, base ${baseConfig === undefined ? "without" : "with"} a file\n${describeRun(r)}`;
              expect(r.code, what).toBe(1);
              expect(r.outputs["gate"], what).toBe("failed");
              const body = gh.comments(OWNER, REPO, PR).at(-1)!.body;
              expect(body, what).toContain(baseConfig === undefined ? "`.netreach.yaml` added by this pull request." : "`.netreach.yaml` changed by this pull request.");
              if (attack === "rename" && baseConfig !== undefined) expect(body, what).toMatch(/Target `shop` is renamed `shop-renamed` by this pull request/);
              if (attack === "unrelated" && baseConfig === undefined) expect(body, what).toContain("discovered targets are still analyzed");
              expect(commandsOf(r, "error").map((c) => c.message).join("\n"), what).toMatch(/netreach gate failed for target (shop|manifests)/);
            } finally {
              origin.cleanup();
            }
          }
        }
      });
    }

    each("a target that cannot be built at the head is not analyzed: gate=error, the step fails, the allow label does not waive it, the comment leads with it", async ({ run, theComment }) => {
      const origin = makeRepo();
      try {
        const { scenario, clone } = shopOverlaysPr(origin, "deploy/overlays/prod/kustomization.yaml", "PR: break prod's overlay", () => {
          origin.write("deploy/overlays/prod/kustomization.yaml", "resources: [../../base, missing.yaml]\n");
        });
        const r = await run({ path: toolsPath(), labels: ["netreach-allow"], inputs: { "allow-label": "netreach-allow" } }, scenario, clone);
        expect(r.code, describeRun(r)).toBe(1);
        expect(r.outputs["gate"]).toBe("error");
        const body = theComment().body;
        const lines = body.split("\n").filter((l) => l.trim() !== "");
        expect(lines[1]).toBe("### netreach: network flows");
        expect(lines[2]).toMatch(/^\*\*⛔ Not analyzed: `prod`\*\* — could not be built at head \\\(head [0-9a-f]{12}\\\): kubectl kustomize: building deploy\/overlays\/prod failed .*: `.*missing\.yaml.*`$/);
        expect(body).toContain("**2 targets, no change in the targets analyzed — gate error: 1 target not analyzed.**");
        expect(body).toContain("| `prod` | kustomize deploy/overlays/prod | not analyzed — could not be built at head \\(head ");
        const report = JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as { gate: { passed: boolean; status: string } };
        expect(report.gate).toMatchObject({ passed: false, status: "error" });
        expect(commandsOf(r, "error").map((c) => c.message).join("\n")).toMatch(/netreach: gate error: 1 target\(s\) not analyzed, which is never a pass: prod/);
        expect(commandsOf(r, "notice").map((c) => c.message).join("\n")).not.toContain("Allowed by the PR label");
      } finally {
        origin.cleanup();
      }
    });

    each("a Kustomize repository: one target per overlay, each gated on its own, the comment leading with the targets table", async ({ gh, run, theComment, expectLoopbackOnly }) => {
      const origin = makeRepo();
      try {
        const patch = "deploy/overlays/prod/web-ingress.yaml";
        const { scenario, clone } = shopOverlaysPr(origin, patch, "PR: open prod's web port", () => {
          origin.write(patch, fs.readFileSync(path.join(origin.dir, patch), "utf8").replace("10.20.0.0/16", "0.0.0.0/0"));
        });
        const head = scenario.head;
        const r = await run({ path: toolsPath() }, scenario, clone);
        expect(r.code, describeRun(r)).toBe(1);
        expect(r.outputs).toMatchObject({ gate: "failed", opened: "1", closed: "0", changed: "1" });
        const body = theComment().body;
        expect(body).toContain("**2 targets, 1 changed — gate failed in `prod`.**");
        expect(body).toContain("| `dev` | kustomize deploy/overlays/dev | no change | passed |");
        expect(body).toContain("| `prod` | kustomize deploy/overlays/prod | 1 flow opened — gate failed | ⛔ failed |");
        expect(body).toContain("**2 targets, 1 changed — gate failed in `prod`.** ⛔ **In `prod`:** `prod/web[Deployment]` TCP 8080 newly reachable");
        expect(body).toContain(`${gh.url}/${OWNER}/${REPO}/blob/${head}/deploy/overlays/prod/web-ingress.yaml#L7`);
        const report = JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as { targets: { name: string; status: string; head: { reused: boolean } }[] };
        expect(report.targets.map((t) => [t.name, t.status, t.head.reused])).toEqual([
          ["dev", "unchanged", true],
          ["prod", "changed", false],
        ]);
        expect(commandsOf(r, "error").map((c) => c.properties.file)).toContain(patch);
        expect(commandsOf(r, "error").map((c) => c.message).join("\n")).toContain("netreach gate failed for target prod");
        expectLoopbackOnly(r, gh.requests);
      } finally {
        origin.cleanup();
      }
    });

    each("max-targets: targets past the cap are not analyzed, each named as an error, and the step fails", async ({ run, theComment }) => {
      const origin = makeRepo();
      try {
        const { scenario, clone } = shopOverlaysPr(origin, "deploy/overlays/dev/README.md", "PR: a note", () => {
          origin.write("deploy/overlays/dev/README.md", "dev\n");
        });
        const r = await run({ path: toolsPath(), inputs: { "max-targets": "1" } }, scenario, clone);
        expect(r.code, describeRun(r)).toBe(1);
        const report = JSON.parse(fs.readFileSync(r.outputs["report-json"]!, "utf8")) as { targets: { name: string; status: string; error: string | null }[] };
        expect(report.targets.map((t) => [t.name, t.status])).toEqual([
          ["dev", "unchanged"],
          ["prod", "failed"],
        ]);
        const errors = commandsOf(r, "error").map((c) => c.message);
        expect(errors).toContain("netreach: 1 target(s) not analyzed, past the target cap (--max-targets, input max-targets): prod");
        expect(errors.join("\n")).toContain("target prod (kustomize deploy/overlays/prod) was not analyzed: the run has 2 targets, over the cap of 1 (--max-targets, input max-targets)");
        expect(theComment().body).toContain("| `prod` | kustomize deploy/overlays/prod | not analyzed: past the target cap | ⛔ error |");
      } finally {
        origin.cleanup();
      }
    });
  });
}
