import type { TestProject } from "vitest/node";
import { startPostgresServer } from "./support/postgres-server.ts";

/**
 * Vitest's global setup: one throwaway PostgreSQL cluster for the whole run, its URL provided to the test
 * files. Where it cannot start, the PostgreSQL tests are skipped and this says why, once.
 */
export default async function postgresCluster(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  try {
    const server = await startPostgresServer();
    project.provide("postgresUrl", server.url);
    return () => server.stop();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(`PostgreSQL tests skipped: ${reason}`);
    return undefined;
  }
}
