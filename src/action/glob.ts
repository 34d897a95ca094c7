// The files a glob names under a directory (input merge-reports): `*` and `?` within a name,
// `**` for any depth of directories. Node 20 has no fs.glob; what download-artifact leaves is a
// few files in a few directories, so a walk from the glob's fixed part is enough.
import { readdirSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";

function partRegex(part: string): RegExp {
  return new RegExp(`^${part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]")}$`);
}

/** Regular files matching `pattern` (relative to `dir`, or absolute), sorted; links are not followed. */
export function expandGlob(dir: string, pattern: string): string[] {
  const out: string[] = [];
  for (const one of pattern.split("\n").map((p) => p.trim()).filter((p) => p !== "")) {
    const abs = isAbsolute(one) ? one : join(dir, one);
    const parts = abs.split(sep);
    const fixed = parts.findIndex((p) => /[*?]/.test(p));
    if (fixed < 0) {
      out.push(abs);
      continue;
    }
    walk(parts.slice(0, fixed).join(sep) || sep, parts.slice(fixed), out);
  }
  return [...new Set(out)].sort((a, b) => (relative(dir, a) < relative(dir, b) ? -1 : 1));
}

function walk(at: string, rest: readonly string[], out: string[]): void {
  const [part, ...tail] = rest;
  if (part === undefined) return;
  let entries;
  try {
    entries = readdirSync(at, { withFileTypes: true });
  } catch {
    return;
  }
  if (part === "**") {
    walk(at, tail, out); // zero directories
    for (const e of entries) if (e.isDirectory()) walk(join(at, e.name), rest, out);
    return;
  }
  const re = partRegex(part);
  for (const e of entries) {
    if (!re.test(e.name)) continue;
    if (tail.length === 0 ? e.isFile() : e.isDirectory()) {
      if (tail.length === 0) out.push(join(at, e.name));
      else walk(join(at, e.name), tail, out);
    }
  }
}
