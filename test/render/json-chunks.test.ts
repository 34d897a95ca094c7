// JSON reports in pieces (issue 11): the same bytes as JSON.stringify, written in batches that
// wait for the output to drain.
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BATCH_CHARS, writeBatched, writeFileChunks } from "../../src/files/write-chunks.js";
import { diffJson, diffJsonChunks } from "../../src/render/diff-json.js";
import { jsonChunks, jsonList } from "../../src/render/json-chunks.js";
import { diffOf } from "./fixtures.js";
import { shopPr } from "./shop.js";

describe("jsonChunks", () => {
  it("gives JSON.stringify(value, null, 2), byte for byte", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect([...jsonChunks(v)].join("")).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
    const odd = { a: undefined, b: [undefined, () => 1], c: {}, d: [], e: { f: [{ g: "x\ny" }] }, h: new Date(0) };
    expect([...jsonChunks(odd)].join("")).toBe(JSON.stringify(odd, null, 2));
  });

  it("makes list items only as they are written", () => {
    let made = 0;
    const doc = { head: 1, list: jsonList([1, 2, 3], (n) => (made++, { n })), tail: [] };
    const chunks = jsonChunks(doc);
    chunks.next();
    expect(made).toBe(0);
    expect([...chunks].length).toBeGreaterThan(3);
    expect(made).toBe(3);
    expect([...jsonChunks(doc)].join("")).toBe(JSON.stringify({ head: 1, list: [{ n: 1 }, { n: 2 }, { n: 3 }], tail: [] }, null, 2));
  });
});

describe("diff --format json in pieces", () => {
  it("is today's document, byte for byte", () => {
    const pr = shopPr();
    const report = diffOf(pr.base, pr.head);
    expect(report.changes.length).toBeGreaterThan(0);
    expect(report.gate.violations.length).toBeGreaterThan(0);
    expect([...diffJsonChunks(report)].join("")).toBe(JSON.stringify(diffJson(report), null, 2) + "\n");
  });
});

describe("writing in batches", () => {
  it("waits for the output to drain whenever write() says it is full", async () => {
    const log: string[] = [];
    let draining = false;
    const write = (t: string) => {
      expect(draining).toBe(false); // never written to while full
      log.push(`write ${t.length}`);
      return false;
    };
    const drain = async () => {
      draining = true;
      await new Promise((r) => setTimeout(r, 1));
      draining = false;
      log.push("drain");
    };
    const pieces = Array.from({ length: 3000 }, () => "x".repeat(1000));
    await writeBatched(pieces, write, drain);
    const writes = log.filter((l) => l.startsWith("write")).map((l) => Number(l.slice(6)));
    // Batches of BATCH_CHARS (the last one shorter), each followed by a drain.
    expect(writes.length).toBe(Math.ceil(3000 / Math.ceil(BATCH_CHARS / 1000)));
    for (const n of writes.slice(0, -1)) expect(n).toBe(Math.ceil(BATCH_CHARS / 1000) * 1000);
    expect(log.filter((l) => l === "drain").length).toBe(writes.length);
  });

  it("writes a file with the pieces' bytes, and rejects when it cannot", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netreach-json-"));
    try {
      const pieces = Array.from({ length: 5000 }, (_, i) => `{"i": ${i}, "s": "${"é".repeat(i % 50)}"}\n`);
      await writeFileChunks(join(dir, "r.json"), pieces);
      expect(readFileSync(join(dir, "r.json"), "utf8")).toBe(pieces.join(""));
      await expect(writeFileChunks(join(dir, "missing", "r.json"), pieces)).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
