import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { Pseudonyms } from "../../src/privacy/pseudonyms.ts";
import { migrationsFolder } from "./migration-folders.ts";

const DAY = Date.UTC(2023, 9, 17);
const SUBMITTED = DAY + 10 * 3_600_000 + 23 * 60_000 + 17_123;
const pseudonyms = new Pseudonyms("test-key-test-key-test-key-test-key");
const anonymousKey = pseudonyms.anonymousRespondent(900_001, "education");

/** A database as the version before sealed responses left it: one anonymous and one named response. */
function databaseBeforeSealing(): string {
  const path = join(mkdtempSync(join(tmpdir(), "sealing-")), "survey.db");
  const db = openDatabase(path, migrationsFolder(5));
  const sqlite = db.$client;
  sqlite
    .prepare("insert into waves (id, questionnaire, number, opened_at) values (1, 'education', 1, ?)")
    .run(DAY);
  const insertResponse = sqlite.prepare(
    `insert into responses (id, wave_id, questionnaire, respondent_key, anonymous, source, receipt, submitted_at,
       updated_at, created_at) values (?, 1, 'education', ?, ?, 'telegram', ?, null, ?, ?)`,
  );
  const insertAnswer = sqlite.prepare(
    "insert into answers (response_id, question_id, value, answered_at) values (?, ?, ?, ?)",
  );
  const submit = sqlite.prepare("update responses set submitted_at = ? where id = ?");
  for (const [id, key, anonymous] of [
    [1, anonymousKey, 1],
    [2, pseudonyms.participant(900_002), 0],
  ] as const) {
    insertResponse.run(id, key, anonymous, `EDU1-00000${id}`, SUBMITTED, SUBMITTED - 60_000);
    insertAnswer.run(
      id,
      "region",
      JSON.stringify({ kind: "choice", option: "shymkent" }),
      SUBMITTED - 30_000,
    );
    insertAnswer.run(
      id,
      "experience_years",
      JSON.stringify({ kind: "integer", value: 12 }),
      SUBMITTED - 20_000,
    );
    submit.run(SUBMITTED, id);
  }
  sqlite.close();
  return path;
}

describe("upgrading to sealed anonymous responses", () => {
  it("severs an existing anonymous response: new random id and key, day-only times, same answers and tallies", () => {
    const path = databaseBeforeSealing();
    const db = openDatabase(path);
    const tallies = () =>
      db.$client.prepare("select * from answer_tallies order by question_id, value").all();
    const talliesBefore = tallies();
    const responses = new ResponseRepository(db);
    expect(responses.sealLegacyAnonymous((key, waveId) => pseudonyms.submissionMarker(key, waveId))).toBe(1);

    const rows = db.$client.prepare("select * from responses order by anonymous").all() as Record<
      string,
      unknown
    >[];
    const [named, sealed] = rows as [Record<string, unknown>, Record<string, unknown>];
    expect(named).toMatchObject({
      id: 2,
      respondent_key: pseudonyms.participant(900_002),
      submitted_at: SUBMITTED,
    });
    expect(sealed.id).not.toBe(1);
    expect(String(sealed.respondent_key)).toMatch(/^sealed:[0-9a-f]{32}$/);
    expect([sealed.submitted_at, sealed.updated_at, sealed.created_at]).toEqual([DAY, DAY, DAY]);
    expect(sealed).not.toHaveProperty("receipt");
    const answered = db.$client
      .prepare("select answered_at from answers where response_id = ?")
      .pluck()
      .all(sealed.id);
    expect(answered).toEqual([DAY, DAY]);
    expect(tallies()).toEqual(talliesBefore);
    expect(responses.hasSubmission(pseudonyms.submissionMarker(anonymousKey, 1))).toBe(true);
    expect(responses.sealLegacyAnonymous((key, waveId) => pseudonyms.submissionMarker(key, waveId))).toBe(0);
    db.$client.close();
  });
});
