import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // Vitest leaves one core free by default; on a 2-core runner that is one worker. Many of these
    // tests wait on git, kubectl or the bundled Action in a child process, so two keep both cores busy.
    maxWorkers: 2,
    // The CLI and the Action start Node a second time with a heap flag (src/heap-flags.ts), which
    // costs a fifth of a second per run and nothing a test looks at; test/cli/heap-flags.test.ts
    // runs them that way.
    env: { NETREACH_NO_RELAUNCH: "1" },
    // .ci/run asks for a JSON copy of the results to print one closing count line.
    reporters: process.env.NETREACH_TEST_RESULTS ? ["default", "json"] : ["default"],
    outputFile: process.env.NETREACH_TEST_RESULTS ? { json: process.env.NETREACH_TEST_RESULTS } : {},
  },
});
