/**
 * A GitHub REST stand-in for tests: a real HTTP server on 127.0.0.1 (random port) that keeps a
 * little in-memory GitHub and records every request. Only loopback, never the real API.
 *
 * Endpoints (responses shaped like GitHub's, JSON, errors as `{ message, documentation_url }`):
 *   GET    /user                                  the viewer; 403 "Resource not accessible by
 *                                                 integration" when `viewer` is null (installation tokens)
 *   POST   /graphql                               `viewer { login }`: the viewer's login, or for an
 *                                                 installation token the writer's when `graphqlViewer`
 *                                                 is set, else a FORBIDDEN error (HTTP 200, as GitHub)
 *   GET    /repos/:o/:r/issues/:n/comments        paginated (per_page <= 100, page), Link header
 *   POST   /repos/:o/:r/issues/:n/comments        { body } -> 201, authored by the writer (below)
 *   PATCH  /repos/:o/:r/issues/comments/:id       { body } -> 200; 403 on someone else's comment
 *   DELETE /repos/:o/:r/issues/comments/:id       204; 403 on someone else's comment
 *   GET    /repos/:o/:r/issues/:n/labels          paginated like comments
 * Anything else answers 404 "Not Found" (and is recorded).
 *
 * The writer of new comments is `viewer`, or when `viewer` is null the installation's bot:
 * `github-actions[bot]` (GITHUB_TOKEN) unless `writer` names a GitHub App's bot (`<slug>[bot]`).
 *
 * Usage:
 *   const gh = await GitHubStandIn.start();            // gh.url = "http://127.0.0.1:PORT"
 *   gh.seedComments("o", "r", 1, [{ body: "hi", user: SOMEONE }]);
 *   gh.fail({ method: "POST", path: "/repos/o/r/issues/1/comments", status: 403 });
 *   gh.fail({ path: "/repos/o/r/issues/1/comments", status: 502, times: 2 });  // transient
 *   ...client pointed at gh.url (or a subprocess with GITHUB_API_URL=gh.url)...
 *   expect(gh.requestsTo("POST", "/repos/o/r/issues/1/comments")).toHaveLength(1);
 *   await gh.close();
 *
 * For a subprocess (the Action's end-to-end tests): the server lives in the test's own event
 * loop, so start the child asynchronously (spawn/execFile + await), never with spawnSync.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInUser {
  login: string;
  id: number;
  type: "User" | "Bot";
}

/** The author of comments written with the Actions GITHUB_TOKEN. */
export const ACTIONS_BOT: StandInUser = { login: "github-actions[bot]", id: 41898282, type: "Bot" };
/** A GitHub App's bot, as an installation token of the App writes. */
export const APP_BOT: StandInUser = { login: "netreach-app[bot]", id: 151515, type: "Bot" };
/** A default PAT owner. */
export const OCTOCAT: StandInUser = { login: "octocat", id: 583231, type: "User" };

export interface StandInComment {
  id: number;
  node_id: string;
  body: string;
  user: StandInUser;
  created_at: string;
  updated_at: string;
  url: string;
  html_url: string;
  issue_url: string;
  author_association: string;
}

export interface RecordedRequest {
  method: string;
  /** Pathname only, e.g. "/repos/o/r/issues/1/comments". */
  path: string;
  /** Query parameters, e.g. { per_page: "100", page: "2" }. */
  query: Record<string, string>;
  /** Parsed JSON body, the raw text if not JSON, or undefined when empty. */
  body: unknown;
  /** Request headers, lower-case names (includes authorization: tests use fake tokens). */
  headers: Record<string, string>;
  /** The status the stand-in answered with (0 when the connection was reset on purpose). */
  status: number;
}

/** How to fail a request. */
export interface FailureRule {
  /** HTTP method; any when omitted. */
  method?: string;
  /**
   * Pathname to match: an exact string where `*` stands for one path segment
   * ("/repos/o/r/issues/* /comments" without the space), or a RegExp tested on the pathname.
   */
  path: string | RegExp;
  /** Status to answer with (ignored when `reset`). */
  status?: number;
  /** Error message in the JSON body; default: the standard reason phrase. */
  message?: string;
  /** Extra response headers, e.g. { "retry-after": "1" } or { "x-ratelimit-remaining": "0" }. */
  headers?: Record<string, string>;
  /** Destroy the connection instead of answering (a network reset). */
  reset?: boolean;
  /** Fail only this many matching requests, then let them through; default: forever. */
  times?: number;
}

