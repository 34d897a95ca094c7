// Large inputs are read on every core (src/workers/read-pool.ts): worker threads started on the
// committed bundle read YAML and send the documents back as JSON (src/load/yaml/read-ahead.ts).
// What a worker reads must be exactly what the main thread would have read, a file a worker
// cannot carry back must be read by the core as before, and a worker that fails must cost
// nothing but time.
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { diff } from "../../src/analyze.js";
import type { SourceFile } from "../../src/load/object/source.js";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { fromReadAheadJson, readAhead, readAheadJson } from "../../src/load/yaml/read-ahead.js";
import { readInThreads } from "../../src/workers/read-pool.js";
import { generate } from "../../scripts/bench-cluster.js";
import { CLI, runCli, tempTree } from "../support/cli.js";

const BUNDLE = pathToFileURL(CLI);

/** A value with its key order, prototype and number identity spelled out (toEqual forgives -0 and own __proto__). */
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return ["seq", ...v.map(canon)];
  if (typeof v === "object" && v !== null) return ["map", Object.getPrototypeOf(v) === Object.prototype, ...Object.keys(v).map((k) => [k, canon((v as Record<string, unknown>)[k])])];
  if (typeof v === "number") return ["num", Object.is(v, -0) ? "-0" : String(v)];
  return [typeof v, v];
}

const documents = (f: SourceFile) => f.documents?.();

describe("what a worker sends back", () => {
  it("rebuilds the documents the fast reader reads, value for value", () => {
    // Mostly what manifests hold, now and then anything (which the fast reader may leave to the full path).
    const word = fc.stringMatching(/^[a-z][a-z0-9./ -]{0,12}$/);
    const scalar = fc.oneof({ arbitrary: word, weight: 4 }, fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constantFrom("yes", "0755", "1:20", "~", "0x1F", "1e3"));
    const key = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-zA-Z0-9.\/-]{0,12}$/), weight: 4 }, fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom("apiVersion", "kind", "constructor", "toString", "1", "10"));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, scalar, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(key, tie("node"), { maxKeys: 5 })),
    })).node;
    let carried = 0;
    fc.assert(
      fc.property(fc.array(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), { minLength: 1, maxLength: 4 }), (docs) => {
        const text = docs.map((d) => stringify(d)).join("---\n");
        const direct = readAhead(text);
        const json = readAheadJson(text);
        if (direct === undefined) expect(json).toBeNull();
        // Either carried whole, or left to the main thread: never carried wrong.
        else if (json !== null) {
          carried++;
          const back = fromReadAheadJson(json);
          expect(back.map((d) => ({ ...d, value: canon(d.value) }))).toEqual(direct.map((d) => ({ ...d, value: canon(d.value) })));
        }
      }),
      { numRuns: 200 },
    );
    // A good share of the generated files are in the fast reader's subset and carried: compared.
    expect(carried).toBeGreaterThan(40);
  });

  it("leaves to the main thread what JSON cannot carry: .inf, .nan, -0 and a __proto__ key", () => {
    for (const text of ["a: .inf\n", "a: -.inf\n", "a: .nan\n", "a: -0.0\n", "__proto__: x\n", "a:\n  __proto__:\n    b: 1\n"]) {
      expect(readAhead(text), text).toBeDefined();
      expect(readAheadJson(text), text).toBeNull();
    }
    expect(readAheadJson("a: 0\nb: 1.5\n")).not.toBeNull();
  });

  it("reads no JSON file and no file outside the fast reader's subset", () => {
    expect(readAheadJson('{"kind": "Namespace"}')).toBeNull();
    expect(readAheadJson("a: &x 1\nb: *x\n")).toBeNull(); // an alias: the full path reads it
  });
});

