import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
    // .ci/run asks for a JSON copy of the results to print one closing count line.
    reporters: process.env.NETREACH_TEST_RESULTS ? ["default", "json"] : ["default"],
    outputFile: process.env.NETREACH_TEST_RESULTS ? { json: process.env.NETREACH_TEST_RESULTS } : {},
  },
});
