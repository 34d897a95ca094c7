// Entry point of the bundled Action (dist/index.js).
import * as core from "@actions/core";
import { relaunchWithHeapFlags } from "../heap-flags.js";
import { runAction } from "./run.js";

relaunchWithHeapFlags(() => {
  runAction().catch((e: unknown) => {
    // Nothing was analyzed: a later step reading `gate` must not take it for a pass.
    core.setOutput("gate", "error");
    // One clear line, never a stack trace in the step's failure message.
    core.setFailed(`netreach: ${e instanceof Error ? e.message : String(e)}`);
  });
});
