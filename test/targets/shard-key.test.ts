// Shard keys and the partition: a target's shard follows from the run's target names alone, the
// shards' sizes differ by one at most, and what a shard's report carries reads back the same.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { expandGlob } from "../../src/action/glob.js";
import { parseSensitivePorts } from "../../src/gate/config.js";
import { decode, encode } from "../../src/targets/shard-report.js";
import { inShard, parseShard, shardKey, shardOf } from "../../src/targets/shard.js";

describe("shards", () => {
  it("I/N: whole numbers with 1 ≤ I ≤ N", () => {
    expect(parseShard(" 2 / 4 ")).toEqual({ ok: true, value: { index: 2, count: 4 } });
    for (const bad of ["0/4", "5/4", "2", "a/b", "1/0", "-1/2", "1.5/2"]) expect(parseShard(bad).ok, bad).toBe(false);
  });

  it("every target in exactly one shard, sizes within one, the same whatever the order of the names", () => {
    const names = Array.from({ length: 203 }, (_, i) => `app-${i}`);
    const of = shardOf(names, 8);
    const sizes = new Map<number, number>();
    for (const n of names) sizes.set(of.get(n)!, (sizes.get(of.get(n)!) ?? 0) + 1);
    expect([...sizes.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Math.max(...sizes.values()) - Math.min(...sizes.values())).toBeLessThanOrEqual(1);
    expect(shardOf([...names].reverse(), 8)).toEqual(of);
    const items = names.map((name) => ({ name }));
    const union = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((index) => inShard(items, items, { index, count: 8 }).map((t) => t.name));
    expect(union.sort()).toEqual([...names].sort());
  });

  it("a key is the name's SHA-256, 12 hex digits: the same in every run", () => {
    expect(shardKey("prod")).toBe("6754af9632a2");
    expect(shardKey("prod")).not.toBe(shardKey("prod-2"));
  });

  it("connection sets in a shard's report read back as equal sets", () => {
    const s = parseSensitivePorts("22,5432,8000-8100");
    if (!s.ok) throw new Error(s.error);
    const back = decode(JSON.parse(JSON.stringify(encode({ gate: { failOn: ["exposed"], sensitive: s.value } })))) as { gate: { sensitive: typeof s.value } };
    expect(back.gate.sensitive.equals(s.value)).toBe(true);
    expect(back.gate.sensitive.allows("TCP", 8050)).toBe(true);
    expect(back.gate.sensitive.allows("TCP", 80)).toBe(false);
  });
});

describe("merge-reports globs", () => {
  it("* within a name, ** across directories, only files, sorted", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "netreach-glob-"));
    try {
      for (const f of ["r/shard-1/a.json", "r/shard-2/b.json", "r/c.json", "r/d.txt", "other/e.json"]) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), "{}");
      }
      fs.mkdirSync(path.join(dir, "r", "dir.json"));
      const rel = (fs: string[]) => fs.map((f) => path.relative(dir, f));
      expect(rel(expandGlob(dir, "r/**/*.json"))).toEqual(["r/c.json", "r/shard-1/a.json", "r/shard-2/b.json"]);
      expect(rel(expandGlob(dir, "r/*.json"))).toEqual(["r/c.json"]);
      expect(rel(expandGlob(dir, "r/shard-?/*.json\nother/*.json"))).toEqual(["other/e.json", "r/shard-1/a.json", "r/shard-2/b.json"]);
      expect(expandGlob(dir, "nothing/*.json")).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
