import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // Vitest leaves one core free by default; on a 2-core runner that is one worker. Many of these
    // tests wait on git, kubectl or the bundled Action in a child process, so two keep both cores busy.
    maxWorkers: 2,
    // .ci/run asks for a JSON copy of the results to print one closing count line.
    reporters: process.env.NETREACH_TEST_RESULTS ? ["default", "json"] : ["default"],
    outputFile: process.env.NETREACH_TEST_RESULTS ? { json: process.env.NETREACH_TEST_RESULTS } : {},
  },
});
