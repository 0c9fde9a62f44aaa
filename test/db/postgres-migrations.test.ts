import { getTableName, is } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from "../../src/db/postgres/migrate-postgres.ts";
import * as schema from "../../src/db/postgres/schema.ts";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-server.ts";

const database = await freshPostgresDatabase();

/** Runs `work` on a pool of its own against a fresh database, dropped afterwards. */
async function withDatabase(work: (pool: pg.Pool, url: string) => Promise<void>): Promise<void> {
  const fresh = (await freshPostgresDatabase()) as PostgresDatabase;
  const pool = new pg.Pool({ connectionString: fresh.url });
  try {
    await work(pool, fresh.url);
  } finally {
    await pool.end();
    await fresh.drop();
  }
}

describe.skipIf(!database)("PostgreSQL migrations", () => {
  it("create every table of the schema on an empty database", () =>
    withDatabase(async (pool) => {
      await migratePostgres(pool);
      const { rows } = await pool.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public'",
      );
      const expected = Object.values(schema).flatMap((table) =>
        is(table, PgTable) ? [getTableName(table)] : [],
      );
      expect(rows.map((row) => row.table_name).sort()).toEqual(expected.sort());
    }));

  it("are applied once when two instances start together on one database", () =>
    withDatabase(async (first, url) => {
      const second = new pg.Pool({ connectionString: url });
      try {
        await Promise.all([migratePostgres(first), migratePostgres(second)]);
      } finally {
        await second.end();
      }
      const { rows } = await first.query<{ hash: string }>("select hash from drizzle.__drizzle_migrations");
      const files = readMigrationFiles({ migrationsFolder: POSTGRES_MIGRATIONS_DIR });
      expect(rows.map((row) => row.hash).sort()).toEqual(files.map((file) => file.hash).sort());
    }));
});

