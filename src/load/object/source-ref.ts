import type { FieldRef, SourceRef } from "../../model/policy.js";
import type { DocPath, KubeObject } from "./source.js";

/**
 * Where an object (or a field of it) is written. The line is looked up on first use: for a JSON
 * dump that costs a YAML parse, which a report that never shows the line should not pay.
 */
export function sourceRef(obj: KubeObject, path: DocPath = []): SourceRef {
  let line: number | undefined;
  return {
    file: obj.file,
    get line() {
      return (line ??= obj.locate(path).line);
    },
  };
}

/** A field's file, line and column, looked up on first use: for diagnostics raised after loading. */
export function fieldRef(obj: KubeObject, path: DocPath): FieldRef {
  let pos: { line: number; column: number } | undefined;
  return {
    file: obj.file,
    get line() {
      return (pos ??= obj.locate(path)).line;
    },
    get column() {
      return (pos ??= obj.locate(path)).column;
    },
  };
}
