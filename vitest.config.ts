import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { postgresBinaries } from "./test/support/postgres-binaries.ts";

/**
 * Test files of the bot whose every step goes through the repositories (none looks at SQLite's own files):
 * they run a second time on PostgreSQL, with the rest of the project unchanged.
 */
const ON_BOTH_ENGINES = [
  "test/bot/expert-conversation.test.ts",
  "test/bot/coordinator.test.ts",
  "test/bot/summary-view.test.ts",
  "test/bot/typed-and-note-questions.test.ts",
  "test/bot/date-question.test.ts",
  "test/bot/kobo-style-form.test.ts",
  "test/quotas/quotas.test.ts",
  "test/reminders/reminders.test.ts",
  "test/interchange/bot-interchange.test.ts",
];

const ON_POSTGRES = {
  extends: true as const,
  test: { name: "postgres", include: ON_BOTH_ENGINES, env: { TEST_DATABASE: "postgres" } },
};

export default defineConfig({
  test: {
    globalSetup: ["test/build-once.ts", "test/postgres-cluster.ts"],
    // Most test files wait on bot processes, servers and timers rather than the CPU: a worker per core, where
    // vitest's default of one fewer runs them one at a time on a 2-core machine.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CI also keeps the results as JSON, to print the plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".tmp/test-results.json" },
    projects: [
      { extends: true, test: { name: "sqlite", include: ["test/**/*.test.ts"] } },
      // Without PostgreSQL's programs the global setup says once that its tests are skipped.
      ...(postgresBinaries() ? [ON_POSTGRES] : []),
    ],
  },
});
