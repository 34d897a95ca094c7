/**
 * The labels currently on a pull request, for the `allow-label` input. The event payload's
 * labels were captured when the event fired (a label added after a push, then a re-run, is not
 * in it), so the API is the source of truth; when the token may not read them (403/404) the
 * caller's list (normally the payload's) is returned instead.
 */
import type { GitHubClient } from "./client.js";
import { describeRequestError, httpStatus } from "./errors.js";
import { silent, type Log } from "./log.js";

export interface PullRequestLabelsOptions {
  /** Returned on 403/404, e.g. the labels in the event payload. Default: none. */
  fallback?: readonly string[];
  /** Told when the fallback is used. */
  log?: Log;
}

export async function pullRequestLabels(
  client: GitHubClient,
  owner: string,
  repo: string,
  number: number,
  options: PullRequestLabelsOptions = {},
): Promise<string[]> {
  try {
    const labels = await client.paginate(client.rest.issues.listLabelsOnIssue, {
      owner,
      repo,
      issue_number: number,
      per_page: 100,
    });
    return labels.map((l) => l.name);
  } catch (err) {
    const status = httpStatus(err);
    if (status === 403 || status === 404) {
      const fallback = [...(options.fallback ?? [])];
      (options.log ?? silent)(
        "notice",
        `could not read the labels of ${owner}/${repo}#${number} (HTTP ${status}); using the event payload's labels (${fallback.length})`,
      );
      return fallback;
    }
    throw describeRequestError(err, `read the labels of ${owner}/${repo}#${number}`);
  }
}
