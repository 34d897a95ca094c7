// A revision's manifests past the byte limit are refused before a blob is read; blobs the two
// revisions of a diff share are read once (one string serves both).
import { afterAll, describe, expect, it } from "vitest";
import { readRevision, type BlobTexts } from "../../src/git/read-revision.js";
import { LimitError } from "../../src/load/limits.js";
import { makeRepo } from "../support/git-repo.js";

const policy = (name: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n`;
const r = makeRepo();
afterAll(() => r.cleanup());
r.write("k8s/a.yaml", policy("a"));
r.write("k8s/b.yaml", policy("b"));
const base = r.commit("base");
r.write("k8s/b.yaml", policy("b2"));
const head = r.commit("head");

describe("reading revisions", () => {
  it("refuses more bytes of manifests than the limit, counted from the tree before reading", () => {
    const size = policy("a").length + policy("b").length;
    expect(() => readRevision(r.dir, base, [], { maxTotalBytes: size - 1 }, "in the base revision")).toThrow(
      new LimitError("bytes", size, size - 1, "in the base revision"),
    );
    expect(readRevision(r.dir, base, [], { maxTotalBytes: size }).files).toHaveLength(2);
  });

  it("reads a blob both revisions hold once", () => {
    const texts: BlobTexts = new Map();
    const b = readRevision(r.dir, base, [], {}, "", texts);
    const h = readRevision(r.dir, head, [], {}, "", texts);
    expect(h.files.map((f) => f.text)).toEqual([policy("a"), policy("b2")]);
    expect(h.files[0]!.text).toBe(b.files[0]!.text);
    expect(texts.size).toBe(3);
  });
});
