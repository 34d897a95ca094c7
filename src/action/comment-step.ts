// Writing the PR comment and the step's log lines: the same for one analysis and for targets.
import * as core from "@actions/core";
import type { makeClient } from "../github/client.js";
import { upsertComment } from "../github/comment.js";
import type { Log } from "../github/log.js";
import { plain } from "../render/escape.js";
import type { EventContext } from "./event.js";
import type { ActionInputs } from "./inputs.js";

/**
 * GitHub takes at most 1 MiB (1,048,576 bytes) of job summary per step; the report is fitted into
 * a little less, counted in UTF-8 bytes as GitHub counts it.
 */
export const SUMMARY_MAX_BYTES = 1_000_000;

/** A log line safe from workflow-command injection: no control characters, no leading `::`. */
export function safe(text: string): string {
  return plain(text).replace(/^::/, ": :");
}

export const log: Log = (level, msg) => {
  if (level === "notice") core.notice(msg);
  else if (level === "warning") core.warning(msg);
  else core.info(safe(msg));
};

/** Posts or updates the comment; never fatal: a token that cannot write (fork PRs) gives a notice. Returns its id. */
export async function writeComment(inputs: ActionInputs, event: EventContext, client: ReturnType<typeof makeClient> | null, marker: string, render: () => string): Promise<number | null> {
  if (inputs.comment === "off") return null;
  if (event.pullRequest === null) {
    core.info("netreach: no pull request in this event; no comment");
    return null;
  }
  if (client === null) return null;
  try {
    const r = await upsertComment(client, { owner: event.owner, repo: event.repo, issueNumber: event.pullRequest, marker, body: render(), mode: inputs.comment, log });
    if (r.action === "skipped") core.notice(`netreach: PR comment skipped: ${r.reason ?? "the token cannot write comments"}`);
    else core.info(`netreach: PR comment ${r.action}${r.commentId ? ` (id ${r.commentId})` : ""}`);
    return r.commentId;
  } catch (e) {
    core.warning(`netreach: could not write the PR comment: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
