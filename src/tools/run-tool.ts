// The one place kustomize, kubectl and helm are started. Arguments go in an array (no shell);
// the process gets its own process group so that a timeout kills it and everything it started
// (kustomize starts git); output is capped; the environment is whatever the caller built
// (see tool-env.ts), never the runner's own. The group is also killed if netreach itself ends
// first (cleanup.ts).
import { spawn } from "node:child_process";
import { trackGroup } from "./cleanup.js";

export interface RunToolOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The process group is killed after this long. */
  readonly timeoutMs: number;
  /** Larger standard output kills the process group. */
  readonly maxOutputBytes: number;
}

export type RunToolResult =
  | { readonly kind: "exited"; readonly status: number; readonly stdout: Buffer; readonly stderr: string }
  | { readonly kind: "timeout"; readonly stderr: string }
  | { readonly kind: "too-much-output"; readonly stderr: string }
  | { readonly kind: "killed"; readonly signal: string; readonly stderr: string }
  | { readonly kind: "not-started"; readonly code: string; readonly message: string };

// Enough to show why a tool failed; the rest of a runaway error stream is dropped.
const MAX_STDERR_BYTES = 64 * 1024;

/** Runs `file args…` to completion; never rejects. */
export function runTool(file: string, args: readonly string[], opts: RunToolOptions): Promise<RunToolResult> {
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(file, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      resolve({ kind: "not-started", code: err.code ?? "error", message: err.message });
      return;
    }
    const out: Buffer[] = [];
    let outBytes = 0;
    const err: Buffer[] = [];
    let errBytes = 0;
    let ended: "timeout" | "too-much-output" | undefined;
    const killGroup = (why: "timeout" | "too-much-output") => {
      ended ??= why;
      try {
        // Negative pid: the whole group (detached made the child its leader).
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    };
    const untrack = child.pid !== undefined ? trackGroup(child.pid) : () => {};
    const timer = setTimeout(() => killGroup("timeout"), opts.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > opts.maxOutputBytes) killGroup("too-much-output");
      else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (errBytes < MAX_STDERR_BYTES) err.push(chunk.subarray(0, MAX_STDERR_BYTES - errBytes));
      errBytes += chunk.length;
    });
    child.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      untrack();
      resolve({ kind: "not-started", code: e.code ?? "error", message: e.message });
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      // A tool that exits while its children still run (git started by kustomize): kill them too.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Nothing left.
        }
      }
      untrack();
      const stderr = Buffer.concat(err).toString("utf8");
      if (ended !== undefined) resolve({ kind: ended, stderr });
      else if (status === null) resolve({ kind: "killed", signal: signal ?? "signal", stderr });
      else resolve({ kind: "exited", status, stdout: Buffer.concat(out), stderr });
    });
  });
}
