// Parsed documents -> Kubernetes objects. Lists are unpacked here; which kinds matter is
// decided by the next stage, so every object is returned.
import { diagnostic, type Diagnostic } from "./object/diagnostic.js";
import { parseDocuments, type ParsedDocument } from "./yaml/documents.js";
import type { DocPath, KubeObject, Locator, SourceFile } from "./object/source.js";

/** A document (or list item) left out of the analysis, for the report's "skipped" counts. */
export interface SkippedDoc {
  readonly file: string;
  readonly line: number;
  readonly reason: "not-a-manifest" | "unknown-kind";
  readonly kind?: string;
}

type Body = Readonly<Record<string, unknown>>;

export function extractObjects(
  file: SourceFile,
  docs: readonly ParsedDocument[],
  defaultNamespace = "default",
): { objects: KubeObject[]; skipped: SkippedDoc[]; diagnostics: Diagnostic[] } {
  const objects: KubeObject[] = [];
  const skipped: SkippedDoc[] = [];
  const diagnostics: Diagnostic[] = [];

  const notAnObject = (locate: Locator) => {
    const pos = locate([]);
    skipped.push({ file: file.path, line: pos.line, reason: "not-a-manifest" });
    diagnostics.push(diagnostic("note", file.path, pos, "not a Kubernetes object (no kind/apiVersion); skipped"));
  };

  const take = (body: Body, kind: string, apiVersion: string, locate: Locator, doc: DocText, place: OwnPlace) => {
    const items = body.items;
    // `kind: List` (kubectl's generic list) and typed lists (PodList, ...) as `kubectl get -o yaml` prints them.
    // A kind that merely ends in "List" but has no items array is an ordinary (custom) object.
    if (kind.endsWith("List") && Array.isArray(items)) {
      // Items of a typed list may omit kind and apiVersion; they are those of the list.
      const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
      const itemApiVersion = kind === "List" ? undefined : apiVersion;
      items.forEach((item: unknown, i) => {
        const itemLocate = prefixed(locate, ["items", i]);
        if (!isRecord(item)) return notAnObject(itemLocate);
        const k = typeof item.kind === "string" ? item.kind : itemKind;
        const v = typeof item.apiVersion === "string" ? item.apiVersion : itemApiVersion;
        if (k === undefined || v === undefined) return notAnObject(itemLocate);
        // Write inferred fields into the body so later stages can trust body.kind/apiVersion.
        const itemBody = item.kind === k && item.apiVersion === v ? item : { ...item, apiVersion: v, kind: k };
        take(itemBody, k, v, itemLocate, doc, { kind: "item", doc, listLocate: locate, index: i, count: items.length });
      });
      return;
    }
    objects.push(new ReadObject(file.path, kind, apiVersion, body, locate, doc.text, defaultNamespace, place));
  };

  const lines = new FileLines(file.text);
  for (const [k, doc] of docs.entries()) {
    const v = doc.value;
    if (isRecord(v) && typeof v.kind === "string" && typeof v.apiVersion === "string") {
      const start = doc.span[0];
      // The first document's range starts at its content: the comments above it are the author's too.
      const ownStart = k === 0 && start > 0 && LEADING_ONLY.test(file.text.slice(0, start)) ? 0 : start;
      const docText = documentText(lines, start, doc.span[1]);
      take(v, v.kind, v.apiVersion, doc.locate, docText, { kind: "document", lines, ownStart, start, end: doc.span[1] });
    } else notAnObject(doc.locate);
  }
  return { objects, skipped, diagnostics };
}

// An object's lazy parts (its own text and line) are found from what its class holds: the file's
// line index, offsets, and for a List item the List's document. Not closures made inside
// extractObjects: those would hold its scope, and with it every object of the file and all their
// parsed values for as long as any one object is kept (a policy's, to show its text in a diff: at
// 100,000 workloads, most of the heap). And one object where closures took eight.

/** Where an object's own lines are: in a document, or an item of a List. */
type OwnPlace =
  | { readonly kind: "document"; readonly lines: FileLines; readonly ownStart: number; readonly start: number; readonly end: number }
  | { readonly kind: "item"; readonly doc: DocText; readonly listLocate: Locator; readonly index: number; readonly count: number };

class ReadObject implements KubeObject {
  readonly #place: OwnPlace;
  #own: string | undefined;
  #ownAt: number | undefined;
  /** The body holds only some of the object's fields (slimmed): the rest are read again from `text` when asked. */
  #slim = false;
  readonly inList?: true;
  readonly rendered?: boolean;

  constructor(
    readonly file: string,
    readonly kind: string,
    readonly apiVersion: string,
    public body: Body,
    readonly locate: Locator,
    readonly text: string,
    readonly defaultNamespace: string,
    place: OwnPlace,
    rendered = false,
  ) {
    this.#place = place;
    if (place.kind === "item") this.inList = true;
    if (rendered) this.rendered = true;
  }

