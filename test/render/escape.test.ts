import { describe, expect, it } from "vitest";
import { csvCell, md, mdCode, plain } from "../../src/render/escape.js";

describe("escaping PR-controlled text", () => {
  it("md: no HTML, formatting, links, mentions or autolinks survive", () => {
    const out = md("<b>x</b> *y* [z](http://evil) @org/team www.evil.example https://evil.example\nnext");
    expect(out).not.toMatch(/<b>/);
    expect(out).not.toMatch(/https?:\/\//);
    expect(out).not.toMatch(/www\./);
    expect(out).not.toMatch(/@org/);
    expect(out).not.toContain("\n");
    expect(out).toContain("\\[z\\]\\(http:/\u200b/evil\\)");
  });

  it("mdCode: a code span cannot be closed or break a table row", () => {
    expect(mdCode("a`b|c\nd")).toBe("`aˋb¦c d`");
  });

  it("csv: quotes and formula injection", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
  });

  it("plain: control characters are shown, never interpreted", () => {
    expect(plain("a\u001b[2Jb\nc")).toBe("a\\x1b[2Jb\\nc");
  });
});
