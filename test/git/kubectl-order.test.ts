// Which of two declarations of one object wins depends on the order files are read in: netreach
// reads them as the real kubectl does (`kubectl apply -R -f A -f B` keeps the last), on disk and in git.
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readSources } from "../../src/files/read-sources.js";
import { readRevision } from "../../src/git/read-revision.js";
import { makeRepo } from "../support/git-repo.js";
import { kubeTools } from "../support/kube-tools.js";

// Directories before and after files of the same stem, punctuation below "/" and ".", and names
// whose UTF-8 byte order differs from their UTF-16 order (U+FF5E before U+1F600 by bytes).
const FILES = ["z/a.yaml", "z/a/b.yaml", "z/a-b.yaml", "z/a_b.yaml", "z/A.yaml", "z/\u{1F600}.yaml", "z/\uFF5E.yaml", "z/é.json", "z/deep/er/x.yml", "b.yaml", "a.yaml"];
const ARGS = ["z", "b.yaml", "a.yaml"];

describe("files are read in kubectl's order", () => {
  it("the real kubectl (label --local -R, which reads without a cluster) and both readers agree", () => {
    const repo = makeRepo();
    try {
      FILES.forEach((f, i) => repo.write(f, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`));
      repo.commit("files");
      const args = ARGS.flatMap((a) => ["-f", a]);
      const out = execFileSync(kubeTools().kubectl, ["label", "--local", "-R", ...args, "x=y", "-o", "name"], { cwd: repo.dir, encoding: "utf8", env: { ...process.env, KUBECONFIG: "/dev/null" } });
      const kubectl = out
        .trim()
        .split("\n")
        .map((l) => FILES[Number(/^configmap\/c(\d+)$/.exec(l.trim())![1])]);
      expect(kubectl).toHaveLength(FILES.length);
      const fromFs = readSources(ARGS.map((a) => path.join(repo.dir, a))).files.map((f) => path.relative(repo.dir, f.path).split(path.sep).join("/"));
      const fromGit = readRevision(repo.dir, "HEAD", ARGS).files.map((f) => f.path);
      expect(fromFs).toEqual(kubectl);
      expect(fromGit).toEqual(kubectl);
    } finally {
      repo.cleanup();
    }
  });
});
