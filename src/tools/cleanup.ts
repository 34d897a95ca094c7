// What this process leaves behind if it stops: the process groups of the tools it started (helm,
// kubectl, and what they start) and its temporary directories (revision trees, tool homes).
// They are killed and removed when the process exits, and when SIGTERM, SIGINT or SIGHUP ends it
// (a cancelled CI job, Ctrl-C, a closed terminal): without this a cancelled run left helm running
// under init and its trees in the temp directory. After cleaning up, the signal is raised again
// with its default action, so the process still dies of it and its status says so (128+signal).
// A handler can only run between JavaScript turns: while the analysis itself computes, a signal
// waits for it (the relaunching parent, heap-flags.ts, does not wait that long: it kills this
// process, then the groups listed in its ledger, see GROUP_LEDGER_ENV).
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A directory, set by the relaunching parent, where each live tool group is listed as a file
 * `netreach-group-<pgid>`, so that the parent can kill them if it has to kill this process.
 */
export const GROUP_LEDGER_ENV = "NETREACH_GROUP_LEDGER";
export const GROUP_LEDGER_PREFIX = "netreach-group-";

/** The relaunching parent's pid, set by it: when it is gone (killed outright), so is this run. */
export const PARENT_PID_ENV = "NETREACH_PARENT_PID";

const groups = new Set<number>();
const dirs = new Set<string>();

export const CLEANUP_SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupNow);
  const handlers = new Map<NodeJS.Signals, () => void>();
  for (const sig of CLEANUP_SIGNALS) {
    handlers.set(sig, () => {
      cleanupNow();
      for (const [s, h] of handlers) process.removeListener(s, h);
      // No listener left: Node restores the default action, and the process ends of the signal.
      // Someone else listening (a test runner) decides for itself.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
  for (const [s, h] of handlers) process.on(s, h);
  // Orphaned (the parent was killed with SIGKILL, which it cannot pass on): end as if SIGTERM
  // had come, the parent's directory (the ledger) removed too, since no one else will.
  const parent = Number(process.env[PARENT_PID_ENV]);
  if (Number.isInteger(parent) && parent > 1 && process.ppid === parent)
    setInterval(() => {
      if (process.ppid === parent) return;
      const ledger = process.env[GROUP_LEDGER_ENV];
      if (ledger) dirs.add(ledger);
      process.kill(process.pid, "SIGTERM");
    }, 1000).unref();
}

/** Kills every live tool group and removes every temporary directory, now. Idempotent. */
export function cleanupNow(): void {
  for (const pgid of groups) killGroup(pgid);
  groups.clear();
  for (const dir of dirs) removeDir(dir);
  dirs.clear();
}

/** A process group (its leader's pid) to kill if this process ends first; returns the release. */
export function trackGroup(pgid: number): () => void {
  install();
  groups.add(pgid);
  const ledger = process.env[GROUP_LEDGER_ENV];
  const entry = ledger ? path.join(ledger, `${GROUP_LEDGER_PREFIX}${pgid}`) : undefined;
  if (entry !== undefined)
    try {
      fs.writeFileSync(entry, "");
    } catch {
      // The parent then cannot kill this group; this process still does.
    }
  return () => {
    groups.delete(pgid);
    if (entry !== undefined) fs.rmSync(entry, { force: true });
  };
}

/** A directory to remove if this process ends first; returns the release. */
export function trackDir(dir: string): () => void {
  install();
  dirs.add(dir);
  return () => void dirs.delete(dir);
}

/** Removes `dir` and stops tracking it. Never throws. */
export function removeTrackedDir(dir: string): void {
  dirs.delete(dir);
  removeDir(dir);
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function removeDir(dir: string): void {
  try {
    // Retries: a tool killed a moment ago may still be closing a file in it.
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  } catch {
    // Nothing more can be done at exit.
  }
}
