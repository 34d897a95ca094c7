// DESIGN section 4b for assertions: the base's assertions judge the pull request as the base wrote
// them; the pull request may add, never drop, rename away or redefine; the base's unreadable
// assertions fail closed, the pull request's are only noted.
import { describe, expect, it } from "vitest";
import { assertionsFor, mergeAssertions } from "../../src/targets/assertion-merge.js";
import { noteText } from "../../src/render/config-review.js";
import { assertion, tcp } from "../render/assertion-support.js";
import { resolveTargets } from "../../src/targets/resolve.js";
import { memoryTree } from "../support/memory-tree.js";

const dbPrivate = assertion("db-private", "deny", 2);
const webApi = assertion("web-reaches-api", "allow", 8, { ports: tcp(8080) });
const side = (assertions: ReturnType<typeof assertion>[], assertionErrors: string[] = []) => ({ assertions, assertionErrors });
const names = (m: ReturnType<typeof mergeAssertions>) => m.assertions.map((c) => `${c.assertion.name}@${c.origin}:${c.assertion.key}`);

describe("the assertions a pull request is judged by", () => {
  it("keeps an assertion the pull request removes, as the base wrote it, and says so", () => {
    const m = mergeAssertions(side([dbPrivate, webApi]), side([dbPrivate]));
    expect(names(m)).toEqual(["db-private@base:deny:db-private", "web-reaches-api@base:allow:web-reaches-api"]);
    expect(m.notes.map(noteText)).toEqual(["`web-reaches-api` removed by this pull request: still judged as the base defines it."]);
    expect(m.errors).toEqual([]);
  });

  it("judges a redefined assertion (same name, another meaning) as the base defines it", () => {
    const weaker = { ...webApi, key: "allow:web-reaches-api:TCP 9999", source: { file: ".netreach.yaml", line: 30 } };
    const m = mergeAssertions(side([webApi]), side([weaker]));
    expect(m.assertions).toEqual([{ assertion: webApi, origin: "base" }]);
    expect(m.notes.map(noteText)).toEqual(["`web-reaches-api` redefined by this pull request: still judged as the base defines it; its new definition applies once it merges."]);
  });

  it("judges a renamed assertion under its base name", () => {
    const m = mergeAssertions(side([webApi]), side([{ ...webApi, name: "web-api" }]));
    expect(m.assertions).toEqual([{ assertion: webApi, origin: "base" }]);
    expect(m.notes.map(noteText)).toEqual(["`web-reaches-api` renamed `web-api` by this pull request: still judged as the base defines it, under its base name."]);
  });

  it("adds the pull request's new assertions, marked as its own", () => {
    const m = mergeAssertions(side([dbPrivate]), side([dbPrivate, webApi]));
    expect(names(m)).toEqual(["db-private@base:deny:db-private", "web-reaches-api@head:allow:web-reaches-api"]);
    expect(m.notes.map(noteText)).toEqual(["`web-reaches-api` added by this pull request: evaluated, shown and gated like the base's."]);
  });

  it("keeps every base assertion when the pull request deletes the file (the file's deletion is noted once, elsewhere)", () => {
    const m = mergeAssertions(side([dbPrivate, webApi]), undefined);
    expect(names(m)).toHaveLength(2);
    expect(m.notes).toEqual([]);
  });

  it("fails closed on the base's unreadable assertions; the pull request's are notes", () => {
    const m = mergeAssertions(side([dbPrivate], [".netreach.yaml:12: `deny` needs `to`"]), side([dbPrivate], [".netreach.yaml:12: `deny` needs `to`", ".netreach.yaml:20: unknown key `form`"]));
    expect(m.errors).toEqual([".netreach.yaml:12: `deny` needs `to`"]);
    expect(m.notes.map(noteText)).toEqual(["This pull request's assertion is invalid, so it is not evaluated: .netreach.yaml:20: unknown key `form`."]);
  });

  it("judges an assertion on the targets it names (and their @head twin), else on every target", () => {
    const prodOnly = { assertion: assertion("tenants", "isolated", 3, { targets: ["prod"] }), origin: "base" as const };
    const all = { assertion: dbPrivate, origin: "base" as const };
    expect(assertionsFor({ name: "prod" }, [prodOnly, all])).toEqual([prodOnly, all]);
    expect(assertionsFor({ name: "prod@head" }, [prodOnly, all])).toEqual([prodOnly, all]);
    expect(assertionsFor({ name: "staging" }, [prodOnly, all])).toEqual([all]);
  });
});

describe("resolving a run's assertions from .netreach.yaml at both revisions", () => {
  const NP = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n";
  const files = { "k/prod/kustomization.yaml": "resources: [np.yaml]\n", "k/prod/np.yaml": NP };
  const ASSERT = "assertions:\n  - name: web-reaches-api\n    allow:\n      from: {namespace: frontend, workload: web}\n      to: {namespace: backend, labels: {app: api}}\n      ports: [TCP 8080]\n";
  const resolve = (base: string, head: string, kustomize: string[] = []) =>
    resolveTargets({ kustomize, helm: [], names: [] }, [], { base: memoryTree({ ...files, ".netreach.yaml": base }), head: memoryTree({ ...files, ".netreach.yaml": head }) }, undefined);

  it("takes the base's assertion although the pull request's file drops it", () => {
    const r = resolve(ASSERT, "assertions: []\n");
    expect(r.assertions.map((c) => [c.assertion.name, c.origin, c.assertion.source.line])).toEqual([["web-reaches-api", "base", 2]]);
    expect((r.review?.notes ?? []).map(noteText)).toContain("`web-reaches-api` removed by this pull request: still judged as the base defines it.");
  });

  it("gives the review the base's unreadable assertions, at their lines, as errors", () => {
    const r = resolve("assertions:\n  - name: db-private\n    deny:\n      from: internet\n", "assertions: []\n");
    expect(r.review?.errors).toHaveLength(1);
    expect(r.review!.errors![0]).toMatch(/^\.netreach\.yaml:\d+: /);
    expect(r.assertions).toEqual([]);
  });

  it("still takes the base's assertions when flags choose the targets", () => {
    const r = resolve(ASSERT, "", ["k/prod"]);
    expect(r.from).toBe("flags");
    expect(r.assertions.map((c) => c.assertion.name)).toEqual(["web-reaches-api"]);
    expect((r.review?.notes ?? []).map(noteText)).toEqual(["`web-reaches-api` removed by this pull request: still judged as the base defines it."]);
  });
});