  // Lazy: locating an item in a JSON dump costs a YAML parse, needed only when its List changed.
  get ownText(): string {
    if (this.#own === undefined) {
      const p = this.#place;
      this.#own = p.kind === "item" ? itemLines(p.doc, p.listLocate, p.index, p.count) : p.ownStart === p.start ? this.text : p.lines.text.slice(p.ownStart, p.end);
    }
    return this.#own;
  }

  get ownLine(): number {
    if (this.#ownAt === undefined) {
      const p = this.#place;
      this.#ownAt = p.kind === "item" ? p.listLocate(["items", p.index]).line : p.lines.lineAt(p.ownStart);
    }
    return this.#ownAt;
  }

  /** Keeps only these fields of the body (see slimmed). */
  slim(keys: readonly string[]): void {
    const kept: Record<string, unknown> = {};
    for (const key of keys) if (Object.hasOwn(this.body, key)) kept[key] = this.body[key];
    this.body = kept;
    this.#slim = true;
  }

  /** The whole body: read again from the document's text when slimmed (an item of a List: only what was kept). */
  whole(): Body {
    if (!this.#slim || this.inList) return this.body;
    const value = parseDocuments({ path: this.file, text: this.text }).docs[0]?.value;
    return isRecord(value) ? value : this.body;
  }

  /**
   * The object read from rendered text, with positions in the file it was written in: `lines[n]`
   * is the written line of rendered line n + 1. Its own line stays the rendered one (its text is).
   */
  atWrittenLines(lines: readonly number[]): KubeObject {
    const locate = this.locate; // not `this`: the locator is kept with the models, the object need not be
    const mapped: Locator = (path) => {
      const p = locate(path);
      return { line: writtenLine(lines, p.line), column: p.column };
    };
    return new ReadObject(this.file, this.kind, this.apiVersion, this.body, mapped, this.text, this.defaultNamespace, this.#place, true);
  }
}

/**
 * Keeps only these fields of an object's body once what the run needs of it is loaded (its model
 * is in the run's memo): a Deployment's pod template, a policy's rules, are not held while the
 * other files are read, and die young, before the collector copies them. Read its whole body with
 * wholeBody. Only for objects extractObjects made, not yet seen by anything else.
 */
export function slimmed(o: KubeObject, keys: readonly string[]): void {
  if (!(o instanceof ReadObject)) throw new Error("slimmed: not an object extractObjects made");
  o.slim(keys);
}

/** An object's whole body, however slimmed (see slimmed). */
export function wholeBody(o: KubeObject): KubeObject["body"] {
  return o instanceof ReadObject ? o.whole() : o.body;
}

/** The written line of rendered line `line` (`lines`: see ReadObject.atWrittenLines). */
export function writtenLine(lines: readonly number[], line: number): number {
  return lines[line - 1] ?? lines[lines.length - 1] ?? line;
}

/** An object extracted here, at the lines of the file it was written in (rendered text: see ReadObject). */
export function atWrittenLines(o: KubeObject, lines: readonly number[]): KubeObject {
  if (!(o instanceof ReadObject)) throw new Error("atWrittenLines: not an object extractObjects made");
  return o.atWrittenLines(lines);
}

/** A file's text and, counted on demand (only Lists and changed objects need it), its line breaks. */
class FileLines {
  private breaks: ((offset: number) => number) | undefined;
  constructor(readonly text: string) {}
  /** The 1-based line of an offset. */
  lineAt(offset: number): number {
    this.breaks ??= lineBreakCounter(this.text);
    return this.breaks(offset) + 1;
  }
}

function documentText(lines: FileLines, start: number, end: number): DocText {
  let firstLine: number | undefined;
  return {
    text: lines.text.slice(start, end),
    get firstLine() {
      return (firstLine ??= lines.lineAt(start));
    },
  };
}

/** A document's text and the file line it starts on. */
interface DocText {
  readonly text: string;
  readonly firstLine: number;
}

const LINE_BREAK = /\r\n|\r|\n/;
/** Comments, blank lines and document markers only. */
const LEADING_ONLY = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)|---[ \t]*(?:\r\n|\r|\n))*$/;

/** The number of line breaks (`\r\n`, `\r` or `\n`) in text.slice(0, offset), for any offset. */
function lineBreakCounter(text: string): (offset: number) => number {
  const ends: number[] = [];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) ends.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    // A slice that ends between \r and \n holds a lone \r: a break of its own.
    return lo + (text[offset - 1] === "\r" && text[offset] === "\n" ? 1 : 0);
  };
}

/** The lines of item i of a List: from its line up to the next item's line (or the document's end). */
function itemLines(doc: DocText, listLocate: Locator, i: number, count: number): string {
  const lines = doc.text.split(LINE_BREAK);
  const from = listLocate(["items", i]).line - doc.firstLine;
  const to = i + 1 < count ? listLocate(["items", i + 1]).line - doc.firstLine : lines.length;
  // Items written on one line (a flow sequence) share it.
  return lines.slice(from, Math.max(to, from + 1)).join("\n");
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A locator for a sub-value: paths relative to the item, positions from the whole document. */
function prefixed(locate: Locator, prefix: DocPath): Locator {
  return (path) => locate([...prefix, ...path]);
}
