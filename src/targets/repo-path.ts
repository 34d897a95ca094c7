// Paths in configuration are relative to the file or directory that names them (values files
// to their chart, Argo CD and Flux paths to the repository root): `..` is resolved, and allowed
// while the result stays inside the repository.
import * as path from "node:path";

/**
 * `rel` resolved against repository-relative directory `from` ("" = the root), repository-
 * relative without "./" or a trailing "/"; a leading "/" means the repository root. Undefined
 * when the result leaves the repository.
 */
export function repoPath(from: string, rel: string): string | undefined {
  if (rel.includes("\0")) return undefined;
  const joined = rel.startsWith("/") ? `.${rel}` : from === "" ? rel : `${from}/${rel}`;
  const n = path.posix.normalize(joined === "" ? "." : joined);
  if (n === ".." || n.startsWith("../")) return undefined;
  return n === "." || n === "./" ? "" : n.replace(/\/$/, "").replace(/^\.\//, "");
}

/** Why `rel` (relative to `from`) cannot be used, for a target's diagnostic. */
export function outsideMessage(what: string, rel: string, from: string): string {
  return `${what} ${JSON.stringify(rel)}${from === "" ? "" : ` (relative to ${from})`} leads outside the repository; paths must stay inside it`;
}

/** `rel` resolved as repoPath does, or the raw path with a problem noted (the target is then not built). */
export function resolvePath(from: string, rel: string, what: string, problems: string[]): string {
  const r = repoPath(from, rel);
  if (r !== undefined) return r;
  problems.push(outsideMessage(what, rel, from));
  return rel;
}
