import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The slowest files first, by name: vitest orders by the durations it cached on an earlier run,
// and CI runs on a fresh clone with no cache, where a late start of the Action's end-to-end files
// left one worker idle for half a minute at the end.
const SLOW_FIRST = [/action\/e2e-/, /targets\/shards\.test/, /cli\/check\.test/, /cli\/namespace/, /cli\/bounds/, /cli\/huge-diff/, /targets\/paths/, /\/property\.test/, /git\/merge-base/, /targets\/pull-requests/, /incremental-property/, /-property\.test/];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((re) => re.test(f.moduleId));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return [...(await super.sort(files))].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // Test files share their worker's modules: importing the engine once per worker rather than
    // once per file took a third of the suite's time (tests restore what they change of process.env).
    isolate: false,
    // Vitest leaves one core free by default; on a 2-core runner that is one worker. Many of these
    // tests wait on git, kubectl or the bundled Action in a child process, so two keep both cores busy.
    maxWorkers: 2,
    // The CLI and the Action start Node a second time with a heap flag (src/heap-flags.ts), which
    // costs a fifth of a second per run and nothing a test looks at; test/cli/heap-flags.test.ts
    // runs them that way.
    env: { NETREACH_NO_RELAUNCH: "1" },
    sequence: { sequencer: SlowFirst },
    // .ci/run asks for a JSON copy of the results to print one closing count line.
    reporters: process.env.NETREACH_TEST_RESULTS ? ["default", "json"] : ["default"],
    outputFile: process.env.NETREACH_TEST_RESULTS ? { json: process.env.NETREACH_TEST_RESULTS } : {},
  },
});
