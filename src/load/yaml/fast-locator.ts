// Where a path is written in a document the fast reader took (fast.ts), found as the full path's
// locator finds it (locator.ts) without composing the document with the `yaml` package: a
// reason's line asks this of one document, and a pull request that changes a thousand policies
// asks it of a thousand documents, where composing each was most of the time its report took.
import type { DocPath } from "../object/source.js";
import { parseFastTracked } from "./fast.js";

/**
 * For a document's own text: the offset in it where a path is written (the nearest existing
 * ancestor's, as the full path answers for a path that leads nowhere), or undefined where only
 * the full path can tell (an empty sequence item). Undefined when the text is outside the fast subset.
 */
export function fastLocator(text: string): ((path: DocPath) => number | undefined) | undefined {
  const tracked = parseFastTracked(text);
  if (tracked === undefined) return undefined;
  const { document, where } = tracked;
  return (path) => {
    let node: unknown = document.value;
    let offset = document.start;
    for (const segment of path) {
      if (typeof node !== "object" || node === null) break;
      const entries = where.get(node)!;
      let at: number | undefined;
      if (Array.isArray(entries)) {
        if (typeof segment !== "number") break;
        at = entries[segment];
      } else at = (entries as ReadonlyMap<string, number>).get(String(segment));
      if (at === undefined) break; // missing: stay at the nearest existing ancestor
      if (at < 0) return undefined;
      offset = at;
      node = Array.isArray(node) ? node[segment as number] : (node as Record<string, unknown>)[String(segment)];
    }
    return offset;
  };
}
