// The analysis makes many short-lived objects beside a large heap of parsed manifests. With V8's
// default young generation (16 MiB semi-spaces) they outlive it, are promoted, and the old
// generation is marked again and again: at 100,000 workloads more time went to collecting garbage
// than to the analysis. 32 MiB semi-spaces about halve the analysis there (`npm run bench`); 64
// MiB did no better there and slowed reading at 10,000, copying more survivors per collection.
// Node takes the size only as a startup flag, so the CLI and the Action start themselves once
// more with it. NETREACH_NO_RELAUNCH=1, or the flag given already, runs in place.
//
// The parent then only waits, and must not outlive its child nor leave it behind: SIGTERM,
// SIGINT and SIGHUP are passed on (the child kills its tools and removes its trees, see
// tools/cleanup.ts) and the parent dies of the same signal once the child is gone. A child busy
// computing cannot take a signal until it is done, so after a grace period it is killed, and
// the tools' process groups it listed in its ledger with it. The child's temporary files all go
// into one directory the parent made (TMPDIR, also the ledger), which the parent removes
// whatever way the child ended. A child whose parent was killed outright ends itself the same
// way (tools/cleanup.ts). The child stays in the parent's process group: Ctrl-C
// and job control on a terminal reach it as they reach any program.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { constants, tmpdir } from "node:os";
import * as path from "node:path";
import { GROUP_LEDGER_ENV, GROUP_LEDGER_PREFIX, PARENT_PID_ENV } from "./tools/cleanup.js";

export const YOUNG_GENERATION_FLAG = "--max-semi-space-size=32";

const FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP"] as const;

/** How long a signalled child may take to clean up before it is killed. */
export const RELAUNCH_GRACE_MS = 5000;

/**
 * Runs this script again with the flag; this process then exits as the child does. Calls
 * `runHere` instead when the run is to go on in this process (or the child cannot start).
 */
export function relaunchWithHeapFlags(runHere: () => void): void {
  if (process.env["NETREACH_NO_RELAUNCH"] === "1") return runHere();
  if (process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return runHere();
  const script = process.argv[1];
  if (script === undefined) return runHere();
  let runDir: string;
  try {
    runDir = fs.mkdtempSync(path.join(tmpdir(), "netreach-run-"));
  } catch {
    return runHere();
  }
  const removeRunDir = () => fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  let child;
  try {
    child = spawn(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, script, ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, NETREACH_NO_RELAUNCH: "1", TMPDIR: runDir, [GROUP_LEDGER_ENV]: runDir, [PARENT_PID_ENV]: String(process.pid) },
    });
  } catch {
    removeRunDir();
    return runHere();
  }
  let received: NodeJS.Signals | undefined;
  let grace: NodeJS.Timeout | undefined;
  const forward = new Map<NodeJS.Signals, () => void>();
  for (const sig of FORWARDED)
    forward.set(sig, () => {
      received ??= sig;
      child.kill(sig);
      grace ??= setTimeout(() => child.kill("SIGKILL"), RELAUNCH_GRACE_MS);
    });
  for (const [sig, f] of forward) process.on(sig, f);
  const stopForwarding = () => {
    if (grace !== undefined) clearTimeout(grace);
    for (const [sig, f] of forward) process.removeListener(sig, f);
  };
  let settled = false;
  child.on("error", () => {
    if (settled) return;
    settled = true;
    // Could not start (no such binary, say): run in place rather than not at all.
    stopForwarding();
    removeRunDir();
    if (received !== undefined) process.kill(process.pid, received);
    else runHere();
  });
  child.on("exit", (status, signal) => {
    if (settled) return;
    settled = true;
    stopForwarding();
    try {
      // Groups still listed: the child did not get to kill them (it was killed itself).
      for (const f of fs.readdirSync(runDir))
        if (f.startsWith(GROUP_LEDGER_PREFIX)) killGroup(Number(f.slice(GROUP_LEDGER_PREFIX.length)));
      removeRunDir();
    } catch {
      // Nothing more to do.
    }
    // Die of the signal we were sent, or the one the child was stopped by, as a shell expects.
    const dieOf = received ?? (signal !== null && (FORWARDED as readonly string[]).includes(signal) ? signal : undefined);
    if (dieOf !== undefined) process.kill(process.pid, dieOf);
    else process.exitCode = signal !== null ? 128 + (constants.signals[signal] ?? 0) : (status ?? 1);
  });
}

/**
 * For the bench scripts, which run top-level code: the exit code of this script run again with
 * the flag, or undefined to go on in this process. Signals are not passed on.
 */
export function relaunchWithHeapFlagsSync(): number | undefined {
  if (process.env["NETREACH_NO_RELAUNCH"] === "1") return undefined;
  if (process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return undefined;
  const script = process.argv[1];
  if (script === undefined) return undefined;
  const r = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, NETREACH_NO_RELAUNCH: "1" },
  });
  if (r.error) return undefined;
  if (r.signal) return 128 + (constants.signals[r.signal] ?? 0);
  return r.status ?? 1;
}

function killGroup(pgid: number): void {
  if (!Number.isInteger(pgid) || pgid <= 1) return;
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // Gone.
  }
}
