// Entry point of the bundled Action (dist/index.js).
import * as core from "@actions/core";
import { relaunchWithHeapFlags } from "../heap-flags.js";
import { runAction } from "./run.js";
import { runReadWorker } from "../workers/read-worker.js";

// A worker thread started on this bundle to read YAML (workers/read-pool.ts) does only that.
if (!runReadWorker()) {
  relaunchWithHeapFlags(() => {
    runAction(process.env, new URL(import.meta.url)).catch((e: unknown) => {
      // Nothing was analyzed: a later step reading `gate` must not take it for a pass.
      core.setOutput("gate", "error");
      // One clear line, never a stack trace in the step's failure message.
      core.setFailed(`netreach: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
}
