// Runs the bundled Action (dist/index.js) as a subprocess with the environment a GitHub runner
// gives a `uses:` step, and reads back what it left: exit code, stdout (workflow commands),
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY.
//
// The child is started asynchronously (spawn): the GitHub stand-in it talks to lives in this
// process's event loop. Its environment is built from scratch (nothing GITHUB_* / INPUT_* /
// proxy-related leaks in from the host), and a preloaded guard refuses, and reports on stderr,
// every TCP connection to anything but a loopback address.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// NETREACH_DIST: as test/support/cli.ts reads it.
export const BUNDLE = path.join(process.env.NETREACH_DIST || path.join(ROOT, "dist"), "index.js");

/** Printed on the child's stderr by the guard for every non-loopback connection attempt. */
export const NON_LOOPBACK_MARK = "NETREACH_E2E_NON_LOOPBACK";

const GUARD = `
"use strict";
const net = require("node:net");
const loopback = (h) => h === undefined || h === null || h === "" || h === "localhost" || h === "::1" || /^127\\./.test(String(h));
const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  let host;
  if (first !== null && typeof first === "object") {
    if (first.path) return original.apply(this, args); // a pipe, as net decides it
    host = first.host;
  } else if (typeof first === "number" || (typeof first === "string" && /^\\d+$/.test(first))) {
    host = args[1];
  } else {
    return original.apply(this, args); // an IPC path
  }
  if (!loopback(host)) {
    process.stderr.write("${NON_LOOPBACK_MARK} " + String(host) + "\\n");
    const err = Object.assign(new Error("e2e guard: connection to " + String(host) + " refused (loopback only)"), { code: "ECONNREFUSED" });
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return original.apply(this, args);
};
`;

/** The action's inputs and their defaults, read from action.yml. */
export function actionInputs(): Record<string, { default?: string }> {
  const doc = parseYaml(fs.readFileSync(path.join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: unknown }> };
  return Object.fromEntries(Object.entries(doc.inputs).map(([k, v]) => [k, { default: v.default === undefined ? undefined : String(v.default) }]));
}

/** The variable @actions/core reads for an input: `INPUT_<NAME upper-cased, spaces to _>`, dashes kept. */
export function inputVar(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

export interface PullRequestEvent {
  number: number;
  baseSha: string;
  headSha: string;
  labels?: readonly string[];
}

export interface RunOptions {
  /** GITHUB_WORKSPACE: the checkout. */
  workspace: string;
  /** The stand-in's URL, used as GITHUB_API_URL (and GITHUB_SERVER_URL: links only, never fetched). */
  apiUrl: string;
  /** owner/name */
  repository: string;
  event: PullRequestEvent;
  /** Inputs that differ from action.yml's defaults (by their action.yml names). */
  inputs?: Record<string, string>;
  /** The token the runner would expand `${{ github.token }}` to. */
  token?: string;
  timeoutMs?: number;
  /** PATH for the step (default: this process's), e.g. with kubectl and helm first. */
  path?: string;
  /**
   * Let the bundle start Node again with its heap flag, as on a runner (src/heap-flags.ts).
   * Default false: a fifth of a second a run, and nothing a test looks at; one test keeps it.
   */
  relaunch?: boolean;
  /** GITHUB_EVENT_NAME (default pull_request); on pull_request_target GITHUB_SHA is the base branch's tip, as on a runner. */
  eventName?: "pull_request" | "pull_request_target";
  /** Called with the Action's pid once it started (to signal it, as a cancelled job does). */
  onSpawn?: (pid: number) => void;
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  /** The raw stdout line. */
  raw: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Every stdout line that starts with `::`, parsed. */
  commands: WorkflowCommand[];
  /** From GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** The GITHUB_STEP_SUMMARY file's content. */
  summary: string;
  /** RUNNER_TEMP of this run. */
  runnerTemp: string;
}

const tempDirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  tempDirs.push(dir);
  return dir;
}

/** Removes every temp dir made by runs so far. */
export function cleanupRuns(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Undoes @actions/core's escapeData / escapeProperty. */
function unescapeCommand(s: string): string {
  return s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
}

export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const raw of stdout.split(/\r?\n/)) {
    if (!raw.startsWith("::")) continue;
    const m = /^::([A-Za-z_-]+)(?: ([^:]*))?::(.*)$/.exec(raw);
    if (!m) {
      out.push({ command: "", properties: {}, message: raw, raw });
      continue;
    }
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? "").split(",")) {
      if (kv === "") continue;
      const eq = kv.indexOf("=");
      properties[eq < 0 ? kv : kv.slice(0, eq)] = eq < 0 ? "" : unescapeCommand(kv.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeCommand(m[3]!), raw });
  }
  return out;
}

