/**
 * Who "we" are on GitHub, to recognise our own comments.
 *
 * The rule:
 * 1. `GET /user` answers for a PAT or an OAuth/user token: we are that user (matched by id).
 * 2. The workflow's GITHUB_TOKEN (and any App installation token) cannot call it: GitHub answers
 *    403 "Resource not accessible by integration" (404 on some GHES versions). Comments written
 *    with GITHUB_TOKEN are authored by `github-actions[bot]` (type "Bot"), so that is who we are.
 *    (A custom GitHub App's installation token writes as `<app-slug>[bot]`; such comments are
 *    not recognised and a new one is created.)
 * Any other failure of `GET /user` is an error (after retries).
 */
import type { GitHubClient } from "./client.js";
import { describeRequestError, httpStatus } from "./errors.js";

/** The author of comments written with the Actions GITHUB_TOKEN. */
export const GITHUB_ACTIONS_BOT = { login: "github-actions[bot]", id: 41898282, type: "Bot" } as const;

export interface Identity {
  login: string;
  /** Present when GET /user answered; matching by id survives a rename. */
  id: number | null;
  type: string;
  /** How the identity was found. */
  source: "GET /user" | "fallback: github-actions[bot]";
}

/** The author fields of a comment, as the REST API returns them (user can be null for ghosts). */
export interface Author {
  login: string;
  id: number;
  type: string;
}

export async function ownIdentity(client: GitHubClient): Promise<Identity> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, id: data.id, type: data.type, source: "GET /user" };
  } catch (err) {
    const status = httpStatus(err);
    if (status === 403 || status === 404) {
      return { login: GITHUB_ACTIONS_BOT.login, id: null, type: "Bot", source: "fallback: github-actions[bot]" };
    }
    throw describeRequestError(err, "identify the token's user (GET /user)");
  }
}

/** Whether `author` is `me`: same id when known, else the same login and type. */
export function isOwn(author: Author | null | undefined, me: Identity): boolean {
  if (!author) return false;
  if (me.id !== null) return author.id === me.id;
  return author.login === me.login && author.type === me.type;
}
