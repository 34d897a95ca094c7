// Entry point of the bundled Action (dist/index.js).
import * as core from "@actions/core";
import { relaunchWithHeapFlags } from "../heap-flags.js";
import { runAction } from "./run.js";

relaunchWithHeapFlags(() => {
  runAction().catch((e: unknown) => {
    // One clear line, never a stack trace in the step's failure message.
    core.setFailed(`netreach: ${e instanceof Error ? e.message : String(e)}`);
  });
});
