import type { TestProject } from "vitest/node";
import { type PostgresServer, startPostgresServer } from "./support/postgres-server.ts";

/**
 * Vitest runs a global setup once per project, in one process: the projects share one cluster, stopped when
 * the last of them tears down.
 */
const run = globalThis as { surveyCluster?: { server: Promise<PostgresServer>; projects: number } };

/**
 * Vitest's global setup: one throwaway PostgreSQL cluster for the whole run, its URL provided to the test
 * files. Where it cannot start, the PostgreSQL tests are skipped and this says why, once.
 */
export default async function postgresCluster(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const first = !run.surveyCluster;
  run.surveyCluster ??= { server: startPostgresServer(), projects: 0 };
  const cluster = run.surveyCluster;
  try {
    const server = await cluster.server;
    project.provide("postgresUrl", server.url);
    cluster.projects += 1;
    return async () => {
      cluster.projects -= 1;
      if (cluster.projects === 0) await server.stop();
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    if (first) console.warn(`PostgreSQL tests skipped: ${reason}`);
    return undefined;
  }
}
