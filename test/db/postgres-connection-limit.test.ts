import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/db/survey-store.ts";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-server.ts";

const database = await freshPostgresDatabase();

describe.skipIf(!database)("an instance's connections to PostgreSQL", () => {
  afterAll(async () => {
    await database?.drop();
  });

  it("stay within the configured number while more updates than that are in progress", async () => {
    const { url } = database as PostgresDatabase;
    const store = await openStore({ url, path: "", connections: 5 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      let most = 0;
      const count = async () => {
        const { rows } = await admin.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        most = Math.max(most, rows[0]!.n);
      };
      const updates = Array.from({ length: 12 }, (_, person) =>
        store.exclusiveFor(`person-${person}`, async () => {
          await store.waves.list("education");
          await count();
          await new Promise((resolve) => setTimeout(resolve, 50));
          return person;
        }),
      );
      expect(await Promise.all(updates)).toEqual(Array.from({ length: 12 }, (_, person) => person));
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(5);
    } finally {
      await admin.end();
      await store.close();
    }
  });
});
