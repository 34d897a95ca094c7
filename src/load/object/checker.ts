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

  get(path: DocPath): unknown {
    let cur: unknown = this.object.body;
    for (const p of path) {
      if (typeof p === "number") cur = Array.isArray(cur) ? cur[p] : undefined;
      else cur = isPlainObject(cur) ? cur[p] : undefined;
      if (cur === undefined) return undefined;
    }
    return cur;
  }

  /** True when the field is absent or null (the API treats both as unset). */
  isUnset(path: DocPath): boolean {
    const v = this.get(path);
    return v === undefined || v === null;
  }

  /** A mapping, or undefined when unset; a value of another type is an error. */
  map(path: DocPath): Plain | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (isPlainObject(v)) return v;
    this.error(path, `must be a mapping (object), not ${describe(v)}`);
    return undefined;
  }

  list(path: DocPath): readonly unknown[] | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (Array.isArray(v)) return v;
    this.error(path, `must be a list, not ${describe(v)}`);
    return undefined;
  }

  string(path: DocPath): string | undefined {
    const v = this.get(path);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    this.error(path, `must be a string, not ${describe(v)}`);
    return undefined;
  }

  /** Warns about keys the API does not know: a typo like `podselector` silently changes meaning. */
  knownKeys(path: DocPath, known: readonly string[]): void {
    const m = this.get(path);
    if (!isPlainObject(m)) return;
    for (const k of Object.keys(m)) {
      if (!known.includes(k)) {
        this.warning([...path, k], `unknown field "${k}" (expected one of ${known.join(", ")}); the API server drops it or, with strict validation, rejects the object`);
      }
    }
  }
}

export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  return `${typeof v} ${String(v)}`;
}
