// `netreach <command> --help` (and -h) prints that command's usage to stdout and exits 0, as
// `netreach --help` prints all of them: before, `reach --help` was an unknown option (exit 2).
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";

describe("help", () => {
  const each: [string[], RegExp, RegExp | undefined][] = [
    [["reach", "--help"], /^Usage:\n {2}netreach reach <path>/, /netreach diff/],
    [["reach", "-h"], /^Usage:\n {2}netreach reach <path>/, /netreach diff/],
    [["reach", "some/dir", "--format", "json", "--help"], /^Usage:\n {2}netreach reach <path>/, /netreach diff/],
    [["diff", "--help"], /^Usage:\n {2}netreach diff <base> <head>/, /netreach reach/],
    [["diff", "-h"], /^Usage:\n {2}netreach diff <base> <head>/, /netreach reach/],
    [["diff", "--git", "main", "--help"], /^Usage:\n {2}netreach diff <base> <head>/, /netreach reach/],
    [["help", "reach"], /^Usage:\n {2}netreach reach <path>/, /netreach diff/],
    [["help", "diff"], /^Usage:\n {2}netreach diff <base> <head>/, /netreach reach/],
    [["check", "--help"], /^Usage:\n {2}netreach check \[<path>\.\.\. \| --git <rev>\]/, /netreach diff/],
    [["check", "-h"], /^Usage:\n {2}netreach check \[<path>/, /netreach reach/],
    [["check", "--git", "main", "--help"], /^Usage:\n {2}netreach check \[<path>/, /netreach diff/],
    [["help", "check"], /^Usage:\n {2}netreach check \[<path>/, /netreach diff/],
    [["help", "--help"], /^Usage:\n {2}netreach help \[/, undefined],
    [["version", "--help"], /^Usage:\n {2}netreach version/, undefined],
    [["--help"], /^Usage:\n {2}netreach reach <path>[^]*netreach diff <base>[^]*netreach check \[/, undefined],
    [["-h"], /^Usage:\n {2}netreach reach <path>[^]*netreach diff <base>/, undefined],
    [["help"], /^Usage:\n {2}netreach reach <path>[^]*netreach diff <base>/, undefined],
  ];
  for (const [args, usage, notThere] of each)
    it(`netreach ${args.join(" ")}`, () => {
      const r = runCli(args);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(usage);
      if (notThere) expect(r.stdout).not.toMatch(notThere);
    });

  it("shows each command's own options, the bounds included", () => {
    const reach = runCli(["reach", "--help"]).stdout;
    const diff = runCli(["diff", "--help"]).stdout;
    expect(reach).toContain("--group");
    expect(reach).not.toContain("--fail-on");
    expect(diff).toContain("--fail-on");
    expect(diff).not.toContain("--group");
    const check = runCli(["check", "--help"]).stdout;
    expect(check).toContain("--suggest");
    expect(check).not.toContain("--fail-on");
    expect(diff).not.toContain("--suggest");
    for (const u of [reach, diff, check]) {
      expect(u).toContain("--max-targets N");
      expect(u).toContain("--deadline SECONDS");
      expect(u).toContain("-h, --help");
    }
  });

  it("after `--`, --help is a pathspec, not a request for help", () => {
    const r = runCli(["diff", "a", "b", "--", "--help"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("diff needs <base> and <head>");
  });

  it("a usage error shows the usage of the command it was about", () => {
    const r = runCli(["reach", "--format", "yaml", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^netreach: --format must be one of/);
    expect(r.stderr).toContain("netreach reach <path>");
    expect(r.stderr).not.toContain("--fail-on");
  });

  it("help for a command that does not exist is a usage error", () => {
    const r = runCli(["help", "deploy"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no help for "deploy"');
  });
});
