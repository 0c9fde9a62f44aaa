import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApplication } from "../../src/app.ts";
import { readConfig } from "../../src/config.ts";
import { openStore } from "../../src/db/survey-store.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-server.ts";

const database = await freshPostgresDatabase();

describe.skipIf(!database)("an instance's connections to PostgreSQL", () => {
  let admin: pg.Client;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: (database as PostgresDatabase).url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await database?.drop();
  });

  /** Samples the connections to the database other than the admin's own, keeping the most seen. */
  function connectionCounter() {
    let most = 0;
    return {
      count: async () => {
        const { rows } = await admin.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
        );
        most = Math.max(most, rows[0]!.n);
      },
      most: () => most,
    };
  }

  it("stay within the configured number while more updates than that are in progress", async () => {
    const store = await openStore({ url: (database as PostgresDatabase).url, path: "", connections: 5 });
    const counter = connectionCounter();
    try {
      const updates = Array.from({ length: 12 }, (_, person) =>
        store.exclusiveFor(`person-${person}`, async () => {
          await store.waves.list("education");
          await counter.count();
          await new Promise((resolve) => setTimeout(resolve, 50));
          return person;
        }),
      );
      expect(await Promise.all(updates)).toEqual(Array.from({ length: 12 }, (_, person) => person));
      expect(counter.most()).toBeGreaterThan(1);
      expect(counter.most()).toBeLessThanOrEqual(5);
    } finally {
      await store.close();
    }
  });

  it("are as many as DATABASE_CONNECTIONS says at most in the running bot, and every expert is answered", async () => {
    const emulator = new BotApiEmulator();
    await emulator.start();
    const directory = mkdtempSync(join(tmpdir(), "connection-limit-"));
    const config = readConfig({
      BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      DATABASE_URL: (database as PostgresDatabase).url,
      DATABASE_CONNECTIONS: "3",
      DATABASE_PATH: join(directory, "survey.db"),
      PSEUDONYM_KEY: "test-key-test-key-test-key-test-key",
    });
    const app = await startApplication(config, pino({ level: "silent" }));
    const counter = connectionCounter();
    try {
      const experts = Array.from({ length: 8 }, (_, index) =>
        emulator.user({ id: 8_400 + index, first_name: `Expert${index}`, language_code: "en" }),
      );
      let settled = false;
      const sampling = (async () => {
        while (!settled) await counter.count();
      })();
      for (const user of experts) user.sendCommand("/start");
      await Promise.all(experts.map((user) => user.waitFor((chat) => chat.messages().length > 0, 15_000)));
      settled = true;
      await sampling;
      expect(counter.most()).toBeGreaterThan(1);
      expect(counter.most()).toBeLessThanOrEqual(3);
    } finally {
      await app.stop();
      await emulator.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
