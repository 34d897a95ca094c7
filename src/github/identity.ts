/**
 * Who "we" are on GitHub, to recognise our own comments.
 *
 * 1. `GET /user` answers for a personal or OAuth token: we are that user (matched by id, which
 *    survives a rename).
 * 2. Installation tokens (the workflow's GITHUB_TOKEN, a GitHub App's token) are refused there
 *    (403 "Resource not accessible by integration"; 404 on some GHES). GraphQL `viewer` may still
 *    name the bot (`<app-slug>[bot]`): then we are that login.
 * 3. Where neither answers, who we are is unknown. Our comment is then one written by a Bot
 *    account whose body starts with our marker (which holds the header): a person's comment
 *    quoting it is never taken, and a Bot's comment that turns out not to be ours (GitHub refuses
 *    to edit it) is passed over (see comment.ts).
 * Any other failure of `GET /user` is an error (after retries).
 */
import type { GitHubClient } from "./client.js";
import { describeRequestError, httpStatus } from "./errors.js";

export type Identity =
  | { readonly kind: "user"; readonly login: string; readonly id: number; readonly source: "GET /user" }
  | { readonly kind: "login"; readonly login: string; readonly source: "GraphQL viewer" }
  | { readonly kind: "unknown"; readonly source: "GET /user and GraphQL viewer refused" };

/** The author fields of a comment, as the REST API returns them (user can be null for ghosts). */
export interface Author {
  login: string;
  id: number;
  type: string;
}

export async function ownIdentity(client: GitHubClient): Promise<Identity> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { kind: "user", login: data.login, id: data.id, source: "GET /user" };
  } catch (err) {
    const status = httpStatus(err);
    if (status !== 403 && status !== 404) throw describeRequestError(err, "identify the token's user (GET /user)");
  }
  const login = await graphqlViewer(client);
  if (login !== undefined) return { kind: "login", login, source: "GraphQL viewer" };
  return { kind: "unknown", source: "GET /user and GraphQL viewer refused" };
}

/** The viewer's login, or undefined when GraphQL will not say (refused, errors, no answer). */
async function graphqlViewer(client: GitHubClient): Promise<string | undefined> {
  try {
    const data = await client.graphql<{ viewer?: { login?: unknown } | null }>("query { viewer { login } }");
    const login = data.viewer?.login;
    return typeof login === "string" && login !== "" ? login : undefined;
  } catch {
    return undefined; // refused or failing: the body rule below still finds our comment
  }
}

/** Whether a comment with this author and body is ours (see the rules above). */
export function isOwn(author: Author | null | undefined, body: string, marker: string, me: Identity): boolean {
  if (!author || !body.includes(marker)) return false;
  switch (me.kind) {
    case "user":
      return author.id === me.id;
    case "login":
      return author.login === me.login;
    case "unknown":
      return author.type === "Bot" && body.trimStart().startsWith(marker);
  }
}

export function describeIdentity(me: Identity): string {
  return me.kind === "unknown" ? `unknown (${me.source}): a Bot's comment starting with the marker is ours` : `${me.login}, ${me.source}`;
}
