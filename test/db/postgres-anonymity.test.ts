import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedStep } from "../../src/db/answer-writes.ts";
import { openStore, type SurveyStore } from "../../src/db/survey-store.ts";
import type { Wave } from "../../src/db/wave-repository.ts";
import { freshPostgresDatabase, type PostgresDatabase } from "../support/postgres-server.ts";

const database = await freshPostgresDatabase();

/** The tables an anonymous Submit writes to. */
const SUBMIT_TABLES = ["responses", "answers", "submissions", "answer_tallies"];

/**
 * What whoever holds a PostgreSQL database finds after anonymous Submits, with superuser rights and the
 * cluster's files (not its write-ahead log, which is the server's): nothing that tells the rows one Submit
 * wrote from the others, and no trace of the draft it sealed.
 */
describe.skipIf(!database)("anonymous Submits on PostgreSQL, as the database's holder sees them", () => {
  let store: SurveyStore;
  let admin: pg.Client;
  let wave: Wave;
  const draftKeys: string[] = [];

  beforeAll(async () => {
    const { url } = database as PostgresDatabase;
    store = await openStore({ url, path: "" });
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await store.waves.ensureFirstWaves(["education"], new Date());
    wave = (await store.waves.openWave("education"))!;
    const day = new Date(Date.UTC(2025, 2, 14));
    for (let expert = 0; expert < 6; expert++) {
      const named = expert % 3 === 1;
      const respondentKey = `draft-key-of-expert-${expert}`;
      await store.participants.findOrCreate(`pseudonym-of-expert-${expert}`, new Date());
      const draft = await answeredDraft(respondentKey, !named, `typed by expert ${expert}`);
      if (named) {
        await store.submissions.submit(draft.id, `receipt-${expert}`, new Date());
      } else {
        draftKeys.push(respondentKey);
        const sealing = { receiptHash: `receipt-${expert}`, marker: `marker-${expert}`, day };
        expect(await store.submissions.seal(draft.id, sealing)).toBe(true);
      }
    }
  });

  afterAll(async () => {
    await admin?.end();
    await store?.close();
    await database?.drop();
  });

  async function answeredDraft(respondentKey: string, anonymous: boolean, typed: string) {
    const state = { anonymous, answers: {}, current: null, reviewing: true, pending: null };
    const draft = await store.drafts.create(
      { waveId: wave.id, questionnaire: "education", respondentKey, anonymous, source: "telegram" },
      state,
      new Date(),
    );
    const answers: RecordedStep["saved"][] = [
      { questionId: "region", value: { kind: "choice" as const, option: "shymkent" } },
      { questionId: "recommendations", value: { kind: "text" as const, value: typed } },
    ];
    for (const saved of answers) {
      await store.drafts.recordStep(draft.id, { saved, removed: [], state }, new Date());
    }
    return draft;
  }

  const query = async (text: string) => (await admin.query(text)).rows;

  /** Every file of the database's tables and indexes, as the server has them after a checkpoint. */
  async function databaseFiles(): Promise<Buffer[]> {
    await query("checkpoint");
    const [{ directory }] = await query("select current_setting('data_directory') as directory");
    const [{ oid }] = await query("select oid from pg_database where datname = current_database()");
    const folder = join(directory, "base", String(oid));
    return readdirSync(folder).map((name) => readFileSync(join(folder, name)));
  }

  it("finds every row of the tables a Submit writes stamped by one transaction", async () => {
    for (const table of SUBMIT_TABLES) {
      const stamps = await query(`select distinct xmin::text as stamp from ${table}`);
      expect(stamps, table).toHaveLength(1);
    }
  });

  it("finds responses and markers stored in the order of their random keys, not of their Submits", async () => {
    const byPlace = (await query("select id from responses order by ctid")).map((row) => String(row.id));
    const byKey = (await query("select id from responses order by id")).map((row) => String(row.id));
    expect(byPlace).toHaveLength(6);
    expect(byPlace).toEqual(byKey);
    const markers = (await query("select marker from submissions order by ctid")).map((row) => row.marker);
    expect(markers).toEqual([...markers].sort());
  });

  it("finds no sealed draft's key in any file of the database, dead rows and indexes included", async () => {
    const files = await databaseFiles();
    expect(files.some((bytes) => bytes.includes("typed by expert 0"))).toBe(true);
    for (const key of draftKeys) {
      expect(files.filter((bytes) => bytes.includes(key))).toHaveLength(0);
    }
  });

  it("finds no trace of an erased account's names in any file of the database", async () => {
    await store.experts.enrol("pseudonym-of-leaver", { telegramId: 7_770_001, language: "en" }, new Date());
    await store.experts.update("pseudonym-of-leaver", { firstName: "Zhanargul", lastName: "Leaverova" });
    await store.participants.findOrCreate("pseudonym-of-leaver", new Date());
    expect((await databaseFiles()).some((bytes) => bytes.includes("Leaverova"))).toBe(true);
    await store.experts.deleteEverything("pseudonym-of-leaver");
    const files = await databaseFiles();
    for (const trace of ["Leaverova", "Zhanargul", "pseudonym-of-leaver"]) {
      expect(
        files.filter((bytes) => bytes.includes(trace)),
        trace,
      ).toHaveLength(0);
    }
  });

  it("keeps the tallies equal to the submitted answers", async () => {
    const [tally] = await store.tallies.tallies("education");
    expect(tally?.respondents).toBe(6);
    expect(tally?.answers.get("region")).toEqual([
      { value: { kind: "choice", option: "shymkent" }, count: 6 },
    ]);
    const typed = (await store.results.submitted("education")).map(
      ({ answers }) => (answers.recommendations as { value: string }).value,
    );
    expect(typed.sort()).toEqual([0, 1, 2, 3, 4, 5].map((expert) => `typed by expert ${expert}`));
  });

  it("seals while another instance answers and reads, and neither side fails or deadlocks", async () => {
    const { url } = database as PostgresDatabase;
    const other = await openStore({ url, path: "" });
    try {
      const drafts = await Promise.all(
        [0, 1, 2, 3, 4, 5, 6, 7].map((expert) => answeredDraft(`busy-${expert}`, true, `busy ${expert}`)),
      );
      const seals = drafts.map((draft, expert) =>
        store.submissions.seal(draft.id, {
          receiptHash: `busy-receipt-${expert}`,
          marker: `busy-marker-${expert}`,
          day: new Date(),
        }),
      );
      const answering = [0, 1, 2, 3, 4, 5, 6, 7].map(async (expert) => {
        const state = { anonymous: false, answers: {}, current: null, reviewing: false, pending: null };
        const draft = await other.drafts.create(
          {
            waveId: wave.id,
            questionnaire: "education",
            respondentKey: `named-busy-${expert}`,
            anonymous: false,
            source: "telegram",
          },
          state,
          new Date(),
        );
        for (const option of ["shymkent", "turkestan_region", "shymkent"]) {
          const saved = { questionId: "region", value: { kind: "choice" as const, option } };
          await other.drafts.recordStep(draft.id, { saved, removed: [], state }, new Date());
          await other.results.submitted("education");
          await other.tallies.tallies("education");
        }
      });
      expect(await Promise.all(seals)).toEqual(drafts.map(() => true));
      await Promise.all(answering);
      expect((await store.results.submitted("education")).length).toBe(6 + 8);
    } finally {
      await other.close();
    }
  });

  it("keeps sealing after another process added columns to the person tables (a migration while it runs)", async () => {
    const sealMany = async (prefix: string) => {
      const drafts = await Promise.all(
        [0, 1, 2, 3].map((expert) => answeredDraft(`${prefix}-${expert}`, true, `${prefix} ${expert}`)),
      );
      return Promise.all(
        drafts.map((draft, expert) =>
          store.submissions.seal(draft.id, {
            receiptHash: `${prefix}-receipt-${expert}`,
            marker: `${prefix}-marker-${expert}`,
            day: new Date(),
          }),
        ),
      );
    };
    expect(await sealMany("before-migration")).toEqual([true, true, true, true]);
    for (const table of SUBMIT_TABLES) await query(`alter table ${table} add column added_later text`);
    expect(await sealMany("after-migration")).toEqual([true, true, true, true]);
    expect((await store.results.submitted("education")).length).toBe(6 + 8 + 8);
  });
});
