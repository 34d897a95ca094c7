// One source file -> its YAML (or JSON) documents as plain values, each with a locator.
// Untrusted input: every way a small file can make the parser or later stages explode
// (document floods, alias bombs, deep nesting, recursive aliases) is capped here.
import {
  Composer,
  isNode,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type Tags,
  type YAMLError,
} from "yaml";
import { diagnostic, type Diagnostic } from "../object/diagnostic.js";
import { makeLocator } from "./locator.js";
import { duplicateKeys } from "./duplicate-keys.js";
import { parseFast, useSchema, type FastDocument } from "./fast.js";
import { fastLocator } from "./fast-locator.js";
import { normalizeLineBreaks, repairForYaml } from "./leniency.js";
import type { DocPath, Locator, Position, SourceFile } from "../object/source.js";

export interface ParsedDocument {
  /** 0-based position of the document in its file, counting every document (also dropped ones). */
  readonly index: number;
  /** Plain JS value (objects, arrays, scalars). Aliases may share subtrees; never cyclic. */
  readonly value: unknown;
  readonly locate: Locator;
  /** 1-based line where the document's content starts. */
  readonly line: number;
  /** Offsets of the document in the file's text: to tell an edited object from an untouched one. */
  readonly span: readonly [number, number];
}

export interface DocumentLimits {
  /** Documents read per file; the rest of the file is not even parsed. */
  readonly maxDocuments: number;
  /** yaml's maxAliasCount: how often an anchored node may be expanded (alias bombs). */
  readonly maxAliasCount: number;
  /** Nesting of collections. Real manifests stay under ~30 levels, CRD schemas under ~100; yaml's
   * recursive composer overflows the stack near 800 levels (and can then crash V8 outright). */
  readonly maxDepth: number;
}

export const defaultDocumentLimits: DocumentLimits = { maxDocuments: 100_000, maxAliasCount: 100, maxDepth: 200 };

// Kubernetes tooling reads YAML with go-yaml v2 (via sigs.k8s.io/yaml): YAML 1.1 booleans
// (yes/no/on/off), octal 0755 and `<<` merge keys, but timestamps and sexagesimal numbers
// (1:20) stay strings. yaml's 1.1 schema minus the time tags is the closest match.
const dropTimeTags = (tags: Tags): Tags =>
  tags.filter((t) => typeof t === "string" || !(t.tag === "tag:yaml.org,2002:timestamp" || t.format === "TIME"));

// Duplicate keys: go-yaml v2 keeps the last value, and so does toJS; duplicateKeys() warns.
const composerOptions = { version: "1.1", customTags: dropTimeTags, logLevel: "error", uniqueKeys: false } as const;
useSchema(composerOptions);

type ParsedDoc = Document.Parsed;

export function parseDocuments(
  file: SourceFile,
  limits: Partial<DocumentLimits> = {},
): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const lim: DocumentLimits = { ...defaultDocumentLimits, ...limits };
  return parseJson(file, lim) ?? parseYaml(file, lim);
}

/** The full path alone, never the fast one (fast.ts): for tests that compare the two. */
export function parseDocumentsFull(
  file: SourceFile,
  limits: Partial<DocumentLimits> = {},
): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const lim: DocumentLimits = { ...defaultDocumentLimits, ...limits };
  return parseJson(file, lim) ?? parseYamlFull(file, lim);
}

/**
 * kubectl JSON dumps run to megabytes, and JSON.parse reads them a hundred times faster than a
 * YAML parser. Positions are only needed for diagnostics, so the YAML parse that knows them runs
 * on the first `locate` call. Anything JSON.parse refuses goes the YAML way, which reports it.
 */
function parseJson(file: SourceFile, lim: DocumentLimits): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } | undefined {
  const start = file.text.search(/\S/);
  if (start < 0 || (file.text[start] !== "{" && file.text[start] !== "[")) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch {
    return undefined;
  }
  if (deeperThan(value, lim.maxDepth)) return undefined;
  let located: Locator | undefined;
  const line = file.text.slice(0, start).split("\n").length;
  // Where the value starts is known without parsing the text as YAML: objects are placed by it.
  const top = { line, column: start - (file.text.lastIndexOf("\n", start - 1) + 1) + 1 };
  const locate: Locator = (path) => {
    if (path.length === 0) return top;
    located ??= parseYamlFull(file, lim).docs[0]?.locate ?? (() => ({ line: 1, column: 1 }));
    return located(path);
  };
  return { docs: [{ index: 0, value, locate, line, span: [0, file.text.length] }], diagnostics: [] };
}

function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function parseYaml(file: SourceFile, lim: DocumentLimits): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const text = normalizeLineBreaks(file.text);
  // Read ahead in another thread with the default cap: good for any cap that keeps them all.
  const ahead = file.documents?.();
  const fast = ahead !== undefined && ahead.length <= lim.maxDocuments ? ahead : parseFast(text, lim.maxDocuments);
  return fast ? fastDocuments(file, lim, text, fast) : parseYamlFull(file, lim);
}

