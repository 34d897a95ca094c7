// The CLI starts Node once more with its heap flag (src/heap-flags.ts): what a user sees, the
// output and the exit code, is exactly what a run in place gives.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../support/cli.js";

const relaunching = { NETREACH_NO_RELAUNCH: "" };

describe("the CLI run again with its heap flag", () => {
  it("prints the same report and exits with the same code (1: the gate failed)", () => {
    const args = ["diff", join(REPO, "examples", "base"), join(REPO, "examples", "head"), "--format", "json"];
    const inPlace = runCli(args);
    const again = runCli(args, REPO, relaunching);
    expect(inPlace.code).toBe(1);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe(inPlace.stdout);
    expect(again.stderr).toBe(inPlace.stderr);
  });

  it("passes usage errors and their exit code through", () => {
    const again = runCli(["diff", "--format", "yaml"], REPO, relaunching);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^netreach: /);
  });
});
