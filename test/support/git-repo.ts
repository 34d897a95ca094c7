// Temporary git repositories for tests, built with the real git and nothing else.
//
//   const repo = makeRepo();                     // git init -b main in a fresh temp dir
//   repo.write("deploy/np.yaml", "kind: NetworkPolicy\n");
//   const base = repo.commit("base");           // adds everything, returns the commit id
//   repo.branch("feature"); repo.checkout("feature");
//   repo.remove("deploy/np.yaml");
//   const head = repo.commit("delete");
//   const ci = repo.clone({ shallow: 1, branch: "feature" });   // file:// clone, like CI
//   ...
//   repo.cleanup();                              // removes the repository and its clones
//
// Git runs isolated from the machine's configuration (no global or system config, no
// inherited GIT_DIR and the like), and commit dates come from a fixed clock, so the same
// steps give the same commit ids on every run.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

export interface CloneOptions {
  /** `--depth N`: a shallow clone of N commits (as actions/checkout does with fetch-depth). */
  readonly shallow?: number;
  /** `--bare`: no working tree (`write`, `commit`, … then fail). */
  readonly bare?: boolean;
  /** `--branch`: the branch (or tag) to check out, and with `shallow` the only one fetched. */
  readonly branch?: string;
}

export interface TestRepo {
  /** Absolute path of the working tree (of the repository itself when bare). */
  readonly dir: string;
  /** Runs `git <args>` in the repository; returns stdout without its trailing newline. Throws on failure. */
  git(...args: string[]): string;
  /** Writes a file (creating directories); `file` is relative to the working tree, with "/". */
  write(file: string, content: string | Uint8Array): void;
  /** Deletes a file or directory of the working tree. */
  remove(file: string): void;
  /** Creates a symbolic link at `file` pointing at `target` (written as given, not resolved). */
  symlink(target: string, file: string): void;
  /** Stages everything (`git add -A`) and commits, even when nothing changed; returns the commit id. */
  commit(message: string): string;
  /** Creates a branch at `from` (default HEAD) without switching to it. */
  branch(name: string, from?: string): void;
  /** Switches the working tree to a branch or commit. */
  checkout(ref: string): void;
  /** `git rev-parse <rev>` (default HEAD). */
  rev(rev?: string): string;
  /** The `file://` URL of this repository, for clones and fetches (loopback, no network). */
  readonly url: string;
  /** Clones this repository into a new temp dir via its file:// URL; cleaned up with this one. */
  clone(options?: CloneOptions): TestRepo;
  /** Removes the repository and every clone made from it. Safe to call twice. */
  cleanup(): void;
}

/** Environment for git in tests: the machine's git configuration and repository variables kept out. */
export function isolatedGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_")) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.invalid",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.invalid",
  };
}

// A fixed clock, one second per commit, so commit ids are reproducible.
let clock = Date.UTC(2024, 0, 1) / 1000;

function runGit(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = isolatedGitEnv()): string {
  try {
    return execFileSync("git", args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 }).replace(
      /\n$/,
      "",
    );
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? "").trim();
    throw new Error(`test git ${args.join(" ")} failed in ${cwd}: ${stderr || String(e)}`);
  }
}

function tempDir(prefix: string): string {
  // realpath: macOS's /var -> /private/var would otherwise differ from git's --show-toplevel.
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

// Written into the repository's config file at once: a `git config` run per key cost seven git
// processes per repository, and the suite makes a hundred or more.
const CONFIG = [
  "[user]",
  "\tname = Test",
  "\temail = test@example.invalid",
  "[commit]",
  "\tgpgsign = false",
  "[tag]",
  "\tgpgsign = false",
  "[core]",
  "\tautocrlf = false",
  "\tsymlinks = true",
  // Clones fetch commits by id (as CI fetches a pull request's base): allow any id, as GitHub does.
  "[uploadpack]",
  "\tallowAnySHA1InWant = true",
  "",
].join("\n");

function configure(dir: string, bare = false): void {
  fs.appendFileSync(path.join(dir, ...(bare ? [] : [".git"]), "config"), CONFIG);
}

/** A new repository in a fresh temp dir, on branch `main`, with no commits. */
export function makeRepo(): TestRepo {
  const dir = tempDir("netreach-git-");
  runGit(dir, ["init", "-q", "-b", "main", "."]);
  configure(dir);
  return wrap(dir, false, dir);
}

/** `removeDir`: the temp dir that holds the repository, deleted by cleanup. */
function wrap(dir: string, bare: boolean, removeDir: string): TestRepo {
  const clones: TestRepo[] = [];
  const workTree = () => {
    if (bare) throw new Error(`${dir} is a bare repository: no working tree`);
  };
  const inTree = (file: string) => {
    workTree();
    const abs = path.resolve(dir, ...file.split("/"));
    if (!abs.startsWith(dir + path.sep)) throw new Error(`${file} is outside the repository`);
    return abs;
  };
  const repo: TestRepo = {
    dir,
    url: pathToFileURL(dir).href,
    git: (...args) => runGit(dir, args),
    write(file, content) {
      const abs = inTree(file);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
    },
    remove(file) {
      fs.rmSync(inTree(file), { recursive: true, force: false });
    },
    symlink(target, file) {
      const abs = inTree(file);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.symlinkSync(target, abs);
    },
    commit(message) {
      workTree();
      runGit(dir, ["add", "-A"]);
      const date = `${clock++} +0000`;
      runGit(dir, ["commit", "-q", "--allow-empty", "--no-verify", "-m", message], {
        ...isolatedGitEnv(),
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return runGit(dir, ["rev-parse", "HEAD"]);
    },
    branch(name, from = "HEAD") {
      runGit(dir, ["branch", name, from]);
    },
    checkout(ref) {
      runGit(dir, ["checkout", "-q", ref]);
    },
    rev(rev = "HEAD") {
      return runGit(dir, ["rev-parse", "--verify", rev]);
    },
    clone(options = {}) {
      const target = path.join(tempDir("netreach-clone-"), "repo");
      const args = ["clone", "-q", "--no-tags"];
      if (options.shallow !== undefined) args.push(`--depth=${options.shallow}`);
      if (options.bare) args.push("--bare");
      if (options.branch !== undefined) args.push("--branch", options.branch);
      runGit(path.dirname(target), [...args, "--", repo.url, target]);
      configure(target, options.bare);
      const clone = wrap(target, options.bare ?? false, path.dirname(target));
      clones.push(clone);
      return clone;
    },
    cleanup() {
      for (const clone of clones.splice(0)) clone.cleanup();
      fs.rmSync(removeDir, { recursive: true, force: true });
    },
  };
  return repo;
}
