// The analysis makes many short-lived objects beside a large heap of parsed manifests. With V8's
// default young generation (16 MiB semi-spaces) they outlive it, are promoted, and the old
// generation is marked again and again: at 100,000 workloads more time went to collecting garbage
// than to the analysis. 32 MiB semi-spaces about halve the analysis there (`npm run bench`); 64
// MiB did no better there and slowed reading at 10,000, copying more survivors per collection.
// Node takes the size only as a startup flag, so the CLI and the Action start themselves once
// more with it. NETREACH_NO_RELAUNCH=1, or the flag given already, runs in place.
import { spawnSync } from "node:child_process";
import { constants } from "node:os";

export const YOUNG_GENERATION_FLAG = "--max-semi-space-size=32";

/** The exit code of this script run again with the flag; undefined to go on in this process. */
export function relaunchWithHeapFlags(): number | undefined {
  if (process.env["NETREACH_NO_RELAUNCH"] === "1") return undefined;
  if (process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return undefined;
  const script = process.argv[1];
  if (script === undefined) return undefined;
  const r = spawnSync(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, NETREACH_NO_RELAUNCH: "1" },
  });
  // Could not start (no such binary, say): run in place rather than not at all.
  if (r.error) return undefined;
  if (r.signal) return 128 + (constants.signals[r.signal] ?? 0);
  return r.status ?? 1;
}