/** Parses the runner's file-command format `name<<delimiter\nvalue\ndelimiter` (and `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const lines = text.split(/\r?\n/);
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== delimiter) value.push(lines[j++]!);
      if (j >= lines.length) throw new Error(`GITHUB_OUTPUT: no closing delimiter ${delimiter} for ${name}`);
      out[name!] = value.join("\n");
      i = j;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) throw new Error(`GITHUB_OUTPUT: malformed line ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** Runs dist/index.js the way the runner runs a `node24` action. */
export async function runBundledAction(o: RunOptions): Promise<RunResult> {
  const runnerTemp = tempDir("netreach-e2e-runner-");
  const home = path.join(runnerTemp, "home");
  fs.mkdirSync(home);
  const guard = path.join(runnerTemp, "loopback-guard.cjs");
  fs.writeFileSync(guard, GUARD);
  const outputFile = path.join(runnerTemp, "github_output");
  const summaryFile = path.join(runnerTemp, "step_summary.md");
  fs.writeFileSync(outputFile, "");
  fs.writeFileSync(summaryFile, "");
  const eventFile = path.join(runnerTemp, "event.json");
  const [owner, repo] = o.repository.split("/");
  fs.writeFileSync(
    eventFile,
    JSON.stringify({
      action: "synchronize",
      number: o.event.number,
      pull_request: {
        number: o.event.number,
        state: "open",
        base: { ref: "main", sha: o.event.baseSha, repo: { name: repo, owner: { login: owner } } },
        head: { ref: "feature", sha: o.event.headSha, repo: { name: repo, owner: { login: owner } } },
        labels: (o.event.labels ?? []).map((name, i) => ({ id: 500 + i, name })),
      },
      repository: { name: repo, full_name: o.repository, owner: { login: owner } },
    }),
  );

  const env: NodeJS.ProcessEnv = {
    PATH: o.path ?? process.env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
    ...(o.relaunch ? {} : { NETREACH_NO_RELAUNCH: "1" }),
    HOME: home,
    LANG: "C.UTF-8",
    // git: no system configuration of the machine running the tests.
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    // No proxy: every request must go straight to the loopback stand-in.
    HTTPS_PROXY: "",
    HTTP_PROXY: "",
    https_proxy: "",
    http_proxy: "",
    NO_PROXY: "",
    no_proxy: "",
    NODE_OPTIONS: "",
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: o.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_API_URL: o.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_SERVER_URL: o.apiUrl,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: path.join(runnerTemp, "github_env"),
    GITHUB_PATH: path.join(runnerTemp, "github_path"),
    GITHUB_STATE: path.join(runnerTemp, "github_state"),
    // On pull_request GITHUB_SHA is the test merge commit: the Action must not use it. Point it
    // at the base tip, which is wrong on purpose.
    GITHUB_SHA: o.event.baseSha,
    GITHUB_REF: `refs/pull/${o.event.number}/merge`,
    GITHUB_HEAD_REF: "feature",
    GITHUB_BASE_REF: "main",
    GITHUB_RUN_ID: "1",
    GITHUB_RUN_NUMBER: "1",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_JOB: "netreach",
    GITHUB_ACTION: "netreach",
    GITHUB_ACTOR: "octocat",
    GITHUB_WORKFLOW: "netreach",
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: "Linux",
    RUNNER_ARCH: "X64",
    RUNNER_DEBUG: "",
  };
  for (const f of ["github_env", "github_path", "github_state"]) fs.writeFileSync(path.join(runnerTemp, f), "");

  // Every input of action.yml, with its default unless given, as the runner sets them.
  const given = { ...(o.inputs ?? {}) };
  for (const [name, spec] of Object.entries(actionInputs())) {
    let value = name in given ? given[name]! : (spec.default ?? "");
    if (!(name in given) && value === "${{ github.token }}") value = o.token ?? "ghs_fake_e2e_token";
    env[inputVar(name)] = value;
    delete given[name];
  }
  const unknown = Object.keys(given);
  if (unknown.length > 0) throw new Error(`not inputs of action.yml: ${unknown.join(", ")}`);

  const child = spawn(process.execPath, ["--require", guard, BUNDLE], { cwd: o.workspace, env, stdio: ["ignore", "pipe", "pipe"] });
  if (o.onSpawn !== undefined && child.pid !== undefined) o.onSpawn(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const timeoutMs = o.timeoutMs ?? 30_000;
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the action did not finish within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (c, s) => {
      clearTimeout(timer);
      resolve({ code: c, signal: s });
    });
  });
  return {
    code,
    signal,
    stdout,
    stderr,
    commands: parseCommands(stdout),
    outputs: parseOutputFile(fs.readFileSync(outputFile, "utf8")),
    summary: fs.readFileSync(summaryFile, "utf8"),
    runnerTemp,
  };
}
