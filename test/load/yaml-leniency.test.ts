// YAML as kubectl reads it. Every case is run through the real kubectl (offline, `label --local`)
// and through netreach's reader: both accept it with the same value, or both reject it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocuments } from "../../src/load/yaml/documents.js";
import { repairForYaml } from "../../src/load/yaml/leniency.js";
import { kubectlRead } from "../support/kube-tools.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";

interface Case {
  readonly name: string;
  /** Top-level keys written after a ConfigMap's apiVersion/kind/metadata. */
  readonly body: string;
  /** The extra keys as both readers must see them, or "reject". */
  readonly expect: Record<string, unknown> | "reject";
}

// Classes where the `yaml` package alone is stricter than kubectl (see src/load/yaml/leniency.ts).
const lenient: Record<string, Case[]> = {
  "flow-indent: flow collection lines indented less than their block, or with tabs": [
    { name: "tab-led item in a flow sequence (acs-security-demos)", body: 'a:\n  args:\n    [\n\t"-listen",\n      ":8080",\n    ]\n', expect: { a: { args: ["-listen", ":8080"] } } },
    { name: "items at column 0", body: 'a:\n  args: [\n"x",\n"y"]\n', expect: { a: { args: ["x", "y"] } } },
    { name: "closing bracket at column 0", body: 'a:\n  args: [\n    "x"\n]\n', expect: { a: { args: ["x"] } } },
    { name: "flow mapping at column 0", body: "a:\n  b: {\nc: 1}\n", expect: { a: { b: { c: 1 } } } },
    { name: "nested flow sequence across lines", body: "a: {b: [1,\n2]}\n", expect: { a: { b: [1, 2] } } },
    { name: "tab-led flow mapping in a sequence", body: "spec:\n  ports: [\n\t{port: 80}\n  ]\n", expect: { spec: { ports: [{ port: 80 }] } } },
    { name: "flow sequence in a block sequence", body: "x:\n  - [1,\n2]\n", expect: { x: [[1, 2]] } },
    { name: "tab-indented keys of a flow mapping", body: "a: {\n\tb: 1,\n\tc: 2\n}\n", expect: { a: { b: 1, c: 2 } } },
    { name: "multi-line plain scalar in a flow sequence", body: "a:\n  b: [foo\nbar]\n", expect: { a: { b: ["foo bar"] } } },
  ],
  "quoted-indent: quoted continuation lines indented less than their block": [
    { name: "double-quoted", body: 'a:\n  b: "foo\nbar"\n', expect: { a: { b: "foo bar" } } },
    { name: "single-quoted", body: "a:\n  b: 'foo\nbar'\n", expect: { a: { b: "foo bar" } } },
    { name: "double-quoted with an escape", body: 'a:\n  b: "foo\\"\nbar"\n', expect: { a: { b: 'foo" bar' } } },
  ],
  "comment-space: a comment right after a closing quote or flow indicator": [
    { name: "after ]", body: "a: [1,2]# x\n", expect: { a: [1, 2] } },
    { name: "after }", body: "a: {b: 1}# x\n", expect: { a: { b: 1 } } },
    { name: "after a closing quote", body: 'a: "b"# x\n', expect: { a: "b" } },
    { name: "after a comma", body: "a: [1,# x\n  2]\n", expect: { a: [1, 2] } },
  ],
  "duplicate keys: the last value wins (with a warning)": [
    { name: "top level", body: "a: 1\na: 2\n", expect: { a: 2 } },
    { name: "nested", body: "a:\n  b: 1\n  b: 2\n", expect: { a: { b: 2 } } },
  ],
};

// What kubectl rejects stays rejected.
const rejected: Case[] = [
  { name: "tab after a sequence dash before a key", body: "a:\n-\tb: 1\n", expect: "reject" },
  { name: "plain scalar continued at a lower indent", body: "a:\n  b: foo\n bar\n", expect: "reject" },
  { name: "empty flow entry", body: "a: [ , ]\n", expect: "reject" },
  { name: "implicit key over 1024 characters", body: `${"k".repeat(1100)}: 1\n`, expect: "reject" },
  { name: "multi-line quoted key", body: '"a\n b": 1\n', expect: "reject" },
  { name: "tab as block scalar indentation", body: "a: |\n\tfoo\n", expect: "reject" },
  { name: "unknown escape", body: 'a: "\\q"\n', expect: "reject" },
  { name: "undefined alias", body: "a: *x\n", expect: "reject" },
  { name: "tab before a mapping in a sequence", body: "c:\n  - \tname: x\n", expect: "reject" },
  { name: "unclosed flow sequence", body: "a: [1, 2\nb: 3\n", expect: "reject" },
];

