import type { FieldRef, SourceRef } from "../../model/policy.js";
import type { DocPath, KubeObject, Locator } from "./source.js";

/**
 * Where an object (or a field of it) is written. An object's own line is known as it is read,
 * and is set at once; a field's line is looked up on first use: for a JSON dump, or a field deep
 * in a document, that costs a YAML parse, which a report that never shows the line should not pay.
 * A lazy reference holds the object's locator, never the object: a model keeps its source for
 * the whole run, and the object's parsed body (a Deployment's pod template, all of it) need not stay.
 */
export function sourceRef(obj: KubeObject, path: DocPath = []): SourceRef {
  // An item of a List is found by reading the List again (see KubeObject.inList).
  if (path.length === 0 && !obj.inList) return { file: obj.file, line: obj.locate(path).line };
  return lazyRef(obj.file, obj.locate, path, LINE) as SourceRef;
}

/** A field's file, line and column, looked up on first use: for diagnostics raised after loading. */
export function fieldRef(obj: KubeObject, path: DocPath): FieldRef {
  return lazyRef(obj.file, obj.locate, path, POSITION) as FieldRef;
}

// A lazy reference is `{ file, line }` (and `column`) whose position properties are getters until
// first read. Every reference shares the same getter functions, so all have one shape: object
// literals with getters of their own were each a dictionary with a closure and its context,
// together a fifth of the heap after loading. What a getter needs waits in `pending`.
const pending = new WeakMap<object, { readonly locate: Locator; readonly path: DocPath }>();

function lazyRef(file: string, locate: Locator, path: DocPath, fields: PropertyDescriptorMap): object {
  const ref = Object.defineProperties({ file }, fields);
  pending.set(ref, { locate, path });
  return ref;
}

/** Reads the position once, then keeps it as plain values (as an eager reference holds them). */
function settle(ref: object): { line: number; column: number } {
  const p = pending.get(ref);
  if (p === undefined) throw new Error("source reference without a pending position");
  const at = p.locate(p.path);
  pending.delete(ref);
  return at;
}

const LINE: PropertyDescriptorMap = {
  line: {
    get(this: object): number {
      const { line } = settle(this);
      Object.defineProperty(this, "line", { value: line, enumerable: true, configurable: true });
      return line;
    },
    enumerable: true,
    configurable: true,
  },
};

const POSITION: PropertyDescriptorMap = {
  line: {
    get(this: object): number {
      return settled(this).line;
    },
    enumerable: true,
    configurable: true,
  },
  column: {
    get(this: object): number {
      return settled(this).column;
    },
    enumerable: true,
    configurable: true,
  },
};

function settled(ref: object): { line: number; column: number } {
  const at = settle(ref);
  Object.defineProperties(ref, { line: { value: at.line, enumerable: true, configurable: true }, column: { value: at.column, enumerable: true, configurable: true } });
  return at;
}
