// The line where an object is written in its source file, found by kind and name: the tools say
// which file an object came from but not where in it. Best effort; undefined when unsure.
import { LineCounter, parseAllDocuments } from "yaml";

/**
 * 1-based line of the document of kind `kind` whose metadata.name is `name`, or, failing that,
 * the only one whose name is part of `name` (kustomize's namePrefix/nameSuffix).
 */
export function objectLine(text: string, kind: string, name: string): number | undefined {
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs)) return undefined;
  const found: { name: string; line: number }[] = [];
  for (const doc of docs) {
    const contents = doc.contents as { range?: [number, number, number] } | null;
    if (contents?.range === undefined) continue;
    if (doc.get("kind") !== kind) continue;
    const n = doc.getIn(["metadata", "name"]);
    if (typeof n === "string" && n !== "") found.push({ name: n, line: lc.linePos(contents.range[0]).line });
  }
  const exact = found.filter((f) => f.name === name);
  if (exact.length === 1) return exact[0]!.line;
  const part = found.filter((f) => name.includes(f.name));
  return part.length === 1 ? part[0]!.line : undefined;
}

/**
 * Helm: 1-based line of the `kind:` line for the `index`-th object a template rendered, when the
 * template's top-level `kind:` lines match the rendered kinds one for one; otherwise the only
 * top-level `kind: <kind>` line, if there is exactly one.
 */
export function templateKindLine(template: string, renderedKinds: readonly string[], index: number): number | undefined {
  const kindLines: { kind: string; line: number }[] = [];
  template.split("\n").forEach((l, i) => {
    const m = /^kind:\s*["']?([A-Za-z0-9]+)["']?\s*(#.*)?$/.exec(l.trimEnd());
    if (m) kindLines.push({ kind: m[1]!, line: i + 1 });
  });
  const kind = renderedKinds[index];
  if (kindLines.length === renderedKinds.length && kindLines.every((k, i) => k.kind === renderedKinds[i])) return kindLines[index]!.line;
  const same = kindLines.filter((k) => k.kind === kind);
  return same.length === 1 ? same[0]!.line : undefined;
}
