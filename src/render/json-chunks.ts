// JSON text in pieces, byte for byte what JSON.stringify(value, null, 2) gives: a report of a
// million changes is hundreds of megabytes, near the longest string V8 can hold, so it is never
// one string. Objects are written key by key and arrays item by item (each item one string);
// a JsonList is an array whose items are made only as they are written.

/** An array written item by item, its items made on the way (never all held as JSON values). */
export class JsonList<T = unknown> {
  constructor(
    readonly length: number,
    private readonly items: Iterable<T>,
    private readonly toJson: (item: T) => unknown,
  ) {}

  *[Symbol.iterator](): Generator<unknown> {
    for (const item of this.items) yield this.toJson(item);
  }
}

/** A list of `toJson(item)` for each item, made as it is written. */
export function jsonList<T>(items: readonly T[], toJson: (item: T) => unknown): JsonList<T> {
  return new JsonList(items.length, items, toJson);
}

/** The lists one after the other, each item made as it is written (several targets' changes). */
export function jsonConcat(lists: readonly JsonList[]): JsonList {
  const length = lists.reduce((n, l) => n + l.length, 0);
  const items: Iterable<unknown> = {
    *[Symbol.iterator]() {
      for (const l of lists) yield* l;
    },
  };
  return new JsonList(length, items, (x) => x);
}

/** JSON.stringify(value, null, 2) as pieces; `indent` is where the value starts (nested). */
export function* jsonChunks(value: unknown, indent = ""): Generator<string> {
  const inner = indent + "  ";
  if (value instanceof JsonList || Array.isArray(value)) {
    const items: Iterable<unknown> = value;
    if (value.length === 0) {
      yield "[]";
      return;
    }
    let first = true;
    for (const item of items) {
      // As JSON.stringify: undefined and functions in an array are null.
      const text = JSON.stringify(item === undefined || typeof item === "function" ? null : item, null, 2) ?? "null";
      yield `${first ? "[\n" : ",\n"}${inner}${text.replace(/\n/g, `\n${inner}`)}`;
      first = false;
    }
    yield `\n${indent}]`;
    return;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && !("toJSON" in value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    if (entries.length === 0) {
      yield "{}";
      return;
    }
    let first = true;
    for (const [k, v] of entries) {
      yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(k)}: `;
      yield* jsonChunks(v, inner);
      first = false;
    }
    yield `\n${indent}}`;
    return;
  }
  // Everything else (numbers, strings, objects with toJSON, class instances) as JSON.stringify says it.
  yield (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `\n${indent}`);
}
