// The file-system edge: command-line paths -> SourceFile texts for the core.
// Repositories under review are untrusted: no symlinks (they could point anywhere on the
// runner), no special files (a FIFO would block forever), and caps on size and count.
import * as fs from "node:fs";
import * as path from "node:path";
import { diagnostic, type Diagnostic } from "../load/object/diagnostic.js";
import type { SourceFile } from "../load/object/source.js";
import { LimitError } from "../load/limits.js";
import { UsageError } from "./usage-error.js";
import { compareNames } from "../load/workloads/walk-order.js";

import { defaultReadLimits, type ReadLimits } from "../read-limits.js";

export { defaultReadLimits, type ReadLimits } from "../read-limits.js";

const MiB = 1024 * 1024;

// The extensions kubectl reads from a directory (case-sensitive there too).
const manifestExtensions = new Set([".yaml", ".yml", ".json"]);

export interface ReadResult {
  files: SourceFile[];
  diagnostics: Diagnostic[];
  /** Files found but not read: other extensions, symlinks, special, oversized or unreadable files. */
  skippedFiles: number;
}

/**
 * `within`: a directory the paths lie in (a repository's working tree); no directory between
 * it and a path may be a symbolic link either (a committed link to a directory could point
 * anywhere on the runner).
 */
export function readSources(paths: readonly string[], limits: Partial<ReadLimits> = {}, where = "", within?: string): ReadResult {
  const lim: ReadLimits = { ...defaultReadLimits, ...limits };
  let total = 0;
  const cwd = process.cwd();
  const out: ReadResult = { files: [], diagnostics: [], skippedFiles: 0 };
  const seen = new Set<string>(); // absolute paths already read, when arguments overlap
  let full = false;
  const note = (severity: Diagnostic["severity"], file: string, message: string) =>
    out.diagnostics.push(diagnostic(severity, file, { line: 1, column: 1 }, message));

  const readFile = (abs: string, shown: string, size: number) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    if (out.files.length >= lim.maxFiles) {
      note("error", shown, `more than ${lim.maxFiles} files to read; this file and the rest are skipped`);
      full = true;
      return;
    }
    // Checked before reading, so a huge file costs nothing.
    if (size > lim.maxFileBytes) {
      out.skippedFiles++;
      note("error", shown, `file is ${formatSize(size, 1)}, over the ${formatSize(lim.maxFileBytes)} limit; skipped`);
      return;
    }
    total += size;
    if (total > lim.maxTotalBytes) throw new LimitError("bytes", total, lim.maxTotalBytes, where, true);
    const text = readText(abs);
    if (typeof text === "string") out.files.push({ path: shown, text });
    else {
      out.skippedFiles++;
      note("error", shown, `${text.problem}; skipped`);
    }
  };

  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      note("error", display(dir, cwd), `cannot read directory (${errorCode(e)}); skipped`);
      return;
    }
    entries.sort((a, b) => compareNames(a.name, b.name)); // kubectl's order: later declarations win
    for (const entry of entries) {
      if (full) return;
      const abs = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        out.skippedFiles++;
        note("note", display(abs, cwd), "symbolic link not followed; skipped");
      } else if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules") walk(abs);
      } else if (entry.isFile() && manifestExtensions.has(path.extname(entry.name))) {
        const size = statSize(abs);
        if (size === undefined) {
          out.skippedFiles++;
          note("error", display(abs, cwd), "cannot stat file; skipped");
        } else readFile(abs, display(abs, cwd), size);
      } else out.skippedFiles++;
    }
  };

  for (const p of paths) {
    if (full) break;
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p);
    } catch (e) {
      const code = errorCode(e);
      if (code === "ENOENT" || code === "ENOTDIR") throw new UsageError(`path not found: ${p}`);
      throw new UsageError(`cannot read ${p} (${code})`);
    }
    const shown = toSlashes(p);
    // Arguments are not followed either: in CI the path comes from the workflow, but what sits
    // at that path comes from the pull request.
    if (st.isSymbolicLink() || (within !== undefined && linkBetween(path.resolve(within), path.resolve(p)))) {
      out.skippedFiles++;
      note("note", shown, "symbolic link not followed; skipped");
    } else if (st.isDirectory()) walk(path.resolve(p));
    // A file named explicitly is read whatever its extension: the user asked for it.
    else if (st.isFile()) readFile(path.resolve(p), shown, st.size);
    else {
      out.skippedFiles++;
      note("note", shown, "not a regular file; skipped");
    }
  }
  return out;
}

/** Whether a directory between `root` and `abs` (below `root`) is a symbolic link. */
function linkBetween(root: string, abs: string): boolean {
  const rel = path.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return false;
  let at = root;
  for (const part of rel.split(path.sep).slice(0, -1)) {
    at = path.join(at, part);
    try {
      if (fs.lstatSync(at).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}

function statSize(abs: string): number | undefined {
  try {
    return fs.lstatSync(abs).size;
  } catch {
    return undefined;
  }
}

/** UTF-8 text without BOM, or why it could not be had. */
function readText(abs: string): string | { problem: string } {
  let bytes: Buffer;
  try {
    // O_NOFOLLOW: the entry may have been swapped for a symlink since the walk saw it.
    const fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    try {
      if (!fs.fstatSync(fd).isFile()) return { problem: "not a regular file" };
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    return { problem: `cannot read file (${errorCode(e)})` };
  }
  try {
    // fatal: mis-decoded text would give confusing YAML errors; ignoreBOM false strips a BOM.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "file is not valid UTF-8 text" };
  }
}

/** Relative to the working directory when under it, else absolute; always with forward slashes. */
function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const under = rel !== "" && rel.split(path.sep)[0] !== ".." && !path.isAbsolute(rel);
  return toSlashes(under ? rel : abs);
}

function toSlashes(p: string): string {
  return p.split(path.sep).join("/");
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? String(e);
}

/** "50.0 MiB" with `decimals`; without, limits read naturally ("16 MiB"). */
function formatSize(bytes: number, decimals?: number): string {
  const [value, unit] = bytes >= MiB ? [bytes / MiB, "MiB"] : bytes >= 1024 ? [bytes / 1024, "KiB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} bytes`;
  return `${decimals === undefined && Number.isInteger(value) ? value : value.toFixed(decimals ?? 1)} ${unit}`;
}
