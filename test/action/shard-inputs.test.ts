// Inputs shard and merge-reports: one job of a matrix, or the job that merges them; never both.
import { afterEach, describe, expect, it } from "vitest";
import { InputError, readInputs } from "../../src/action/inputs.js";

describe("inputs shard and merge-reports", () => {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("INPUT_")));
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (k.startsWith("INPUT_")) delete process.env[k];
    Object.assign(process.env, saved);
  });
  const set = (inputs: Record<string, string>) => {
    for (const [k, v] of Object.entries(inputs)) process.env[`INPUT_${k.toUpperCase()}`] = v;
  };

  it("unset: every target, no merge", () => {
    expect(readInputs()).toMatchObject({ shard: null, mergeReports: "" });
  });

  it("shard I/N; merge-reports a glob; together, or a shard past N, an error naming the input", () => {
    set({ shard: "2/3" });
    expect(readInputs().shard).toEqual({ index: 2, count: 3 });
    set({ shard: "4/3" });
    expect(() => readInputs()).toThrow(new InputError('--shard (input shard) must be I/N with 1 ≤ I ≤ N, e.g. 2/4, not "4/3"'));
    set({ shard: "", "merge-reports": "netreach-shards/**/*.json" });
    expect(readInputs().mergeReports).toBe("netreach-shards/**/*.json");
    set({ shard: "1/2" });
    expect(() => readInputs()).toThrow(/inputs shard and merge-reports do not go together/);
  });
});
