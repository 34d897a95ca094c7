// Reads one object's fields with the API server's type rules, collecting diagnostics
// positioned at the offending field. Validators use it instead of raw property access so that
// every "wrong type" is reported the same way, with file:line:column.
import { diagnostic, type Diagnostic, type Severity } from "./diagnostic.js";
import type { DocPath, KubeObject } from "./source.js";

export type Plain = Readonly<Record<string, unknown>>;

export function formatPath(path: DocPath): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

export function isPlainObject(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  private errorCount = 0;

  constructor(
    readonly object: KubeObject,
    /** Prefix for messages, e.g. `NetworkPolicy backend/allow-db`. */
    readonly subject: string,
  ) {}

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  report(severity: Severity, path: DocPath, message: string): void {
    if (severity === "error") this.errorCount++;
    const where = path.length > 0 ? `${formatPath(path)}: ` : "";
    this.diagnostics.push(diagnostic(severity, this.object.file, this.object.locate(path), `${this.subject}: ${where}${message}`));
  }

  error(path: DocPath, message: string): void {
    this.report("error", path, message);
  }

  warning(path: DocPath, message: string): void {
    this.report("warning", path, message);
  }

  note(path: DocPath, message: string): void {
    this.report("note", path, message);
  }

  // A field below `path` may be named by up to two more keys (`c.map(at, "ports")`): a loader
  // reads thousands of fields per object kind, and the path to one is made only when a
  // diagnostic needs it, not as a new array per read.

  get(path: DocPath, k1?: PathKey, k2?: PathKey): unknown {
    let cur: unknown = this.object.body;
    for (const p of path) {
      cur = step(cur, p);
      if (cur === undefined) return undefined;
    }
    if (k1 === undefined) return cur;
    cur = step(cur, k1);
    return k2 === undefined || cur === undefined ? cur : step(cur, k2);
  }

  /** True when the field is absent or null (the API treats both as unset). */
  isUnset(path: DocPath, k1?: PathKey, k2?: PathKey): boolean {
    const v = this.get(path, k1, k2);
    return v === undefined || v === null;
  }

  /** A mapping, or undefined when unset; a value of another type is an error. */
  map(path: DocPath, k1?: PathKey, k2?: PathKey): Plain | undefined {
    const v = this.get(path, k1, k2);
    if (v === undefined || v === null) return undefined;
    if (isPlainObject(v)) return v;
    this.error(below(path, k1, k2), `must be a mapping (object), not ${describe(v)}`);
    return undefined;
  }

  list(path: DocPath, k1?: PathKey, k2?: PathKey): readonly unknown[] | undefined {
    const v = this.get(path, k1, k2);
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v;
    this.error(below(path, k1, k2), `must be a list, not ${describe(v)}`);
    return undefined;
  }

  string(path: DocPath, k1?: PathKey, k2?: PathKey): string | undefined {
    const v = this.get(path, k1, k2);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    this.error(below(path, k1, k2), `must be a string, not ${describe(v)}`);
    return undefined;
  }

  /** Warns about keys the API does not know: a typo like `podselector` silently changes meaning. */
  knownKeys(path: DocPath, known: readonly string[]): void {
    const m = this.get(path);
    if (!isPlainObject(m)) return;
    for (const k in m) {
      if (!known.includes(k)) {
        this.warning([...path, k], `unknown field "${k}" (expected one of ${known.join(", ")}); the API server drops it or, with strict validation, rejects the object`);
      }
    }
  }
}

/** A key of a mapping or an index of a list. */
export type PathKey = string | number;

function step(cur: unknown, p: PathKey): unknown {
  if (typeof p === "number") return Array.isArray(cur) ? cur[p] : undefined;
  return isPlainObject(cur) ? cur[p] : undefined;
}

/** The path to a field named below `path` by up to two more keys. */
export function below(path: DocPath, k1?: PathKey, k2?: PathKey): DocPath {
  return k1 === undefined ? path : k2 === undefined ? [...path, k1] : [...path, k1, k2];
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return `${typeof v} ${String(v)}`;
}
