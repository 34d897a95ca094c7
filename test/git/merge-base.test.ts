import { afterEach, describe, expect, it } from "vitest";
import { MergeBaseError, ensureMergeBase, mergeBase } from "../../src/git/merge-base.js";
import { readRevision } from "../../src/git/read-revision.js";
import { hasCommit, isShallow } from "../../src/git/repo.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

interface History {
  origin: TestRepo;
  /** Where `feature` branched off `main`. */
  forkPoint: string;
  baseTip: string;
  headTip: string;
}

/**
 * main: `before` commits, then feature branches off, then main moves on by `after` commits;
 * feature has `own` commits. The policy file differs at each point.
 */
function history(before: number, after: number, own: number): History {
  const origin = makeRepo();
  cleanups.push(() => origin.cleanup());
  let forkPoint = "";
  for (let i = 0; i < before; i++) {
    origin.write("deploy/np.yaml", `# main ${i}\n`);
    forkPoint = origin.commit(`main ${i}`);
  }
  origin.branch("feature");
  for (let i = 0; i < after; i++) {
    origin.write("deploy/np.yaml", `# main after fork ${i}\n`);
    origin.commit(`main after fork ${i}`);
  }
  const baseTip = origin.rev("main");
  origin.checkout("feature");
  for (let i = 0; i < own; i++) {
    origin.write("deploy/np.yaml", `# feature ${i}\n`);
    origin.commit(`feature ${i}`);
  }
  origin.checkout("main");
  return { origin, forkPoint, baseTip, headTip: origin.rev("feature") };
}

describe("mergeBase", () => {
  it("finds the fork point when the base branch moved on", () => {
    const h = history(3, 4, 2);
    const found = mergeBase(h.origin.dir, h.baseTip, h.headTip);
    expect(found).toBe(h.forkPoint);
    expect(found).not.toBe(h.baseTip);
    expect(mergeBase(h.origin.dir, "main", "feature")).toBe(h.forkPoint);
    // The base side of the report is read there, not at the base tip.
    expect(readRevision(h.origin.dir, found).files).toEqual([{ path: "deploy/np.yaml", text: "# main 2\n" }]);
  });

  it("throws when there is no common history", () => {
    const h = history(2, 0, 1);
    h.origin.git("checkout", "-q", "--orphan", "unrelated");
    const other = h.origin.commit("unrelated root");
    expect(() => mergeBase(h.origin.dir, h.baseTip, other)).toThrow(MergeBaseError);
    expect(() => mergeBase(h.origin.dir, h.baseTip, other)).toThrow(/no common ancestor/);
  });
});