export interface StandInOptions {
  /** Who GET /user says the token belongs to; null: GET /user answers 403 (an installation token). Default OCTOCAT. */
  viewer?: StandInUser | null;
  /** With `viewer` null: the bot that writes (default ACTIONS_BOT, i.e. GITHUB_TOKEN; APP_BOT for an App token). */
  writer?: StandInUser;
  /** With `viewer` null: whether GraphQL `viewer` names the writer (default false: refused). */
  graphqlViewer?: boolean;
}

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Bad credentials",
  403: "Forbidden",
  404: "Not Found",
  422: "Validation Failed",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

interface ActiveRule extends FailureRule {
  remaining: number;
}

export class GitHubStandIn {
  /** Base URL to give the client (or GITHUB_API_URL): "http://127.0.0.1:PORT", no trailing slash. */
  readonly url: string;
  /** Every request received, in order (including failed and unknown ones). */
  readonly requests: RecordedRequest[] = [];
  /** Who the token belongs to; change it at any time. null: behaves like an installation token. */
  viewer: StandInUser | null;
  /** The installation's bot, writing when `viewer` is null. */
  installationBot: StandInUser;
  graphqlViewer: boolean;

  private readonly server: Server;
  private readonly commentsByIssue = new Map<string, StandInComment[]>();
  private readonly labelsByIssue = new Map<string, string[]>();
  private rules: ActiveRule[] = [];
  private nextId = 1000;
  private clock = Date.parse("2024-01-01T00:00:00Z");

  private constructor(server: Server, url: string, options: StandInOptions) {
    this.server = server;
    this.url = url;
    this.viewer = options.viewer === undefined ? OCTOCAT : options.viewer;
    this.installationBot = options.writer ?? ACTIONS_BOT;
    this.graphqlViewer = options.graphqlViewer ?? false;
  }

  /** Starts a server on 127.0.0.1, port chosen by the OS. */
  static async start(options: StandInOptions = {}): Promise<GitHubStandIn> {
    let self: GitHubStandIn | undefined;
    const server = createServer((req, res) => {
      void self!.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    self = new GitHubStandIn(server, `http://127.0.0.1:${port}`, options);
    return self;
  }

  /** Stops the server (open keep-alive connections are closed). */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- state ------------------------------------------------------------------------------

  /** Adds comments (oldest first) to an issue/PR; the author defaults to someone else. */
  seedComments(
    owner: string,
    repo: string,
    issue: number,
    comments: ReadonlyArray<{ body: string; user?: StandInUser }>,
  ): StandInComment[] {
    return comments.map((c) => this.addComment(owner, repo, issue, c.body, c.user ?? { login: "someone", id: 7, type: "User" }));
  }

  /** A copy of the comments of an issue/PR, oldest first. */
  comments(owner: string, repo: string, issue: number): StandInComment[] {
    return (this.commentsByIssue.get(key(owner, repo, issue)) ?? []).map((c) => ({ ...c, user: { ...c.user } }));
  }

  /** Sets the labels on an issue/PR. */
  setLabels(owner: string, repo: string, issue: number, labels: readonly string[]): void {
    this.labelsByIssue.set(key(owner, repo, issue), [...labels]);
  }

  // ---- failures ---------------------------------------------------------------------------

  /** Makes matching requests fail (see FailureRule); rules are checked in the order added. */
  fail(rule: FailureRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? Infinity });
  }

  /** Shorthand: the next `count` matching requests answer `status` (default 502), then succeed. */
  failTransiently(method: string, path: string | RegExp, count: number, status = 502): void {
    this.fail({ method, path, status, times: count });
  }

  /** Removes every failure rule. */
  clearFailures(): void {
    this.rules = [];
  }

  // ---- recorded requests ------------------------------------------------------------------

