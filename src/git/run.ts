// The one place git is started. Arguments go in an array (no shell), the environment is
// pinned so that git never prompts, pages or runs helpers a repository could configure, and
// a failure becomes a GitError that says which command failed and why.
import { spawnSync } from "node:child_process";

export interface GitOptions {
  /** Written to git's standard input. */
  readonly input?: string | Buffer;
  /** Largest standard output accepted; git is killed beyond it. Default 512 MiB. */
  readonly maxBuffer?: number;
  /** Kills git after this many milliseconds (network fetches). Default: none. */
  readonly timeoutMs?: number;
  /** Extra environment variables for this command. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A git command that could not be started or exited with a non-zero status. */
export class GitError extends Error {
  override name = "GitError";
  constructor(
    message: string,
    /** The arguments after `git` (without the fixed safety options). */
    readonly args: readonly string[],
    /** Exit status; null when git could not be started or was killed. */
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(message);
  }
}

export interface GitResult {
  readonly status: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

const MiB = 1024 * 1024;

// Options before the subcommand: no pager, and helpers that a repository's config could name
// are switched off (none of them is needed to read objects or fetch).
const fixedOptions = ["--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null"];

// Variables that would point git at another repository, index or object store than `repoDir`
// (set, for instance, when netreach runs from a git hook). Same list as `git rev-parse --local-env-vars`.
const repositoryVariables = [
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_COMMON_DIR",
  "GIT_DIR",
  "GIT_GRAFT_FILE",
  "GIT_IMPLICIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_INTERNAL_SUPER_PREFIX",
  "GIT_NAMESPACE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_PREFIX",
  "GIT_REPLACE_REF_BASE",
  "GIT_SHALLOW_FILE",
  "GIT_WORK_TREE",
];

function gitEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of repositoryVariables) delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: "0", // fail instead of asking for credentials
    GCM_INTERACTIVE: "never", // Git Credential Manager: same
    GIT_PAGER: "cat",
    GIT_OPTIONAL_LOCKS: "0",
    GIT_NO_REPLACE_OBJECTS: "1", // read the objects themselves, not `git replace` substitutes
    ...extra,
  };
}

/** Runs `git -C repoDir <args>` and reports the exit status instead of throwing on it. */
export function gitResult(repoDir: string, args: readonly string[], opts: GitOptions = {}): GitResult {
  const r = spawnSync("git", ["-C", repoDir, ...fixedOptions, ...args], {
    input: opts.input,
    env: gitEnv(opts.env),
    maxBuffer: opts.maxBuffer ?? 512 * MiB,
    timeout: opts.timeoutMs,
    windowsHide: true,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stderr = r.stderr ? r.stderr.toString("utf8") : "";
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "git is not installed or not on PATH"
        : code === "ENOBUFS"
          ? `output larger than ${formatBytes(opts.maxBuffer ?? 512 * MiB)}`
          : code === "ETIMEDOUT"
            ? `no answer after ${Math.round((opts.timeoutMs ?? 0) / 1000)} s`
            : r.error.message;
    throw new GitError(`${describe(args)} failed: ${why}`, args, null, stderr);
  }
  if (r.status === null) throw new GitError(`${describe(args)} was killed (${r.signal ?? "signal"})`, args, null, stderr);
  return { status: r.status, stdout: r.stdout, stderr };
}

/** Runs `git -C repoDir <args>`; standard output as text (UTF-8), or as bytes with `encoding: "buffer"`. */
export function git(repoDir: string, args: readonly string[], opts: GitOptions & { encoding: "buffer" }): Buffer;
export function git(repoDir: string, args: readonly string[], opts?: GitOptions & { encoding?: "utf8" }): string;
export function git(repoDir: string, args: readonly string[], opts: GitOptions & { encoding?: "buffer" | "utf8" } = {}): Buffer | string {
  const r = gitResult(repoDir, args, opts);
  if (r.status !== 0) throw failed(args, r);
  return opts.encoding === "buffer" ? r.stdout : r.stdout.toString("utf8");
}

/** The GitError for a command that exited with a non-zero status. */
export function failed(args: readonly string[], r: GitResult): GitError {
  const lines = r.stderr
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l !== "");
  const shown = lines.slice(0, 5).join("\n");
  const more = lines.length > 5 ? `\n(${lines.length - 5} more lines)` : "";
  return new GitError(
    `${describe(args)} failed with exit status ${r.status}${shown ? `:\n${shown}${more}` : ""}`,
    args,
    r.status,
    r.stderr,
  );
}

/** `git ls-tree -r …` with long argument lists shortened, for messages. */
function describe(args: readonly string[]): string {
  const shown = args.length > 12 ? [...args.slice(0, 12), `… (${args.length - 12} more)`] : args;
  return `\`git ${shown.map((a) => (/^[\w@%+=:,./^~{}-]+$/.test(a) ? a : JSON.stringify(a))).join(" ")}\``;
}

function formatBytes(n: number): string {
  return n >= MiB ? `${Math.round(n / MiB)} MiB` : `${n} bytes`;
}
