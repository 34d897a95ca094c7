/**
 * Severity follows what the API server would do with the input:
 * - error: the object or file is rejected and left out of the analysis;
 * - warning: accepted, but not as written (defaulted, masked, ignored);
 * - note: information a reviewer should know (skipped non-manifest, unresolved named port).
 */
export type Severity = "error" | "warning" | "note";

export interface Diagnostic {
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function diagnostic(severity: Severity, file: string, pos: { line: number; column: number }, message: string): Diagnostic {
  return { severity, file, line: pos.line, column: pos.column, message };
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Stable order for reports: by file, then position, then severity. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
