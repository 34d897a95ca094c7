// A cancelled run (a CI job stopped, Ctrl-C, a closed terminal) takes its work with it: the real
// helm it started is killed, whatever netreach started it (the relaunched Node or the CLI run in
// place), and no temporary tree or tool home is left in the temp directory. The chart makes the
// real helm slow (a template that counts to twenty million), so it is still rendering when the
// signal comes.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI } from "../support/cli.js";
import { isolatedGitEnv, makeRepo } from "../support/git-repo.js";
import { kubeTools } from "../support/kube-tools.js";
import { processes, sleep, type Proc } from "../support/procs.js";

const CHART = {
  "chart/Chart.yaml": "apiVersion: v2\nname: slow\nversion: 0.1.0\n",
  "chart/templates/slow.yaml": [
    "{{- $n := 0 }}",
    "{{- range until 20000000 }}{{ $n = add $n 1 }}{{- end }}",
    "apiVersion: v1",
    "kind: ConfigMap",
    "metadata:",
    "  name: slow-{{ $n }}",
    "",
  ].join("\n"),
};

const leftovers: number[] = [];
const pids: number[] = [];
const dirs: string[] = [];
afterEach(() => {
  // Whatever a failing run left behind is not left to run on.
  for (const pgid of leftovers.splice(0))
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // Gone.
    }
  for (const pid of pids.splice(0))
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone.
    }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** `sig` to the CLI, or with `to: "child"` to the Node it relaunched (the analysis, killed by the kernel for memory, say). */
async function cancelDuringHelm(args: readonly string[], cwd: string, sig: NodeJS.Signals, env: NodeJS.ProcessEnv, to: "cli" | "child" = "cli") {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "netreach-cancel-")));
  dirs.push(tmp);
  const helmDir = path.dirname(kubeTools().helm);
  const cli = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...env, TMPDIR: tmp, PATH: `${helmDir}${path.delimiter}${process.env.PATH ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  cli.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  cli.stdout.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => cli.on("exit", (code, signal) => r({ code, signal })));

  // helm is rendering from a tree in our private temp directory.
  let relaunched: number[] = [];
  const ours = () => processes().filter((p) => p.cmdline.includes(tmp) || leftovers.includes(p.pgid) || relaunched.includes(p.pid));
  let helm: Proc | undefined;
  for (let i = 0; i < 300 && helm === undefined; i++) {
    helm = processes().find((p) => p.cmdline.includes(" template ") && p.cmdline.includes(tmp));
    if (helm === undefined) await sleep(50);
  }
  if (helm === undefined) throw new Error(`helm never started; netreach said: ${stderr}`);
  leftovers.push(helm.pgid);
  relaunched = processes().filter((p) => p.ppid === cli.pid).map((p) => p.pid);
  pids.push(...relaunched);

  if (to === "cli") cli.kill(sig);
  else {
    const child = processes().find((p) => p.ppid === cli.pid);
    if (child === undefined) throw new Error("no relaunched child");
    process.kill(child.pid, sig);
  }
  const end = await Promise.race([exited, sleep(15_000).then(() => undefined)]);
  if (end === undefined) cli.kill("SIGKILL");
  // What is left a moment later (an orphan checks on its parent once a second).
  let survivors = ours();
  let left = fs.readdirSync(tmp);
  for (let i = 0; i < 40 && (survivors.length > 0 || left.length > 0); i++) {
    await sleep(100);
    survivors = ours();
    left = fs.readdirSync(tmp);
  }
  return { end, survivors, left, helm };
}

describe("a cancelled run", () => {
  it("SIGTERM to the CLI (relaunched with its heap flag) kills the real helm and removes the revision's copy", async () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    for (const [f, text] of Object.entries(CHART)) repo.write(f, text);
    const r = await cancelDuringHelm(["reach", ".", "--helm", "chart"], repo.dir, "SIGTERM", { ...process.env, NETREACH_NO_RELAUNCH: "" });
    // It died of the signal, as a shell expects (status 143).
    expect(r.end).toEqual({ code: null, signal: "SIGTERM" });
    expect(r.survivors).toEqual([]);
    expect(r.left).toEqual([]);
  });

  it("SIGINT during `diff --git` kills helm at either revision and removes the materialized trees", async () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    for (const [f, text] of Object.entries(CHART)) repo.write(f, text);
    repo.commit("base");
    repo.write("chart/templates/np.yaml", "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {podSelector: {}}\n");
    repo.commit("head");
    const r = await cancelDuringHelm(["diff", "--git", "HEAD~1", "HEAD", "--helm", "chart"], repo.dir, "SIGINT", { ...isolatedGitEnv(), NETREACH_NO_RELAUNCH: "" });
    expect(r.end).toEqual({ code: null, signal: "SIGINT" });
    expect(r.survivors).toEqual([]);
    expect(r.left).toEqual([]);
  });

  it("a relaunched analysis killed outright (SIGKILL, as the kernel kills for memory): the waiting CLI kills the helm it listed, and removes its trees", async () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    for (const [f, text] of Object.entries(CHART)) repo.write(f, text);
    const r = await cancelDuringHelm(["reach", ".", "--helm", "chart"], repo.dir, "SIGKILL", { ...process.env, NETREACH_NO_RELAUNCH: "" }, "child");
    expect(r.end).toEqual({ code: 137, signal: null });
    expect(r.survivors).toEqual([]);
    expect(r.left).toEqual([]);
  });

  it("the CLI killed outright (SIGKILL, which it cannot pass on): the relaunched Node notices, kills helm and removes everything", async () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    for (const [f, text] of Object.entries(CHART)) repo.write(f, text);
    const r = await cancelDuringHelm(["reach", ".", "--helm", "chart"], repo.dir, "SIGKILL", { ...process.env, NETREACH_NO_RELAUNCH: "" });
    expect(r.end).toEqual({ code: null, signal: "SIGKILL" });
    expect(r.survivors).toEqual([]);
    expect(r.left).toEqual([]);
  });

  it("SIGHUP to a CLI run in place (NETREACH_NO_RELAUNCH=1) does the same", async () => {
    const repo = makeRepo();
    dirs.push(repo.dir);
    for (const [f, text] of Object.entries(CHART)) repo.write(f, text);
    repo.commit("base");
    const r = await cancelDuringHelm(["diff", "--git", "HEAD", "--helm", "chart"], repo.dir, "SIGHUP", { ...isolatedGitEnv(), NETREACH_NO_RELAUNCH: "1" });
    expect(r.end).toEqual({ code: null, signal: "SIGHUP" });
    expect(r.survivors).toEqual([]);
    expect(r.left).toEqual([]);
  });
});
