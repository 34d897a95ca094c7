/**
 * The one place an Octokit is built: @actions/github's getOctokit (REST endpoint methods,
 * pagination, the runner's proxy settings) plus @octokit/plugin-retry and
 * @octokit/plugin-throttling.
 *
 * - Transient failures (5xx, 429, network errors such as a reset connection, which octokit reports
 *   as status 500) are retried `retries` times (default 3) by plugin-retry, waiting
 *   (attempt^2) * retryAfterBaseMs: 1 s, 4 s, 9 s by default. 400/401/403/404/410/422/451 are not.
 * - Rate limits are handled by plugin-throttling: a secondary rate limit (403/429 whose message
 *   says "secondary rate") and a primary one (x-ratelimit-remaining: 0) are retried at most twice,
 *   after the Retry-After / reset time (in units of retryAfterBaseMs), and never when that wait
 *   exceeds maxRateLimitWaitSeconds.
 * - Write spacing: plugin-throttling by default spaces writes 1 s apart and notification-
 *   triggering writes (creating a comment) 3 s apart, as GitHub's best practices ask. Tests pass
 *   writeSpacingMs: 0.
 *
 * Tests shorten every wait with retryAfterBaseMs: 1 (a "second" becomes a millisecond).
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling, type ThrottlingOptions } from "@octokit/plugin-throttling";
import { silent, type Log } from "./log.js";

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** A PAT, an App installation token or the workflow's GITHUB_TOKEN. */
  token: string;
  /** REST API root, e.g. process.env.GITHUB_API_URL ("https://api.github.com" on github.com). */
  baseUrl: string;
  /** Prepended to octokit's own user agent. */
  userAgent?: string;
  /** Retries of a transient failure (5xx, 429, network error). Default 3. */
  retries?: number;
  /** Length of one back-off unit in ms (default 1000); every wait above scales with it. */
  retryAfterBaseMs?: number;
  /** Rate-limit waits longer than this (in back-off units) are not waited for. Default 120. */
  maxRateLimitWaitSeconds?: number;
  /** Minimum spacing between write requests in ms; default: plugin-throttling's (1 s, 3 s). */
  writeSpacingMs?: number;
  /** Where retries, rate limits and octokit's own warnings are reported. */
  log?: Log;
}

/** At most this many retries after a (primary or secondary) rate limit. */
export const MAX_RATE_LIMIT_RETRIES = 2;

type Group = NonNullable<Extract<ThrottlingOptions, { onRateLimit: unknown }>["write"]>;

/**
 * A stand-in for a Bottleneck.Group with only what plugin-throttling calls on its write/
 * notifications groups (`key(id).schedule(options, fn, ...args)`): jobs start at least
 * `minTimeMs` apart.
 */
function spacedGroup(minTimeMs: number): Group {
  let next = 0;
  const limiter = {
    async schedule<A extends unknown[], R>(_opts: unknown, fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R> {
      const now = Date.now();
      const at = Math.max(now, next);
      next = at + minTimeMs;
      if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
      return fn(...args);
    },
  };
  return { key: () => limiter } as unknown as Group;
}

export function makeClient(options: ClientOptions): GitHubClient {
  const log = options.log ?? silent;
  const base = options.retryAfterBaseMs ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 120;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${kind} rate limit hit on ${request.method} ${request.url}`;
      if (retryCount >= MAX_RATE_LIMIT_RETRIES) {
        log("warning", `GitHub ${what}; giving up after ${retryCount} retries`);
        return false;
      }
      if (retryAfter > maxWait) {
        log("warning", `GitHub ${what}; it resets in ${retryAfter} s, too long to wait`);
        return false;
      }
      log("notice", `GitHub ${what}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES})`);
      return true;
    };

  const spacing = options.writeSpacingMs;
  const throttle: ThrottlingOptions = {
    retryAfterBaseValue: base,
    onRateLimit: onLimit("primary"),
    onSecondaryRateLimit: onLimit("secondary"),
    ...(spacing === undefined ? {} : { write: spacedGroup(spacing), notifications: spacedGroup(spacing) }),
  };

  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
      retry: { retries: options.retries ?? 3, retryAfterBaseValue: base },
      throttle,
      log: {
        debug: () => {},
        info: () => {},
        warn: (msg: string) => log("warning", msg),
        error: (msg: string) => log("warning", msg),
      },
    },
    retry,
    throttling,
  );
}
