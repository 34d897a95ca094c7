// The core's entry points: source files in, reports out. Pure: no I/O, no environment.
import type { SourceFile } from "./load/source.js";
import type { ReachJson } from "./report/reach-json.js";

/** Where endpoints come from (DESIGN section 4). */
export type PodsMode = "declared" | "auto" | "synthetic";

export interface AnalyzeOptions {
  readonly pods?: PodsMode;
}

export function analyzeReach(files: readonly SourceFile[], options: AnalyzeOptions = {}): ReachJson {
  void files;
  void options;
  throw new Error("not implemented yet");
}