const dir = mkdtempSync(path.join(tmpdir(), "netreach-yaml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function viaKubectl(text: string): Record<string, unknown> | "reject" {
  const file = path.join(dir, `case-${n++}.yaml`);
  writeFileSync(file, text);
  const read = kubectlRead(file);
  if (!read.ok) return "reject";
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = read.value as Record<string, unknown>;
  return rest;
}

function viaNetreach(text: string): Record<string, unknown> | "reject" {
  const { docs, diagnostics } = parseDocuments({ path: "case.yaml", text });
  if (docs.length === 0) {
    expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
    return "reject";
  }
  const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = docs[0]!.value as Record<string, unknown>;
  return rest;
}

describe("YAML kubectl accepts and the strict grammar does not", () => {
  for (const [cls, cases] of Object.entries(lenient)) {
    describe(cls, () => {
      for (const c of cases) {
        it(c.name, () => {
          const text = HEAD + c.body;
          expect(viaKubectl(text), "kubectl").toEqual(c.expect);
          expect(viaNetreach(text), "netreach").toEqual(c.expect);
        });
      }
    });
  }

  it("cr-breaks: lone carriage returns end lines", () => {
    const text = `${HEAD}a: 1\nb:\n  c: 2\n`.replace(/\n/g, "\r");
    expect(viaKubectl(text)).toEqual({ a: 1, b: { c: 2 } });
    const { docs, diagnostics } = parseDocuments({ path: "cr.yaml", text: `${text}d: [1, 2\r` });
    expect(docs).toEqual([]);
    expect(diagnostics[0]?.line).toBe(8); // lines counted at CRs, as kubectl counts them
  });
});

describe("YAML kubectl rejects stays rejected", () => {
  for (const c of rejected) {
    it(c.name, () => {
      const text = HEAD + c.body;
      expect(viaKubectl(text), "kubectl").toBe("reject");
      expect(viaNetreach(text), "netreach").toBe("reject");
    });
  }
});

describe("positions after a repair", () => {
  it("name lines of the original text, in the repaired document and after it", () => {
    const text = [
      "a:", //                      1
      "  args: [", //               2
      '\t"x",', //                  3
      '"y"]', //                    4
      "b: 1", //                    5
      "c: {d: 1}", //               6
      "---", //                     7
      "e: [1,", //                  8
      "2, @]", //                   9: an error of its own
    ].join("\n");
    const { docs, diagnostics } = parseDocuments({ path: "p.yaml", text });
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc.value).toEqual({ a: { args: ["x", "y"] }, b: 1, c: { d: 1 } });
    expect(doc.locate(["b"])).toEqual({ line: 5, column: 1 });
    expect(doc.locate(["a", "args", 1])).toEqual({ line: 4, column: 1 });
    expect(doc.locate(["c", "d"])).toEqual({ line: 6, column: 5 });
    expect(text.slice(doc.span[0], doc.span[1])).toContain('\t"x",');
    expect(diagnostics.map((d) => [d.severity, d.line])).toEqual([["error", 9]]);
  });

  it("a document that needs no repair is read by the strict parse alone", () => {
    // The scanner takes `[` on this plain continuation line for a flow opener and would indent
    // `b: 1`; the document parses as written, so the repair (made for the next one) never applies.
    const text = "a: foo\n  [bar\nb: 1\n---\nc: [1,\n2]\n";
    expect(repairForYaml(text)?.text).toBe("a: foo\n  [bar\n  b: 1\n---\nc: [1,\n   2]\n");
    const { docs, diagnostics } = parseDocuments({ path: "p.yaml", text });
    expect(docs.map((d) => d.value)).toEqual([{ a: "foo [bar", b: 1 }, { c: [1, 2] }]);
    expect(diagnostics).toEqual([]);
  });

  it("warns at a duplicate key, naming the earlier line", () => {
    const { docs, diagnostics } = parseDocuments({ path: "d.yaml", text: "spec:\n  ingress: [a]\n  x: 1\n  ingress: [b]\n" });
    expect(docs[0]!.value).toEqual({ spec: { ingress: ["b"], x: 1 } });
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", line: 4, column: 3, message: expect.stringContaining("duplicate key `ingress` (also at line 2)") }),
    ]);
  });

  it("leaves text without anything to repair alone", () => {
    expect(repairForYaml("a:\n  b: [1, 2]\n  c: 'x'\n")).toBeUndefined();
  });
});
