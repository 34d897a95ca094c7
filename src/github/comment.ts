/**
 * One comment per pull request and marker, kept up to date.
 *
 * The caller builds the body and puts the marker in it: a hidden HTML comment such as
 * `<!-- netreach:comment:<header> -->` (see `commentMarker`). The existing comment is looked up
 * among ALL comments of the PR (100 per page, following the Link header) written by our own
 * identity (see identity.ts for how "own" is decided); a comment carrying the same marker but
 * written by someone else is never touched. Where the identity is unknown, a Bot's comment that
 * GitHub refuses to edit or delete (403) was another bot's: it is passed over.
 *
 * - mode "update": same body (ignoring CRLF vs LF and trailing whitespace) -> no write,
 *   "unchanged"; different body -> PATCH the comment, "updated"; none found -> "created".
 *   If several own comments carry the marker (an earlier race), the oldest one is updated.
 * - mode "recreate": every own comment with the marker is deleted, then a new one is created:
 *   "recreated" if something was deleted, else "created".
 * - A 403 or 404 from any of these calls (fork pull request, read-only token, missing
 *   `pull-requests: write`) never throws: the result is "skipped" with a `reason` sentence.
 *   Any other failure (after the client's retries) throws a GitHubApiError.
 */
import type { GitHubClient } from "./client.js";
import { describeRequestError, httpStatus } from "./errors.js";
import { describeIdentity, isOwn, ownIdentity } from "./identity.js";
import { silent, type Log } from "./log.js";

export type CommentMode = "update" | "recreate";

export interface UpsertCommentOptions {
  owner: string;
  repo: string;
  /** The pull request (or issue) number. */
  issueNumber: number;
  /** The hidden marker; `body` must contain it. */
  marker: string;
  body: string;
  mode: CommentMode;
  /** Progress lines (which comment was found, how many pages); optional. */
  log?: Log;
}

export interface UpsertCommentResult {
  action: "created" | "updated" | "unchanged" | "recreated" | "skipped";
  /** The comment now carrying the marker; null when skipped. */
  commentId: number | null;
  /** Only when skipped: a sentence saying why and what to do. */
  reason?: string;
}

/** The hidden marker for a comment header; `header` is reduced to a safe charset. */
export function commentMarker(header = "default"): string {
  const safe = header.replace(/[^A-Za-z0-9._-]+/g, "_") || "default";
  return `<!-- netreach:comment:${safe} -->`;
}

/** Thrown inside upsertComment to leave through the "skipped" door. */
class Skip extends Error {}

function skipReason(status: number, doing: "read" | "write" | "delete", issueNumber: number): string {
  const verb = doing === "read" ? "read the comments of" : doing === "delete" ? "delete comments on" : "write comments on";
  return (
    `the token cannot ${verb} pull request #${issueNumber} (HTTP ${status}): ` +
    "for pull requests from forks use the workflow_run pattern, " +
    "or grant the workflow permissions: pull-requests: write"
  );
}

function normalize(body: string): string {
  return body.replace(/\r\n/g, "\n").trimEnd();
}

export async function upsertComment(client: GitHubClient, o: UpsertCommentOptions): Promise<UpsertCommentResult> {
  const log = o.log ?? silent;
  if (!o.marker.trim()) throw new Error("upsertComment: the marker must not be empty");
  if (!o.body.includes(o.marker)) {
    throw new Error(`upsertComment: the body must contain the marker ${o.marker}, or the comment cannot be found again`);
  }
  const where = { owner: o.owner, repo: o.repo };
  const pr = `${o.owner}/${o.repo}#${o.issueNumber}`;

  /** Runs one API call; 403/404 become a Skip, anything else a clear error. */
  async function call<T>(what: string, doing: "read" | "write" | "delete", f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (err) {
      const status = httpStatus(err);
      if (status === 403 || status === 404) throw new Skip(skipReason(status, doing, o.issueNumber));
      throw describeRequestError(err, what);
    }
  }

  try {
    const me = await ownIdentity(client);
    const all = await call(`list the comments of ${pr}`, "read", () =>
      client.paginate(client.rest.issues.listComments, { ...where, issue_number: o.issueNumber, per_page: 100 }),
    );
    const mine = all.filter((c) => isOwn(c.user, c.body ?? "", o.marker, me));
    log("info", `${all.length} comments on ${pr}; ${mine.length} of ours with the marker (we are ${describeIdentity(me)})`);
    /** With an unknown identity, a refusal to touch a candidate means it is not ours. */
    const notOurs = (err: unknown): boolean => me.kind === "unknown" && httpStatus(err) === 403;

    const create = async (): Promise<number> => {
      const { data } = await call(`create a comment on ${pr}`, "write", () =>
        client.rest.issues.createComment({ ...where, issue_number: o.issueNumber, body: o.body }),
      );
      return data.id;
    };

    if (o.mode === "recreate") {
      let deleted = 0;
      for (const c of mine) {
        deleted += await call(`delete comment ${c.id} on ${pr}`, "delete", async () => {
          try {
            await client.rest.issues.deleteComment({ ...where, comment_id: c.id });
            return 1;
          } catch (err) {
            // Already gone (deleted by hand or by a concurrent run): that is what we wanted.
            if (httpStatus(err) === 404) return 0;
            if (notOurs(err)) {
              log("info", `comment ${c.id} carries our marker but is another bot's; left alone`);
              return 0;
            }
            throw err;
          }
        });
      }
      const id = await create();
      return { action: deleted > 0 ? "recreated" : "created", commentId: id };
    }

    if (mine.length > 1) log("info", `${mine.length} of our comments carry ${o.marker}; updating the oldest`);
    for (const existing of mine) {
      if (normalize(existing.body ?? "") === normalize(o.body)) {
        // Unchanged. With an unknown identity this may still be another bot's copy: harmless.
        return { action: "unchanged", commentId: existing.id };
      }
      const updated = await call(`update comment ${existing.id} on ${pr}`, "write", async () => {
        try {
          await client.rest.issues.updateComment({ ...where, comment_id: existing.id, body: o.body });
          return true;
        } catch (err) {
          if (!notOurs(err)) throw err;
          log("info", `comment ${existing.id} carries our marker but is another bot's; looking further`);
          return false;
        }
      });
      if (updated) return { action: "updated", commentId: existing.id };
    }
    return { action: "created", commentId: await create() };
  } catch (err) {
    if (err instanceof Skip) return { action: "skipped", commentId: null, reason: err.message };
    throw err;
  }
}
