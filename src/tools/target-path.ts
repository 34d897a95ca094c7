// Target paths (a kustomization directory, a chart, a values file) come from configuration in
// the repository under review: each must name something inside the materialized tree, reached
// without symbolic links (none are written there, but a caller may pass another directory).
import * as fs from "node:fs";
import * as path from "node:path";

/** The absolute path of repository-relative `rel` below `root`, or why it cannot be used. */
export function resolveInTree(root: string, rel: string, want: "file" | "directory"): { abs: string; rel: string } | { problem: string } {
  if (rel.includes("\0") || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel)) return { problem: `${JSON.stringify(rel)} is not a path in the repository` };
  const parts = rel.split("/").filter((p) => p !== "" && p !== ".");
  if (rel.startsWith("/") || path.isAbsolute(rel) || parts.includes(".."))
    return { problem: `${JSON.stringify(rel)} must be relative to the repository root, without ".."` };
  let abs = root;
  for (const [i, part] of parts.entries()) {
    abs = path.join(abs, part);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return { problem: `${parts.join("/") || "."} does not exist in this revision` };
    }
    if (st.isSymbolicLink()) return { problem: `${parts.slice(0, i + 1).join("/")} is a symbolic link (not followed)` };
  }
  const st = fs.statSync(abs);
  if (want === "directory" ? !st.isDirectory() : !st.isFile())
    return { problem: `${parts.join("/") || "."} is not a ${want}` };
  return { abs, rel: parts.join("/") };
}

/** What lies at repository-relative `rel` below `root`, reached without links. */
export function entryAt(root: string, rel: string): "file" | "directory" | "missing" | "link" | "other" {
  let abs = root;
  for (const part of rel.split("/").filter((p) => p !== "")) {
    abs = path.join(abs, part);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(abs);
    } catch {
      return "missing";
    }
    if (st.isSymbolicLink()) return "link";
  }
  const st = fs.lstatSync(abs);
  return st.isDirectory() ? "directory" : st.isFile() ? "file" : "other";
}