describe("readInThreads", () => {
  const yaml = (n: number, pad: number) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${n}\n  annotations:\n    pad: "${"x".repeat(pad)}"\n`;
  const base: SourceFile[] = [];
  for (let i = 0; i < 40; i++) base.push({ path: `ns/${i}.yaml`, text: yaml(i, 2000) });
  base.push({ path: "dump.json", text: '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "json"}}' });
  base.push({ path: "rendered.yaml", text: yaml(99, 10), lines: [1, 2, 3, 4, 5, 6] });
  const head = base.map((f, i) => (i === 3 ? { path: f.path, text: yaml(1003, 2000) } : f));
  const same = (docs: readonly { value: unknown }[] | undefined) => docs?.map((d) => ({ ...d, value: canon(d.value) }));

  it("leaves the first share to the core and hands over the later ones as the real bundle's workers read them", () => {
    const [b, h] = readInThreads([base, head], { entry: BUNDLE, threads: 3, minBytes: 0 });
    expect(b!.map((f) => f.path)).toEqual(base.map((f) => f.path));
    expect(h!.map((f) => f.text)).toEqual(head.map((f) => f.text));
    // This thread reads the first share as the core always does; a worker (this input is worth
    // one) the rest, in order.
    const handed = b!.filter((f) => f.documents !== undefined).map((f) => f.path);
    // The core reads about a tenth: it takes the workers' documents faster than they read them.
    expect(handed.length).toBeGreaterThanOrEqual(34);
    expect(handed.length).toBeLessThan(40);
    expect(handed).toEqual(base.slice(40 - handed.length, 40).map((f) => f.path));
    for (const f of b!) if (f.documents !== undefined) expect(same(documents(f)), f.path).toEqual(same(readAhead(f.text)));
    // JSON and rendered files are the core's in any case.
    expect(b!.find((f) => f.path === "dump.json")!.documents).toBeUndefined();
    expect(b!.find((f) => f.path === "rendered.yaml")!.documents).toBeUndefined();
  });

  it("hands a text's documents over once, to whichever revision is read first", () => {
    const [b, h] = readInThreads([base, head], { entry: BUNDLE, threads: 2, minBytes: 0 });
    expect(documents(b![39]!)).toBeDefined();
    // The same text at head: the core reads it once (load-sources.ts), so nothing is held for it.
    expect(documents(h![39]!)).toBeUndefined();
    expect(documents(b![39]!)).toBeUndefined();
    // A text of the head's own comes last, in a worker's share, with documents of its own.
    expect(same(documents(h![3]!))).toEqual(same(readAhead(head[3]!.text)));
  });

  it("reads on this thread alone below the size that pays for workers, with one thread, or without a bundle", () => {
    for (const options of [{ entry: BUNDLE, threads: 4 }, { entry: BUNDLE, threads: 1, minBytes: 0 }, { entry: undefined, threads: 4, minBytes: 0 }]) {
      const [b] = readInThreads([base], options);
      expect(b!.every((f) => f.documents === undefined)).toBe(true);
    }
  });

  describe("with a worker that fails", () => {
    let tree: ReturnType<typeof tempTree>;
    beforeAll(() => {
      tree = tempTree({ "package.json": '{"type": "module"}' });
      writeFileSync(join(tree.dir, "throws.js"), 'throw new Error("broken bundle");\n');
      writeFileSync(join(tree.dir, "silent.js"), "process.exit(0);\n");
    });
    afterAll(() => tree.cleanup());

    it("leaves that worker's share to the core once it makes no progress, and the diff is the same", () => {
      const want = diff(base, head, { pods: "declared" });
      for (const bundle of ["throws.js", "silent.js", "missing.js"]) {
        const [b, h] = readInThreads([base, head], { entry: pathToFileURL(join(tree.dir, bundle)), threads: 2, minBytes: 0, stallMs: 200 });
        const got = diff(b!, h!, { pods: "declared" });
        expect(got.changes.map((c) => [c.src.id, c.dst.id, c.opened.toString()])).toEqual(want.changes.map((c) => [c.src.id, c.dst.id, c.opened.toString()]));
        expect(got.diagnostics).toEqual(want.diagnostics);
        // Nothing was handed over: the worker read nothing.
        expect([...b!, ...h!].map((f) => f.documents?.()).filter((d) => d !== undefined)).toEqual([]);
      }
    });
  });

  it("reads a file the core could read too: the parsed document is the same whichever thread read it", () => {
    const [b] = readInThreads([base], { entry: BUNDLE, threads: 2, minBytes: 0 });
    for (const f of b!.slice(35, 40)) {
      expect(f.documents).toBeDefined();
      const ahead = parseDocuments(f);
      const here = parseDocuments({ path: f.path, text: f.text });
      expect(ahead.docs.map((d) => [d.index, d.line, d.span, canon(d.value), d.locate(["metadata", "name"])])).toEqual(here.docs.map((d) => [d.index, d.line, d.span, canon(d.value), d.locate(["metadata", "name"])]));
    }
  });
});

describe("netreach diff on a large input", () => {
  // About 2 MiB of YAML per revision, read with workers as an input past the threshold is.
  const g = generate({ label: "test", workloads: 2_000, namespaces: 100 });
  const env = { NETREACH_THREADED_READ_MIN_BYTES: String(2 ** 20) };
  let tree: ReturnType<typeof tempTree>;
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (const f of g.base) files[`base/${f.path}`] = f.text;
    for (const f of g.head) files[`head/${f.path}`] = f.text;
    tree = tempTree(files);
  });
  afterAll(() => tree.cleanup());

  it("writes the same report on several threads as on one", () => {
    const one = runCli(["diff", "base", "head", "--pods", "declared", "--format", "json", "--threads", "1"], tree.dir, env);
    // As a user runs it: started again with the heap flag (src/heap-flags.ts), whose workers inherit it.
    const three = runCli(["diff", "base", "head", "--pods", "declared", "--format", "json", "--threads", "3"], tree.dir, { ...env, NETREACH_NO_RELAUNCH: "" });
    expect(one.stderr).toBe(three.stderr);
    expect(one.code).toBe(three.code);
    expect(JSON.parse(one.stdout).changes.length).toBeGreaterThan(0);
    expect(three.stdout).toBe(one.stdout);
  });

  it("refuses a thread count that is no count", () => {
    for (const bad of ["0", "1.5"]) {
      const r = runCli(["diff", "base", "head", "--threads", bad], tree.dir);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toContain("--threads must be a whole number from 1 to 999");
    }
  });
});
