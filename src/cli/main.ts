// The `netreach` command: the edge that reads files and arguments and writes stdout/stderr.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { reach } from "../analyze.js";
import type { Diagnostic } from "../load/diagnostic.js";
import { plain } from "../render/escape.js";
import { reachCsv } from "../render/reach-csv.js";
import { reachJson } from "../render/reach-json.js";
import { reachMarkdown } from "../render/reach-md.js";
import { reachText } from "../render/reach-text.js";
import { parseArgs, USAGE } from "./args.js";
import { readSources } from "./read-sources.js";
import { UsageError } from "./usage-error.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const VERSION = "0.1.0";

export function formatDiagnostic(d: Diagnostic): string {
  return `${plain(d.file)}:${d.line}:${d.column}: ${d.severity}: ${plain(d.message)}`;
}

export function runCli(argv: readonly string[], io: Io): number {
  try {
    const cmd = parseArgs(argv);
    if (cmd.command === "help") {
      io.out(USAGE);
      return 0;
    }
    if (cmd.command === "version") {
      io.out(`netreach ${VERSION}\n`);
      return 0;
    }
    const sources = readSources([...cmd.paths]);
    const report = reach(sources.files, { pods: cmd.pods });
    const diagnostics = [...sources.diagnostics, ...report.diagnostics];
    const full = { ...report, diagnostics };
    switch (cmd.format) {
      case "json":
        io.out(JSON.stringify(reachJson(full), null, 2) + "\n");
        break;
      case "md":
        io.out(reachMarkdown(full));
        break;
      case "csv":
        io.out(reachCsv(full));
        break;
      case "text":
        io.out(reachText(full));
        break;
    }
    for (const d of diagnostics) io.err(formatDiagnostic(d) + "\n");
    // Input the API server would reject was left out: the answer is about the rest, so say so.
    return diagnostics.some((d) => d.severity === "error") ? 2 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`netreach: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`netreach: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const code = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
