// A repository revision held in memory, as target resolution reads one (files, texts, directories).
import type { DiscoverTree } from "../../src/targets/discover.js";

export function memoryTree(files: Record<string, string>): DiscoverTree {
  const dirs = new Set<string>([""]);
  for (const f of Object.keys(files)) f.split("/").slice(0, -1).forEach((_, i, a) => dirs.add(a.slice(0, i + 1).join("/")));
  return { files: Object.keys(files), read: (f) => files[f], isDir: (d) => dirs.has(d) };
}
