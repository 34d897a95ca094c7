// A tool run that did not produce output, as a BuildResult failure.
import type { BuildFailure, BuildResult } from "./rendered.js";
import type { RunToolResult } from "./run-tool.js";
import { trimToolMessage } from "./tool-message.js";

/** The failure for a run that did not exit with status 0; undefined for a successful run. */
export function runFailure(
  tool: string,
  what: string,
  r: RunToolResult,
  timeoutMs: number,
  classify: (stderr: string) => { failure: BuildFailure; error: string } | undefined = () => undefined,
): Extract<BuildResult, { ok: false }> | undefined {
  const fail = (failure: BuildFailure, error: string, detail: string) => ({ ok: false as const, tool, failure, error, detail: trimToolMessage(detail) });
  switch (r.kind) {
    case "exited": {
      if (r.status === 0) return undefined;
      const c = classify(r.stderr);
      return fail(c?.failure ?? "failed", c?.error ?? `${what} failed (${tool} exited with status ${r.status})`, r.stderr);
    }
    case "timeout":
      return fail("timeout", `${what} took longer than ${Math.round(timeoutMs / 1000)} s; ${tool} was stopped`, r.stderr);
    case "too-much-output":
      return fail("failed", `${what} printed more output than netreach reads; ${tool} was stopped`, r.stderr);
    case "killed":
      return fail("failed", `${what} was killed (${r.signal})`, r.stderr);
    case "not-started":
      return fail("failed", `${tool} could not be started (${r.code})`, r.message);
  }
}

/**
 * Runs a build; an unexpected error (a full disk, a vanished temp dir) becomes a failed result
 * too, so one target's trouble never stops the others from being analyzed.
 */
export async function neverRejects(tool: string, build: () => Promise<BuildResult>): Promise<BuildResult> {
  try {
    return await build();
  } catch (e) {
    return { ok: false, tool, failure: "failed", error: `${tool} could not run: ${e instanceof Error ? e.message : String(e)}`, detail: "" };
  }
}
