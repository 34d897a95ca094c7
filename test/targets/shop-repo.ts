// The shop repository of test/fixtures/targets/shop as a real git repository, its pull requests,
// and the built CLI run against it with the real kubectl and helm on PATH.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLI } from "../support/cli.js";
import { isolatedGitEnv, type TestRepo } from "../support/git-repo.js";
import { toolsPath } from "../tools/support.js";

export const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "fixtures", "targets", "shop");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built CLI in a child process (several run at once). */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...isolatedGitEnv(), PATH: toolsPath(), ...env } });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d) => (stdout += d));
    p.stderr.on("data", (d) => (stderr += d));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The fixture's files written into the repository's working tree. */
export function copyInto(repo: TestRepo): void {
  const walk = (dir: string, rel: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else repo.write(r, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  walk(FIXTURE, "");
}

/** A pull request: `edit` applied to the base commit, committed on its own branch. */
export function pr(repo: TestRepo, base: string, name: string, edit: (read: (f: string) => string, write: (f: string, t: string) => void) => void): string {
  repo.git("checkout", "-q", "-B", name, base);
  edit((f) => fs.readFileSync(path.join(repo.dir, f), "utf8"), (f, t) => repo.write(f, t));
  return repo.commit(name);
}