/**
 * Documents the fast reader took: the same values, lines and spans as the full path. Their
 * positions below the top come from the full path, run on the first such question about a
 * document (a diagnostic, or a reason's line) over that document's text alone, once: most
 * documents are never asked, and a reason in a file of forty objects parses one of them.
 */
function fastDocuments(file: SourceFile, lim: DocumentLimits, text: string, fast: readonly FastDocument[]): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } {
  let at: ((offset: number) => Position) | undefined;
  // The locator holds the document's place, not the document: models keep locators for the run.
  const docs = fast.map((d): ParsedDocument => {
    const top: Position = { line: d.line, column: d.column };
    const [from, to] = d.span;
    let located: Locator | undefined;
    // The fast reader again, noting where entries are written; the full path where it cannot tell.
    let quick: ((path: DocPath) => number | undefined) | null | undefined;
    const locate: Locator = (path) => {
      if (path.length === 0) return top;
      at ??= positionsIn(text);
      if (quick === undefined) quick = fastLocator(text.slice(from, to)) ?? null;
      const offset = quick?.(path);
      if (offset !== undefined) return at(from + offset);
      if (located === undefined) {
        const parsed = parseText(file.path, text.slice(from, to), lim, (offset) => at!(from + offset));
        located = parsed.results[0]?.doc?.locate ?? (() => top);
      }
      return located(path);
    };
    return { index: d.index, value: d.value, locate, line: d.line, span: d.span as [number, number] };
  });
  return { docs, diagnostics: [] };
}

/** Offset to 1-based line and column in `text`; an offset past the last written character is read as that character. */
function positionsIn(text: string): (offset: number) => Position {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  // Errors found at the end of the input (an unclosed bracket) point at the last written line,
  // not at an empty line past it.
  const lastChar = Math.max(0, text.trimEnd().length - 1);
  return (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.min(offset, lastChar));
    return { line, column: col };
  };
}

function parseYamlFull(file: SourceFile, lim: DocumentLimits): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const text = normalizeLineBreaks(file.text);
  const at = positionsIn(text);
  const strict = parseText(file.path, text, lim, at);
  if (!strict.results.some((r) => r.syntaxError)) return flatten(strict);

  // Documents the grammar rejects get a second reading from the repaired text (positions mapped
  // back): those that fail only where kubectl's reader is more lenient now parse. Every other
  // document stays exactly as the strict parse read it, and so do the errors of those still failing.
  const repaired = repairForYaml(text);
  if (!repaired) return flatten(strict);
  const second = parseText(file.path, repaired.text, lim, (offset) => at(repaired.toOriginal(offset)), repaired.toOriginal);
  const byIndex = new Map(second.results.map((r) => [r.index, r]));
  const results = strict.results.map((r) => {
    const other = r.syntaxError ? byIndex.get(r.index) : undefined;
    // A repaired document that still fails for another reason reports that reason instead.
    return other && (other.doc || !other.syntaxError) ? other : r;
  });
  return flatten({ results, diagnostics: strict.diagnostics });
}

/** One document's outcome: the value, or the diagnostics that rejected it. */
interface DocResult {
  readonly index: number;
  readonly doc: ParsedDocument | undefined;
  readonly diagnostics: Diagnostic[];
  /** Rejected by the YAML grammar: kubectl's more lenient reader may still accept it (leniency.ts). */
  readonly syntaxError: boolean;
}

interface TextParse {
  readonly results: DocResult[];
  /** Diagnostics of the stream, outside any one document (caps, stray directives). */
  readonly diagnostics: Diagnostic[];
}

function flatten(parse: TextParse): { docs: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const docs: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [...parse.diagnostics];
  for (const r of parse.results) {
    if (r.doc) docs.push(r.doc);
    diagnostics.push(...r.diagnostics);
  }
  return { docs, diagnostics };
}

function parseText(
  path: string,
  text: string,
  lim: DocumentLimits,
  at: (offset: number) => Position,
  toOriginal: (offset: number) => number = (offset) => offset,
): TextParse {
  const results: DocResult[] = [];
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic["severity"], offset: number, message: string) =>
    diagnostics.push(diagnostic(severity, path, at(offset), message));

  // Parser and Composer are what yaml's parseAllDocuments runs; driving them token by token
  // lets us stop at the document cap and keep over-deep documents away from the recursive
  // composer. (The parser itself is iterative and copes with any depth.)
  const parser = new Parser();
  const composer = new Composer(composerOptions);
  const pendingIndexes: number[] = []; // the composer emits a document only when the next one starts
  const accept = (doc: ParsedDoc) => {
    const index = pendingIndexes.shift() ?? -1;
    results.push(finishDocument(path, doc, index, lim, at, toOriginal));
  };

  let count = 0;
  for (const token of parser.parse(text)) {
    if (token.type === "document") {
      if (count === lim.maxDocuments) {
        report("error", token.offset, `file has more than ${lim.maxDocuments} YAML documents; the rest of the file is skipped`);
        break;
      }
      const index = count++;
      const deep = tooDeepToken(token, lim.maxDepth);
      if (deep) {
        report("error", deep.offset, `document nests deeper than ${lim.maxDepth} levels; the document is skipped`);
        continue;
      }
      pendingIndexes.push(index);
    }
    for (const doc of composer.next(token)) accept(doc);
  }
  for (const doc of composer.end()) accept(doc);
  // Errors outside any document (e.g. a stream with only a stray directive) stay with the composer.
  for (const err of composer.streamInfo().errors) report("error", Math.max(err.pos[0], 0), syntaxMessage(err, 0));
  return { results, diagnostics };
}

