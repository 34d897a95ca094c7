// Command-line parsing for `netreach reach` and `netreach diff` (DESIGN section 6).
import type { PodsMode } from "../analyze.js";
import { UsageError } from "./usage-error.js";

export const REACH_FORMATS = ["text", "json", "md", "csv"] as const;
export type ReachFormat = (typeof REACH_FORMATS)[number];
export const PODS_MODES: readonly PodsMode[] = ["auto", "declared", "synthetic"];

export type Command =
  | { readonly command: "help" }
  | { readonly command: "version" }
  | { readonly command: "reach"; readonly paths: readonly string[]; readonly format: ReachFormat; readonly pods: PodsMode };

export const USAGE = `Usage:
  netreach reach <path>... [--format text|json|md|csv] [--pods auto|declared|synthetic]
  netreach diff <base> <head> [--format md|text|json|sarif] [--pods ...] [--fail-on ...]
  netreach diff --git <base-rev> [<head-rev>] [-- <pathspec>...]

Exit codes: 0 ok, 1 the gate failed, 2 bad usage or invalid input.
`;

export function parseArgs(argv: readonly string[]): Command {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === "help" || cmd === "--help" || cmd === "-h") return { command: "help" };
  if (cmd === "--version" || cmd === "-v" || cmd === "version") return { command: "version" };
  if (cmd !== "reach") throw new UsageError(`unknown command "${cmd}"`);

  const paths: string[] = [];
  let format: ReachFormat = "text";
  let pods: PodsMode = "auto";
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--format") format = oneOf(flag, value(), REACH_FORMATS);
    else if (flag === "--pods") pods = oneOf(flag, value(), PODS_MODES);
    else if (flag === "--") paths.push(...rest.slice(i + 1)), (i = rest.length);
    else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown option "${flag}"`);
    else paths.push(arg);
  }
  if (paths.length === 0) throw new UsageError("reach needs at least one file or directory");
  return { command: "reach", paths, format, pods };
}

function oneOf<T extends string>(flag: string, v: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${v}"`);
  return v as T;
}
