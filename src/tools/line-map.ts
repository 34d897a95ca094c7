// Where each line of a rendered object was written in the repository, so that a reason or a
// diagnostic on a rendered line links to the line a reviewer can edit.
//   YAML sources (kustomize resources and patches): by field path. A rendered line at
//   spec.ingress[0].ports sits at the line of the longest prefix of that path the source writes.
//   Helm templates are not YAML: by text, matching rendered lines to template lines in order.
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";

/** Field paths ("spec/ingress/0") -> the line their key or item starts on. */
export type PathLines = ReadonlyMap<string, number>;

interface Walked {
  /** path -> line, first occurrence. */
  readonly lineOf: Map<string, number>;
  /** line -> the shallowest path that starts on it. */
  readonly pathAt: Map<number, string>;
}

function walk(doc: Document, lc: LineCounter): Walked {
  const lineOf = new Map<string, number>();
  const pathAt = new Map<number, string>();
  const record = (path: string, offset: number | undefined) => {
    if (offset === undefined) return;
    const line = lc.linePos(offset).line;
    if (!lineOf.has(path)) lineOf.set(path, line);
    if (!pathAt.has(line)) pathAt.set(line, path);
  };
  const visit = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        const p = path === "" ? key : `${path}/${key}`;
        record(p, (pair.key as { range?: [number, number, number] }).range?.[0]);
        visit(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = path === "" ? String(i) : `${path}/${i}`;
        record(p, (item as { range?: [number, number, number] } | null)?.range?.[0]);
        visit(item, p);
      });
    }
  };
  const contents = doc.contents as { range?: [number, number, number] } | null;
  record("", contents?.range?.[0]);
  visit(doc.contents, "");
  return { lineOf, pathAt };
}

/** A parsed YAML source file: its documents with their field lines. */
export interface YamlSource {
  readonly docs: readonly { readonly line: number; readonly value: unknown; readonly lines: PathLines }[];
}

export function readYamlSource(text: string): YamlSource | undefined {
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return undefined;
  }
  if (!Array.isArray(docs)) return undefined;
  const out: { line: number; value: unknown; lines: PathLines }[] = [];
  for (const doc of docs) {
    const contents = doc.contents as { range?: [number, number, number] } | null;
    if (contents?.range === undefined || doc.errors.length > 0) continue;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    out.push({ line: lc.linePos(contents.range[0]).line, value, lines: walk(doc, lc).lineOf });
  }
  return { docs: out };
}

/** Field lines of a JSON 6902 patch: each operation's `path` (a JSON pointer) at the operation's line. */
export function jsonPatchLines(doc: { readonly line: number; readonly value: unknown; readonly lines: PathLines }): PathLines {
  const out = new Map<string, number>([["", doc.line]]);
  if (!Array.isArray(doc.value)) return out;
  doc.value.forEach((op, i) => {
    const pointer = (op as { path?: unknown } | null)?.path;
    if (typeof pointer !== "string") return;
    const key = pointer
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .join("/");
    const line = doc.lines.get(String(i));
    if (line !== undefined && !out.has(key)) out.set(key, line);
  });
  return out;
}

/**
 * For each line of `rendered` (one YAML document), the line of the source whose field lines are
 * `source`: the longest prefix of the rendered line's field path written there, else `fallback`.
 */
export function mapByPath(rendered: string, source: PathLines, fallback: number): number[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(rendered, { lineCounter: lc, uniqueKeys: false });
  const count = rendered.endsWith("\n") ? rendered.split("\n").length - 1 : rendered.split("\n").length;
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  const pathAt = doc === undefined ? new Map<number, string>() : walk(doc, lc).pathAt;
  const out: number[] = [];
  let current: number = fallback;
  for (let line = 1; line <= count; line++) {
    const path = pathAt.get(line);
    if (path !== undefined) current = longestPrefix(path, source) ?? fallback;
    out.push(current);
  }
  return out;
}

function longestPrefix(path: string, source: PathLines): number | undefined {
  const parts = path === "" ? [] : path.split("/");
  for (let n = parts.length; n >= 0; n--) {
    const line = source.get(parts.slice(0, n).join("/"));
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * For each line of a document helm rendered, the template line it came from: rendered lines are
 * matched in order to template lines of the same text, or to a template line holding an action
 * (`port: {{ .Values.port }}`) whose text before the action begins the rendered line. Lines
 * that match nothing (values, loops' later rounds) take the line of the last match. The search
 * stays within the template document that holds `kindLine`.
 */
export function mapByTemplate(rendered: string, template: string, kindLine: number | undefined): number[] {
  const tLines = template.split("\n");
  let from = 0;
  let to = tLines.length;
  if (kindLine !== undefined) {
    for (let i = kindLine - 1; i >= 0; i--)
      if (/^---/.test(tLines[i]!)) {
        from = i + 1;
        break;
      }
    for (let i = kindLine; i < tLines.length; i++)
      if (/^---/.test(tLines[i]!)) {
        to = i;
        break;
      }
  }
  const rLines = rendered.endsWith("\n") ? rendered.slice(0, -1).split("\n") : rendered.split("\n");
  const out: number[] = [];
  let next = from;
  let current = kindLine ?? from + 1;
  for (const r of rLines) {
    const text = r.trim();
    if (text !== "" && !text.startsWith("#")) {
      let found = false;
      for (let j = next; j < to; j++) {
        if (matches(text, tLines[j]!.trim())) {
          current = j + 1;
          next = j + 1;
          found = true;
          break;
        }
      }
      // Text no template line writes came from an action that prints (toYaml, include, tpl):
      // the first such line ahead (the search stays where it was, for the lines after it).
      if (!found) {
        for (let j = next; j < to; j++) {
          if (printsText(tLines[j]!.trim())) {
            current = j + 1;
            break;
          }
        }
      }
    }
    out.push(current);
  }
  return out;
}

/** A template line that is only an action printing text: `{{- toYaml . | nindent 4 }}`, `{{ include "x" . }}`. */
function printsText(line: string): boolean {
  if (!line.startsWith("{{") || !line.endsWith("}}")) return false;
  const inner = line.replace(/^\{\{-?\s*/, "");
  return !/^(if|else|end|with|range|define|block|\/\*|\$\w+\s*:?=)/.test(inner);
}

function matches(rendered: string, template: string): boolean {
  if (!template.includes("{{")) return rendered === template;
  const before = template.slice(0, template.indexOf("{{")).trim();
  return before !== "" && /(:|-)$/.test(before) && rendered.startsWith(before);
}