function finishDocument(
  path: string,
  doc: ParsedDoc,
  index: number,
  lim: DocumentLimits,
  at: (offset: number) => Position,
  toOriginal: (offset: number) => number,
): DocResult {
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic["severity"], offset: number, message: string) =>
    diagnostics.push(diagnostic(severity, path, at(offset), message));
  const rejected = (syntaxError = false): DocResult => ({ index, doc: undefined, diagnostics, syntaxError });

  const start = isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : doc.range[0];
  const first = doc.errors[0];
  if (first) {
    // Later errors are mostly consequences of the first one; report it alone.
    report("error", first.pos[0] >= 0 ? first.pos[0] : start, syntaxMessage(first, doc.errors.length - 1));
    return rejected(true);
  }
  for (const w of doc.warnings) report("warning", w.pos[0] >= 0 ? w.pos[0] : start, `YAML warning: ${firstLine(w.message)}`);
  for (const dup of duplicateKeys(doc)) {
    report(
      "warning",
      dup.offset,
      `duplicate key \`${dup.key}\` (also at line ${at(dup.firstOffset).line}): kubectl keeps this later value and drops the earlier one`,
    );
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: lim.maxAliasCount });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    report(
      "error",
      start,
      /alias count/i.test(msg)
        ? `YAML aliases expand too often (more than ${lim.maxAliasCount} uses of an anchor; an alias bomb?); the document is skipped`
        : `YAML error: ${firstLine(msg)}; the document is skipped`,
    );
    return rejected();
  }
  // `---` alone, comments only, or an explicit null: nothing to analyze, nothing to say.
  if (value === null || value === undefined) return rejected();

  // Aliases can build what the text cannot show: cycles (an anchor used inside itself) and
  // nesting multiplied through alias chains. Later stages recurse over values, so check here.
  const shape = checkShape(value, lim.maxDepth);
  if (shape === "cycle") {
    report("error", start, "YAML alias is used inside its own anchor (a recursive structure); the document is skipped");
    return rejected();
  }
  if (shape === "too-deep") {
    report("error", start, `document nests deeper than ${lim.maxDepth} levels (through aliases); the document is skipped`);
    return rejected();
  }
  const locate = makeLocator(doc, start, at);
  const span: [number, number] = [toOriginal(doc.range[0]), toOriginal(doc.range[2])];
  return { index, doc: { index, value, locate, line: at(start).line, span }, diagnostics, syntaxError: false };
}

function firstLine(message: string): string {
  return message.split("\n", 1)[0]!.trim();
}

function syntaxMessage(err: YAMLError, more: number): string {
  const extra = more > 0 ? ` (and ${more} more ${more === 1 ? "error" : "errors"})` : "";
  return `YAML syntax error: ${firstLine(err.message)}${extra}; the document is skipped`;
}

/** First collection token nested deeper than maxDepth, walked without recursion. */
function tooDeepToken(root: CST.Document, maxDepth: number): CST.Token | undefined {
  const stack: [CST.Token, number][] = root.value ? [[root.value, 0]] : [];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth + 1 > maxDepth) return token;
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

/** Detects cycles and excessive depth in a toJS value; shared (aliased) subtrees are visited once. */
function checkShape(value: unknown, maxDepth: number): "cycle" | "too-deep" | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const height = new Map<object, number>(); // finished nodes -> levels at and below them
  const onPath = new Set<object>();
  type Frame = { node: object; children: unknown[]; next: number; below: number };
  const stack: Frame[] = [{ node: value, children: Object.values(value), next: 0, below: 0 }];
  onPath.add(value);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (typeof child !== "object" || child === null) continue;
      if (onPath.has(child)) return "cycle";
      const h = height.get(child);
      if (h !== undefined) {
        if (stack.length + h > maxDepth) return "too-deep";
        top.below = Math.max(top.below, h);
        continue;
      }
      if (stack.length + 1 > maxDepth) return "too-deep";
      onPath.add(child);
      stack.push({ node: child, children: Object.values(child), next: 0, below: 0 });
    } else {
      stack.pop();
      onPath.delete(top.node);
      const h = top.below + 1;
      height.set(top.node, h);
      const parent = stack[stack.length - 1];
      if (parent) parent.below = Math.max(parent.below, h);
    }
  }
  return undefined;
}