describe.skipIf(!database)("answer tallies kept by PostgreSQL's triggers", () => {
  const pool = new pg.Pool({ connectionString: database?.url, max: 25 });
  let wave: number;

  beforeAll(() => migratePostgres(pool));

  // Each test counts in a wave of its own.
  beforeEach(async () => {
    const { rows } = await pool.query<{ id: number }>(
      `insert into waves (questionnaire, number, opened_at)
       select 'education', coalesce(max(number), 0) + 1, now() from waves returning id`,
    );
    wave = rows[0]!.id;
  });

  afterAll(async () => {
    await pool.end();
    await database?.drop();
  });

  let nextRespondent = 0;

  async function draft(client: pg.Pool | pg.PoolClient, answers: Record<string, unknown>, submitted = false) {
    const { rows } = await client.query<{ id: string }>(
      `insert into responses (wave_id, questionnaire, respondent_key, anonymous, source, submitted_at, updated_at)
       values ($1, 'education', $2, false, 'telegram', $3, now()) returning id`,
      [wave, `respondent-${nextRespondent++}`, submitted ? new Date() : null],
    );
    const id = rows[0]!.id;
    for (const [questionId, value] of Object.entries(answers)) await answer(client, id, questionId, value);
    return id;
  }

  function answer(client: pg.Pool | pg.PoolClient, responseId: string, questionId: string, value: unknown) {
    return client.query(
      `insert into answers (response_id, question_id, value, answered_at) values ($1, $2, $3::jsonb, now())
       on conflict (response_id, question_id) do update set value = excluded.value`,
      [responseId, questionId, JSON.stringify(value)],
    );
  }

  const submit = (responseId: string) =>
    pool.query("update responses set submitted_at = now() where id = $1", [responseId]);

  /** The tallies, each value parsed as a reader parses it. */
  async function tallies() {
    const { rows } = await pool.query<{ question_id: string; value: string; count: number }>(
      "select question_id, value, count from answer_tallies where wave_id = $1",
      [wave],
    );
    return rows
      .map((row) => ({
        question: row.question_id,
        value: JSON.parse(row.value) as unknown,
        count: row.count,
      }))
      .sort((a, b) =>
        `${a.question}${JSON.stringify(a.value)}`.localeCompare(`${b.question}${JSON.stringify(b.value)}`),
      );
  }

  /** What the tallies must equal: the submitted answers grouped by question and value. */
  async function submittedGrouped() {
    const { rows } = await pool.query<{ question_id: string; value: unknown; count: number }>(
      `select a.question_id, a.value, count(*)::integer as count
       from answers a join responses r on r.id = a.response_id
       where r.wave_id = $1 and r.submitted_at is not null
       group by a.question_id, a.value`,
      [wave],
    );
    return rows
      .map((row) => ({ question: row.question_id, value: row.value, count: row.count }))
      .sort((a, b) =>
        `${a.question}${JSON.stringify(a.value)}`.localeCompare(`${b.question}${JSON.stringify(b.value)}`),
      );
  }

  async function expectTalliesAgree() {
    const expected = await submittedGrouped();
    expect(await tallies()).toEqual(expected);
    return expected;
  }

  const region = (option: string) => ({ kind: "choice", option });

  it("follow submit, a changed answer, unsubmit and deletion, and parse to the answers given", async () => {
    const first = await draft(pool, { region: region("almaty"), years: { kind: "number", value: 12.5 } });
    const second = await draft(pool, { region: region("almaty"), note: { kind: "text", text: "Жоқ, «иә»" } });
    expect(await tallies()).toEqual([]);

    await submit(first);
    await submit(second);
    expect(await expectTalliesAgree()).toContainEqual({
      question: "region",
      value: region("almaty"),
      count: 2,
    });
    expect(await tallies()).toContainEqual({
      question: "note",
      value: { kind: "text", text: "Жоқ, «иә»" },
      count: 1,
    });

    await answer(pool, first, "region", region("turkestan_region"));
    expect(await expectTalliesAgree()).toContainEqual({
      question: "region",
      value: region("almaty"),
      count: 1,
    });

    await answer(pool, second, "years", { kind: "number", value: 3 });
    await expectTalliesAgree();

    await pool.query("update responses set submitted_at = null where id = $1", [second]);
    expect(await expectTalliesAgree()).not.toContainEqual(expect.objectContaining({ question: "note" }));

    await submit(second);
    await pool.query("delete from responses where id = $1", [first]);
    expect(await expectTalliesAgree()).toEqual([
      { question: "note", value: { kind: "text", text: "Жоқ, «иә»" }, count: 1 },
      { question: "region", value: region("almaty"), count: 1 },
      { question: "years", value: { kind: "number", value: 3 }, count: 1 },
    ]);
    const { rows } = await pool.query("select 1 from answer_tallies where count <= 0");
    expect(rows).toEqual([]);
  });

  it("count every one of many experts submitting the same answer at the same moment", async () => {
    const experts = 20;
    const clients = await Promise.all(Array.from({ length: experts }, () => pool.connect()));
    try {
      await Promise.all(clients.map((client) => client.query("begin")));
      // Every transaction holds its own response before any of them counts its answer.
      const ids = await Promise.all(clients.map((client) => draft(client, {}, true)));
      await Promise.all(
        clients.map(async (client, index) => {
          await answer(client, ids[index]!, "region", region("almaty"));
          await client.query("commit");
        }),
      );
    } finally {
      for (const client of clients) client.release();
    }
    expect(await expectTalliesAgree()).toEqual([
      { question: "region", value: region("almaty"), count: experts },
    ]);
  });

  /** Whether the backend `pid` is waiting for a lock another transaction holds. */
  async function waitsForLock(pid: number): Promise<boolean> {
    const { rows } = await pool.query(
      "select 1 from pg_stat_activity where pid = $1 and wait_event_type = 'Lock'",
      [pid],
    );
    return rows.length > 0;
  }

  it.each([
    ["submit", "answer"],
    ["answer", "submit"],
  ] as const)("count an answer given while its response is submitted (%s first)", async (first, second) => {
    const id = await draft(pool, { region: region("almaty") });
    const clients = { submit: await pool.connect(), answer: await pool.connect() };
    const steps = {
      submit: () => clients.submit.query("update responses set submitted_at = now() where id = $1", [id]),
      answer: () => answer(clients.answer, id, "years", { kind: "number", value: 7 }),
    };
    try {
      const { rows } = await clients[second].query<{ pid: number }>("select pg_backend_pid() as pid");
      await clients[first].query("begin");
      await clients[second].query("begin");
      await steps[first]();
      let secondDone = false;
      const secondRun = steps[second]().then(() => {
        secondDone = true;
      });
      while (!secondDone && !(await waitsForLock(rows[0]!.pid))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await clients[first].query("commit");
      await secondRun;
      await clients[second].query("commit");
    } finally {
      clients.submit.release();
      clients.answer.release();
    }
    expect(await expectTalliesAgree()).toHaveLength(2);
  });
});
