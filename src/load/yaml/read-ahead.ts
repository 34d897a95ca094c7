// Reading YAML in another thread (the edge's worker pool, src/workers/): what a worker computes
// for one file and how the main thread takes it back. Pure.
//
// A worker sends its documents as JSON text: the main thread's JSON.parse rebuilds them about
// three times faster than the fast reader reads YAML, and seven times faster than Node's
// structured clone would copy them (the 10,000- and 100,000-workload bench clusters). JSON carries every value the fast reader makes except non-finite
// numbers and -0 (YAML's .inf, .nan, -0.0), and a `__proto__` key is one to leave to the reader
// that knows it: such a file is sent back unread and the main thread reads it as ever.
import { parseFast } from "./fast.js";
import { normalizeLineBreaks } from "./leniency.js";
import { defaultDocumentLimits } from "./documents.js";
import type { ReadDocument } from "../object/source.js";

/** Whether a file is read by JSON.parse first (documents.ts): nothing to read ahead. */
export function looksLikeJson(text: string): boolean {
  const start = text.search(/\S/);
  return start >= 0 && (text[start] === "{" || text[start] === "[");
}

/** A file's documents as the fast reader reads them, or undefined when it does not (or JSON does). */
export function readAhead(text: string): ReadDocument[] | undefined {
  if (looksLikeJson(text)) return undefined;
  return parseFast(normalizeLineBreaks(text), defaultDocumentLimits.maxDocuments);
}

/** What a worker sends for one file: readAhead's documents as JSON, or null (the main thread reads it). */
export function readAheadJson(text: string): string | null {
  const docs = readAhead(text);
  if (docs === undefined) return null;
  let safe = true;
  const json = JSON.stringify(docs, (key, value: unknown) => {
    if (key === "__proto__" || (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0)))) safe = false;
    return value;
  });
  return safe ? json : null;
}

/** The documents a worker sent (readAheadJson's text). */
export function fromReadAheadJson(json: string): ReadDocument[] {
  return JSON.parse(json) as ReadDocument[];
}
