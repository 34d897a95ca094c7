// The `netreach` command: the edge that reads files and arguments and writes stdout/stderr.
import { realpathSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { diff, reach } from "../analyze.js";
import type { Diagnostic } from "../load/diagnostic.js";
import { renderComment } from "../render/diff-md.js";
import { diffJson } from "../render/diff-json.js";
import { renderSarif } from "../render/diff-sarif.js";
import { renderDiffText } from "../render/diff-text.js";
import { plain } from "../render/escape.js";
import { reachCsvLines } from "../render/reach-csv.js";
import { reachJsonChunks } from "../render/reach-json.js";
import { reachMarkdown } from "../render/reach-md.js";
import { reachTextLines } from "../render/reach-text.js";
import { parseArgs, USAGE, type Command } from "./args.js";
import { readRevisions } from "./diff-sources.js";
import { readSources } from "./read-sources.js";
import { UsageError } from "./usage-error.js";
import { VERSION } from "../version.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${plain(d.file)}:${d.line}:${d.column}: ${d.severity}: ${plain(d.message)}`;
}

/** Writes many small pieces in batches: large reports never become one giant string. */
function writeChunks(io: Io, chunks: Iterable<string>): void {
  let batch: string[] = [];
  let size = 0;
  for (const c of chunks) {
    batch.push(c);
    size += c.length;
    if (size > 1 << 20) {
      io.out(batch.join(""));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) io.out(batch.join(""));
}

const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === "error");

function runReach(cmd: Extract<Command, { command: "reach" }>, io: Io): number {
  const sources = readSources([...cmd.paths], cmd.limits.bytes === undefined ? {} : { maxTotalBytes: cmd.limits.bytes });
  const report = reach(sources.files, { pods: cmd.pods, hostNetwork: cmd.hostNetwork, namespace: cmd.namespace, limits: cmd.limits });
  const full = { ...report, diagnostics: [...sources.diagnostics, ...report.diagnostics] };
  const render = { json: () => reachJsonChunks(full), md: () => [reachMarkdown(full)], csv: () => reachCsvLines(full), text: () => reachTextLines(full) };
  writeChunks(io, render[cmd.format]());
  for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
  // Input the API server would reject was left out: the answer is about the rest, so say so.
  return hasErrors(full.diagnostics) ? 2 : 0;
}

function runDiff(cmd: Extract<Command, { command: "diff" }>, io: Io): number {
  const revs = readRevisions(cmd.source, process.cwd(), cmd.limits.bytes);
  const report = diff(revs.base.files, revs.head.files, { pods: cmd.pods, hostNetwork: cmd.hostNetwork, namespace: cmd.namespace, gate: cmd.gate, limits: cmd.limits });
  const full = { ...report, diagnostics: [...revs.head.diagnostics, ...report.diagnostics] };
  const render = {
    json: () => JSON.stringify(diffJson(full), null, 2) + "\n",
    md: () => renderComment(full, { marker: "<!-- netreach -->" }) + "\n",
    sarif: () => JSON.stringify(renderSarif(full, { toolVersion: VERSION }), null, 2) + "\n",
    text: () => renderDiffText(full),
  };
  io.out(render[cmd.format]());
  if (cmd.output !== null) writeFileSync(cmd.output, JSON.stringify(diffJson(full), null, 2) + "\n");
  for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
  if (!full.gate.passed) return 1;
  return hasErrors(full.diagnostics) ? 2 : 0;
}

export function runCli(argv: readonly string[], io: Io): number {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.command) {
      case "help":
        io.out(USAGE);
        return 0;
      case "version":
        io.out(`netreach ${VERSION}\n`);
        return 0;
      case "reach":
        return runReach(cmd, io);
      case "diff":
        return runDiff(cmd, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`netreach: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    // Never a stack trace: say what failed in one line.
    io.err(`netreach: ${e instanceof Error ? e.message : String(e)}\n`);
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
  process.exitCode = runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
}
