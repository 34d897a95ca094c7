import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutText, fitBlocks, renderRows, utf8Size, type Block, type CappedText, type Rows } from "../../src/render/budget.js";

const rows = (name: string, n: number): Rows => ({
  head: `[${name}]`,
  rows: Array.from({ length: n }, (_, i) => `\n${name}${i}`),
  tail: "",
  more: (k) => `\n+${k}`,
});
const note = ({ omitted, trimmedRows }: { omitted: readonly string[]; trimmedRows: number }) => `NOTE(${omitted.join(",")};${trimmedRows})`;
const fit = (blocks: Block[], maxChars: number, minRows?: number) => fitBlocks(blocks, { maxChars, separator: "\n\n", note, noteAt: 1, minRows });

describe("fitBlocks", () => {
  const blocks: Block[] = [
    { name: "verdict", text: "VERDICT" },
    { name: "table", rows: rows("r", 20) },
    { name: "graph", text: "G".repeat(100), dropRank: 3 },
    { name: "list", text: "L".repeat(200), dropRank: 2 },
    { name: "assumptions", text: "A".repeat(50), dropRank: 5, afterRows: true },
    { name: "diffs", text: "D".repeat(300), dropRank: 1 },
  ];
  const whole = fit(blocks, 1e9);

  it("keeps everything, without a note, when it fits", () => {
    expect(whole).not.toContain("NOTE");
    expect(whole).toContain("r19");
    expect(whole.length).toBeLessThan(1000);
  });

  it("drops whole blocks lowest rank first and says which", () => {
    const a = fit(blocks, whole.length - 1);
    expect(a).not.toContain("DDD");
    expect(a).toContain("LLL");
    expect(a).toContain("NOTE(diffs;0)");
    const b = fit(blocks, whole.length - 300);
    expect(b).not.toContain("LLL");
    expect(b).toContain("GGG");
    expect(b).toContain("NOTE(list,diffs;0)");
  });

  it("trims rows once the droppable blocks are gone, and keeps small sections while enough rows stay", () => {
    const out = fit(blocks, 150, 5);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out).toContain("AAAA");
    expect(out).toMatch(/NOTE\(graph,list,diffs;\d+\)/);
    expect(out).toMatch(/\n\+\d+/);
    const tight = fit(blocks, 80, 5);
    expect(tight.length).toBeLessThanOrEqual(80);
    expect(tight).toMatch(/\nr\d/);
    expect(tight).not.toContain("AAAA");
    expect(tight).toContain("VERDICT");
  });

  it("trims several tables to the same number of rows", () => {
    const two: Block[] = [{ name: "v", text: "V" }, { name: "a", rows: rows("a", 10) }, { name: "b", rows: rows("b", 3) }];
    const out = fit(two, 40);
    expect(out.length).toBeLessThanOrEqual(40);
    const shownA = (out.match(/\na\d/g) ?? []).length;
    const shownB = (out.match(/\nb\d/g) ?? []).length;
    expect(shownA).toBeGreaterThan(0);
    expect(shownB).toBe(Math.min(3, shownA));
    expect(shownA).toBeLessThan(10);
    expect(out).toContain(`+${10 - shownA}`);
  });

  it("never exceeds the budget", () => {
    const blockArb: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ name: fc.string({ maxLength: 5 }), text: fc.string({ maxLength: 300 }), dropRank: fc.option(fc.nat(5), { nil: undefined }), afterRows: fc.boolean() }),
      fc.record({ name: fc.string({ maxLength: 5 }), rows: fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }).map((r) => ({ head: "H", rows: r, tail: "T", more: (n: number) => `+${n}` })) }),
    );
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 8 }), fc.nat(2000), fc.nat(8), (bs, max, noteAt) => {
        const out = fitBlocks(bs, { maxChars: max, note, noteAt, separator: "\n" });
        expect(out.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 300 },
    );
  });

  it("renders rows with the more line only when some are left out", () => {
    expect(renderRows(rows("x", 2), 5)).toBe("[x]\nx0\nx1");
    expect(renderRows(rows("x", 3), 1)).toBe("[x]\nx0\n+2");
  });
});

describe("cutText", () => {
  it("cuts to the budget with an ellipsis and never splits a surrogate pair", () => {
    expect(cutText("abcdef", 4)).toBe("abc…");
    expect(cutText("abc", 3)).toBe("abc");
    const cut = cutText("ab😀cd", 4);
    expect(cut).toBe("ab…");
    expect(cutText("abc", 0)).toBe("");
  });
});

describe("bounded by the budget, not the input", () => {
  it("counts UTF-8 bytes as Buffer does, lone surrogates as U+FFFD", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), (t) => {
        expect(utf8Size(t)).toBe(Buffer.byteLength(t, "utf8"));
      }),
      { numRuns: 200 },
    );
    expect(utf8Size("\ud800x")).toBe(4);
  });

  it("fits UTF-8 bytes when asked, cutting the text without splitting a character", () => {
    const blocks: Block[] = [{ name: "verdict", text: "→".repeat(40) }, { name: "table", rows: { head: "[t]", rows: Array.from({ length: 50 }, () => "\n⛔ row"), tail: "", more: (n) => `\n+${n}` } }];
    for (const max of [20, 60, 200, 400]) {
      const out = fitBlocks(blocks, { maxChars: max, size: utf8Size, note, noteAt: 1, separator: "\n" });
      expect(Buffer.byteLength(out)).toBeLessThanOrEqual(max);
    }
    expect(cutText("→→→→", 7, utf8Size)).toBe("→…");
  });

  it("writes rows only as far as the budget reaches", () => {
    let written = 0;
    const many: Rows = { head: "[big]", rows: { length: 1_000_000, at: (i) => (written++, `\nrow ${i}`) }, tail: "", more: (n) => `\n+${n}` };
    const out = fitBlocks([{ name: "verdict", text: "V" }, { name: "big", rows: many }], { maxChars: 1000, note, noteAt: 1, separator: "\n" });
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toContain("row 0");
    expect(written).toBeLessThan(1000);
  });

  it("drops in its turn a capped block that gave up, and keeps one that fits", () => {
    const list = (n: number): CappedText => (max, size) => {
      const t = "L".repeat(n);
      return size(t) > max ? undefined : t;
    };
    const blocks = (n: number): Block[] => [{ name: "verdict", text: "VERDICT" }, { name: "list", text: list(n), dropRank: 2 }, { name: "diffs", text: "D".repeat(50), dropRank: 1 }];
    expect(fit(blocks(10), 1000)).toContain("LLL");
    const out = fit(blocks(5000), 1000);
    expect(out).toContain("NOTE(list,diffs;0)"); // as when the whole list was written: the diffs go first
    expect(out).not.toContain("LLL");
  });
});