  /** Recorded requests with this method and a path matching like FailureRule.path. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && pathMatches(path, r.path));
  }

  /** Recorded requests other than reads (GETs and GraphQL queries, the only GraphQL answered). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET" && r.method !== "HEAD" && r.path !== "/graphql");
  }

  /** Forgets the recorded requests (state and failure rules stay). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  // ---- server -----------------------------------------------------------------------------

  private addComment(owner: string, repo: string, issue: number, body: string, user: StandInUser): StandInComment {
    const id = this.nextId++;
    const at = new Date((this.clock += 1000)).toISOString();
    const comment: StandInComment = {
      id,
      node_id: `IC_${id}`,
      body,
      user: { ...user },
      created_at: at,
      updated_at: at,
      url: `${this.url}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: `https://github.test/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
      issue_url: `${this.url}/repos/${owner}/${repo}/issues/${issue}`,
      author_association: user.type === "Bot" ? "NONE" : "MEMBER",
    };
    const k = key(owner, repo, issue);
    const list = this.commentsByIssue.get(k) ?? [];
    list.push(comment);
    this.commentsByIssue.set(k, list);
    return comment;
  }

  private findComment(owner: string, repo: string, id: number): { list: StandInComment[]; index: number } | null {
    const prefix = `${owner}/${repo}#`;
    for (const [k, list] of this.commentsByIssue) {
      if (!k.startsWith(prefix)) continue;
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) return { list, index };
    }
    return null;
  }

  private writer(): StandInUser {
    return this.viewer ?? this.installationBot;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.url);
    const method = (req.method ?? "GET").toUpperCase();
    const text = await readBody(req);
    let body: unknown = undefined;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      headers,
      status: 0,
    };
    this.requests.push(record);

    const send = (status: number, data?: unknown, extra: Record<string, string> = {}): void => {
      record.status = status;
      const out = data === undefined ? "" : JSON.stringify(data);
      res.writeHead(status, {
        ...(data === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "4999",
        ...extra,
      });
      res.end(out);
    };
    const error = (status: number, message?: string, extra: Record<string, string> = {}): void =>
      send(
        status,
        { message: message ?? REASONS[status] ?? "Error", documentation_url: "https://docs.github.com/rest", status: String(status) },
        extra,
      );

    const rule = this.rules.find((r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method) && pathMatches(r.path, url.pathname));
    if (rule) {
      rule.remaining--;
      if (rule.reset) {
        record.status = 0;
        req.socket.destroy();
        return;
      }
      error(rule.status ?? 500, rule.message, rule.headers);
      return;
    }

    let m: RegExpMatchArray | null;
    const p = url.pathname;
    if (method === "GET" && p === "/user") {
      if (!this.viewer) {
        error(403, "Resource not accessible by integration");
        return;
      }
      send(200, { ...this.viewer, node_id: `U_${this.viewer.id}`, name: this.viewer.login });
      return;
    }
    if (method === "POST" && p === "/graphql") {
      const query = typeof (body as { query?: unknown } | undefined)?.query === "string" ? (body as { query: string }).query : "";
      if (!/\bviewer\b/.test(query)) {
        send(200, { errors: [{ type: "NOT_SUPPORTED", message: "the stand-in answers only `viewer` queries" }] });
        return;
      }
      const who = this.viewer ?? (this.graphqlViewer ? this.installationBot : null);
      if (!who) {
        send(200, { data: null, errors: [{ type: "FORBIDDEN", path: ["viewer"], message: "Resource not accessible by integration" }] });
        return;
      }
      send(200, { data: { viewer: { login: who.login, databaseId: who.id } } });
      return;
    }
    if ((m = p.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/))) {
      const [owner, repo, issue] = [m[1]!, m[2]!, Number(m[3])];
      if (method === "GET") {
        this.sendPage(url, this.commentsByIssue.get(key(owner, repo, issue)) ?? [], send);
        return;
      }
      if (method === "POST") {
        const b = body as { body?: unknown } | undefined;
        if (typeof b?.body !== "string") {
          error(422, "Invalid request: body is required");
          return;
        }
        send(201, this.addComment(owner, repo, issue, b.body, this.writer()));
        return;
      }
    }
    if ((m = p.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/))) {
      const found = this.findComment(m[1]!, m[2]!, Number(m[3]));
      if (method === "PATCH" || method === "DELETE") {
        if (!found) {
          error(404);
          return;
        }
        const comment = found.list[found.index]!;
        if (comment.user.id !== this.writer().id) {
          error(403, "You cannot edit or delete a comment written by someone else");
          return;
        }
        if (method === "DELETE") {
          found.list.splice(found.index, 1);
          send(204);
          return;
        }
        const b = body as { body?: unknown } | undefined;
        if (typeof b?.body !== "string") {
          error(422, "Invalid request: body is required");
          return;
        }
        comment.body = b.body;
        comment.updated_at = new Date((this.clock += 1000)).toISOString();
        send(200, comment);
        return;
      }
    }
    if (method === "GET" && (m = p.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/labels$/))) {
      const names = this.labelsByIssue.get(key(m[1]!, m[2]!, Number(m[3]))) ?? [];
      this.sendPage(
        url,
        names.map((name, i) => ({ id: 100 + i, node_id: `LA_${100 + i}`, name, color: "ededed", default: false, description: null })),
        send,
      );
      return;
    }
    error(404);
  }

  /** One page of `items` per GitHub's rules (per_page default 30, max 100; page from 1) with a Link header. */
  private sendPage(url: URL, items: readonly unknown[], send: (status: number, data: unknown, extra?: Record<string, string>) => void): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page")) || 30));
    const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string): string => {
      const u = new URL(url.pathname, this.url);
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(n));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, "prev"), link(1, "first"));
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    send(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(", ") } : {});
  }
}

function key(owner: string, repo: string, issue: number): string {
  return `${owner}/${repo}#${issue}`;
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  if (!pattern.includes("*")) return pattern === path;
  const re = new RegExp("^" + pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+") + "$");
  return re.test(path);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
