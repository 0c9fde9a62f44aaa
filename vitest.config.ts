import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/build-once.ts", "test/postgres-cluster.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CI also keeps the results as JSON, to print the plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".tmp/test-results.json" },
  },
});
