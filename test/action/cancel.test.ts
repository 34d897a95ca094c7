// A cancelled job (the runner sends SIGINT, then SIGTERM) stops the bundled Action with all it
// started: the Node it relaunched with its heap flag, the real helm rendering a chart (made slow:
// its template counts to twenty million), and the revision trees it wrote to the temp directory.
import * as fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { GitHubStandIn } from "../support/github-stand-in.js";
import { makeRepo, type TestRepo } from "../support/git-repo.js";
import { descendants, processes, sleep } from "../support/procs.js";
import { toolsPath } from "../tools/support.js";
import { cleanupRuns, runBundledAction } from "./harness.js";

const repos: TestRepo[] = [];
const groups: number[] = [];
afterEach(() => {
  for (const g of groups.splice(0))
    try {
      process.kill(-g, "SIGKILL");
    } catch {
      // Gone.
    }
  for (const r of repos.splice(0)) r.cleanup();
  cleanupRuns();
});

describe("the bundled Action, cancelled", () => {
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    it(`${sig} while helm renders: the Action dies of it, helm and the relaunched Node are gone, no tree is left`, async () => {
      const origin = makeRepo();
      repos.push(origin);
      origin.write("chart/Chart.yaml", "apiVersion: v2\nname: slow\nversion: 0.1.0\n");
      origin.write("chart/templates/slow.yaml", "{{- $n := 0 }}\n{{- range until 20000000 }}{{ $n = add $n 1 }}{{- end }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: slow-{{ $n }}\n");
      const base = origin.commit("chart");
      origin.write("chart/values-prod.yaml", "replicas: 2\n");
      const head = origin.commit("PR: prod values");
      const gh = await GitHubStandIn.start({ viewer: null });
      try {
        let pid = 0;
        const running = runBundledAction({
          workspace: origin.dir,
          apiUrl: gh.url,
          repository: "acme/shop",
          event: { number: 7, baseSha: base, headSha: head },
          inputs: { base, helm: "chart" },
          path: toolsPath(),
          relaunch: true,
          onSpawn: (p) => (pid = p),
        });
        let helm;
        for (let i = 0; i < 400 && helm === undefined; i++) {
          helm = descendants(pid).find((p) => p.cmdline.includes(" template "));
          if (helm === undefined) await sleep(50);
        }
        if (helm === undefined) throw new Error("helm never started");
        groups.push(helm.pgid);
        const ours = [...descendants(pid)];
        const tree = /(\/\S*\/netreach-tree-[^/\s]+)\//.exec(helm.cmdline)?.[1];
        expect(tree).toBeDefined();
        process.kill(pid, sig);
        const r = await running;
        expect(r.signal).toBe(sig);
        await sleep(200);
        const alive = new Set(processes().map((p) => p.pid));
        expect(ours.filter((p) => alive.has(p.pid)).map((p) => p.cmdline)).toEqual([]);
        expect(processes().filter((p) => p.pgid === helm!.pgid)).toEqual([]);
        expect(fs.existsSync(tree!)).toBe(false);
      } finally {
        await gh.close();
      }
    });
});
