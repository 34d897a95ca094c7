import type { FieldRef, SourceRef } from "../../model/policy.js";
import type { DocPath, KubeObject, Locator } from "./source.js";

/**
 * Where an object (or a field of it) is written. The line is looked up on first use: for a JSON
 * dump that costs a YAML parse, which a report that never shows the line should not pay.
 * The getter holds the object's locator, never the object: a model keeps its source for the
 * whole run, and the object's parsed body (a Deployment's pod template, all of it) need not stay.
 */
export function sourceRef(obj: KubeObject, path: DocPath = []): SourceRef {
  return lazySourceRef(obj.file, obj.locate, path);
}

function lazySourceRef(file: string, locate: Locator, path: DocPath): SourceRef {
  let line: number | undefined;
  return {
    file,
    get line() {
      return (line ??= locate(path).line);
    },
  };
}

/** A field's file, line and column, looked up on first use: for diagnostics raised after loading. */
export function fieldRef(obj: KubeObject, path: DocPath): FieldRef {
  return lazyFieldRef(obj.file, obj.locate, path);
}

function lazyFieldRef(file: string, locate: Locator, path: DocPath): FieldRef {
  let pos: { line: number; column: number } | undefined;
  return {
    file,
    get line() {
      return (pos ??= locate(path)).line;
    },
    get column() {
      return (pos ??= locate(path)).column;
    },
  };
}
