/**
 * Turning octokit's RequestError into something a person can read: "GitHub API POST
 * /repos/o/r/issues/1/comments failed (HTTP 500): Server Error" instead of a raw stack.
 */

/** The parts of @octokit/request-error's RequestError this module relies on (duck-typed). */
interface RequestErrorLike {
  name: string;
  message: string;
  status: number;
  request?: { method?: string; url?: string };
  response?: { status: number; data?: unknown };
}

/** True for an error thrown by octokit's request layer (HTTP status or network failure). */
export function isRequestError(err: unknown): err is RequestErrorLike {
  return (
    err instanceof Error &&
    typeof (err as Partial<RequestErrorLike>).status === "number" &&
    "request" in err
  );
}

/** The HTTP status of a failed response, or null for a network failure or a non-HTTP error. */
export function httpStatus(err: unknown): number | null {
  return isRequestError(err) && err.response !== undefined ? err.status : null;
}

/** The error every function in src/github throws once retries are exhausted. */
export class GitHubApiError extends Error {
  override readonly name = "GitHubApiError";
  constructor(
    message: string,
    /** HTTP status, or null when no response arrived (connection refused/reset, timeout). */
    readonly status: number | null,
    readonly method: string,
    /** Path and query of the request, without host (and so without any credentials). */
    readonly path: string,
  ) {
    // No `cause`: octokit's error (with its stack and request options) stays out of logs.
    super(message);
  }
}

function pathOf(url: string | undefined): string {
  if (!url) return "(unknown path)";
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** The first line of GitHub's error message, without octokit's " - <documentation_url>" tail. */
function shortMessage(err: RequestErrorLike): string {
  const data = err.response?.data;
  if (typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string") {
    return (data as { message: string }).message;
  }
  const first = err.message.split("\n")[0] ?? "";
  return first.replace(/ - https?:\/\/\S+$/, "") || "no message";
}

/**
 * Wraps any error from an octokit call into a GitHubApiError naming the request, the status and
 * GitHub's message; `what` says what we were doing ("list the comments of pull request #7").
 * Non-request errors (bugs) are returned unchanged.
 */
export function describeRequestError(err: unknown, what: string): Error {
  if (!isRequestError(err)) return err instanceof Error ? err : new Error(String(err));
  const method = err.request?.method ?? "?";
  const path = pathOf(err.request?.url);
  const status = err.response !== undefined ? err.status : null;
  const detail =
    status === null ? `network error: ${shortMessage(err)}` : `HTTP ${status}: ${shortMessage(err)}`;
  return new GitHubApiError(
    `could not ${what}: GitHub API ${method} ${path} failed (${detail})`,
    status,
    method,
    path,
  );
}