describe("ensureMergeBase", () => {
  it("fetches nothing when the history is complete", () => {
    const h = history(3, 2, 2);
    const log: string[] = [];
    expect(ensureMergeBase(h.origin.dir, h.baseTip, h.headTip, "origin", { log: (m) => log.push(m) })).toBe(h.forkPoint);
    expect(log.filter((m) => m.startsWith("fetching"))).toEqual([]);
  });

  it("in a depth-1 clone of the head, fetches the base and deepens until it finds the merge base", () => {
    const h = history(6, 3, 2);
    const ci = h.origin.clone({ shallow: 1, branch: "feature" });
    expect(isShallow(ci.dir)).toBe(true);
    expect(hasCommit(ci.dir, h.baseTip)).toBe(false);
    expect(() => mergeBase(ci.dir, h.baseTip, h.headTip)).toThrow(/fatal: Not a valid/);

    const log: string[] = [];
    const found = ensureMergeBase(ci.dir, h.baseTip, h.headTip, "origin", { initialDepth: 2, log: (m) => log.push(m) });
    expect(found).toBe(h.forkPoint);
    expect(log).toEqual([
      `fetching commit ${h.baseTip.slice(0, 12)} (base), 2 commits deep from origin`,
      "fetching 2 more commits of history from origin",
      `merge base: ${h.forkPoint}`,
    ]);
    // Only what was needed: older history is still cut.
    expect(isShallow(ci.dir)).toBe(true);
    expect(readRevision(ci.dir, found).files).toEqual([{ path: "deploy/np.yaml", text: "# main 5\n" }]);
  });

  it("doubles the deepening, then fetches the full history", () => {
    const h = history(2, 12, 1);
    const ci = h.origin.clone({ shallow: 1, branch: "feature" });
    const log: string[] = [];
    const found = ensureMergeBase(ci.dir, h.baseTip, h.headTip, "origin", {
      initialDepth: 1,
      maxDeepen: 4,
      log: (m) => log.push(m),
    });
    expect(found).toBe(h.forkPoint);
    expect(log).toEqual([
      `fetching commit ${h.baseTip.slice(0, 12)} (base), 1 commits deep from origin`,
      "fetching 1 more commits of history from origin",
      "fetching 2 more commits of history from origin",
      "fetching 4 more commits of history from origin",
      "fetching the full history from origin",
      `merge base: ${h.forkPoint}`,
    ]);
    expect(isShallow(ci.dir)).toBe(false);
  });

  it("fetches both commits when the clone has neither (actions/checkout of a merge commit)", () => {
    const h = history(3, 2, 2);
    const ci = h.origin.clone({ shallow: 1, branch: "main" });
    h.origin.checkout("feature");
    h.origin.write("deploy/np.yaml", "# pushed later\n");
    const newHead = h.origin.commit("pushed later");
    h.origin.checkout("main");
    expect(hasCommit(ci.dir, newHead)).toBe(false);
    expect(ensureMergeBase(ci.dir, h.baseTip, newHead)).toBe(h.forkPoint);
  });

  it("fetches a missing commit into a complete clone without making it shallow", () => {
    const h = history(3, 2, 2);
    const ci = h.origin.clone();
    h.origin.checkout("feature");
    const newHead = h.origin.commit("pushed after the clone");
    h.origin.checkout("main");
    expect(hasCommit(ci.dir, newHead)).toBe(false);
    const log: string[] = [];
    expect(ensureMergeBase(ci.dir, h.baseTip, newHead, "origin", { log: (m) => log.push(m) })).toBe(h.forkPoint);
    expect(log[0]).toBe(`fetching commit ${newHead.slice(0, 12)} (head) from origin`);
    expect(isShallow(ci.dir)).toBe(false);
  });

  it("explains what to do when the commits cannot be fetched", () => {
    const h = history(2, 1, 1);
    const ci = h.origin.clone({ shallow: 1, branch: "feature" });
    const absent = "0123456789abcdef0123456789abcdef01234567";
    const attempt = () => ensureMergeBase(ci.dir, absent, h.headTip);
    expect(attempt).toThrow(MergeBaseError);
    expect(attempt).toThrow(/could not fetch commit 0123456789ab \(base\), 50 commits deep from remote "origin".*fetch-depth: 0/s);
    expect(() => ensureMergeBase(ci.dir, h.baseTip, h.headTip, "upstream")).toThrow(/remote "upstream".*fetch-depth: 0/s);
    expect(() => ensureMergeBase(ci.dir, "main", h.headTip)).toThrow(/not a full commit id/);
  });

  it("reports commits without common history after fetching everything", () => {
    const h = history(2, 1, 1);
    h.origin.git("checkout", "-q", "--orphan", "unrelated");
    const other = h.origin.commit("unrelated root");
    h.origin.checkout("main");
    // Short histories: the first fetch (50 deep) brings everything.
    const ci = h.origin.clone({ shallow: 1, branch: "main" });
    expect(() => ensureMergeBase(ci.dir, h.baseTip, other)).toThrow(/have no common ancestor: are they commits of the same repository/);
    // Forced through every step.
    const ci2 = h.origin.clone({ shallow: 1, branch: "main" });
    expect(() => ensureMergeBase(ci2.dir, h.baseTip, other, "origin", { initialDepth: 1, maxDeepen: 0 })).toThrow(
      /have no common ancestor even in the full history fetched from the remote/,
    );
  });
});
