import { describe, it, expect, beforeEach, afterEach } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readSources } from "../../src/files/read-sources.js";
import { UsageError } from "../../src/files/usage-error.js";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-read-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): string {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

const shown = (rel: string) => `${root}/${rel}`; // tmpdir is outside the working directory: absolute paths

describe("readSources", () => {
  it("walks directories recursively in sorted order, reading only .yaml, .yml and .json", () => {
    write("b.yaml", "b: 1\n");
    write("a/z.yml", "z: 1\n");
    write("a/c.json", "{}\n");
    write("a/readme.md", "# no\n");
    write("a/deeper/x.yaml", "x: 1\n");
    write("c.YAML", "upper: 1\n");
    write("notes.txt", "no\n");
    write(".git/config.yaml", "hidden: 1\n");
    write("node_modules/m/p.yaml", "dep: 1\n");
    const result = readSources([root]);
    expect(result.files).toEqual([
      { path: shown("a/c.json"), text: "{}\n" },
      { path: shown("a/deeper/x.yaml"), text: "x: 1\n" },
      { path: shown("a/z.yml"), text: "z: 1\n" },
      { path: shown("b.yaml"), text: "b: 1\n" },
    ]);
    expect(result.skippedFiles).toBe(3); // readme.md, c.YAML, notes.txt
    expect(result.diagnostics).toEqual([]);
  });

  it("reads a file named explicitly, whatever its extension, under the name given", () => {
    const abs = write("policy.txt", "kind: x\n");
    expect(readSources([abs])).toEqual({ files: [{ path: abs, text: "kind: x\n" }], diagnostics: [], skippedFiles: 0 });
  });

  it("strips a UTF-8 BOM and rejects invalid UTF-8", () => {
    write("bom.yaml", "\uFEFFa: 1\n");
    fs.writeFileSync(path.join(root, "bad.yaml"), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
    const result = readSources([root]);
    expect(result.files).toEqual([{ path: shown("bom.yaml"), text: "a: 1\n" }]);
    expect(result.skippedFiles).toBe(1);
    expect(result.diagnostics).toEqual([
      { severity: "error", file: shown("bad.yaml"), line: 1, column: 1, message: "file is not valid UTF-8 text; skipped" },
    ]);
  });

  it("does not follow symlinks, to files or directories", () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-outside-"));
    try {
      fs.writeFileSync(path.join(outside, "secret.yaml"), "secret: 1\n");
      write("real.yaml", "real: 1\n");
      fs.symlinkSync(path.join(outside, "secret.yaml"), path.join(root, "link.yaml"));
      fs.symlinkSync(outside, path.join(root, "linkdir"));
      const result = readSources([root]);
      expect(result.files).toEqual([{ path: shown("real.yaml"), text: "real: 1\n" }]);
      expect(result.skippedFiles).toBe(2);
      expect(result.diagnostics).toEqual([
        { severity: "note", file: shown("link.yaml"), line: 1, column: 1, message: "symbolic link not followed; skipped" },
        { severity: "note", file: shown("linkdir"), line: 1, column: 1, message: "symbolic link not followed; skipped" },
      ]);
      // Not even when named as an argument.
      expect(readSources([path.join(root, "linkdir")]).files).toEqual([]);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("does not read a file over the size cap, and says how big it is", () => {
    const big = write("big.yaml", "");
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written
    write("small.yaml", "s: 1\n");
    const result = readSources([root]);
    expect(result.files).toEqual([{ path: shown("small.yaml"), text: "s: 1\n" }]);
    expect(result.skippedFiles).toBe(1);
    expect(result.diagnostics).toEqual([
      { severity: "error", file: shown("big.yaml"), line: 1, column: 1, message: "file is 50.0 MiB, over the 16 MiB limit; skipped" },
    ]);
  });

  it("applies custom size limits in readable units", () => {
    write("a.yaml", "x".repeat(3000));
    const result = readSources([root], { maxFileBytes: 2048 });
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(["file is 2.9 KiB, over the 2 KiB limit; skipped"]);
  });

  it("stops after maxFiles files with an error", () => {
    for (const n of ["1", "2", "3", "4"]) write(`${n}.yaml`, `n: ${n}\n`);
    const result = readSources([root], { maxFiles: 2 });
    expect(result.files.map((f) => f.path)).toEqual([shown("1.yaml"), shown("2.yaml")]);
    expect(result.diagnostics).toEqual([
      {
        severity: "error",
        file: shown("3.yaml"),
        line: 1,
        column: 1,
        message: "more than 2 files to read; this file and the rest are skipped",
      },
    ]);
  });

  it("reads a file once when arguments overlap", () => {
    const abs = write("d/a.yaml", "a: 1\n");
    const result = readSources([path.join(root, "d"), root, abs]);
    expect(result.files).toEqual([{ path: shown("d/a.yaml"), text: "a: 1\n" }]);
  });

  it("throws a UsageError for a path that does not exist", () => {
    const missing = path.join(root, "nope");
    expect(() => readSources([missing])).toThrow(UsageError);
    expect(() => readSources([missing])).toThrow(`path not found: ${missing}`);
  });
});
