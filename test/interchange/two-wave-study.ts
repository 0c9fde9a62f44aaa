import { expect } from "vitest";
import { FormRepository } from "../../src/db/form-repository.ts";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { TallyRepository } from "../../src/db/tally-repository.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { importResponses } from "../../src/interchange/import-responses.ts";
import { encodeResponse, interchangeHeader } from "../../src/interchange/interchange.ts";
import type { ResponseStore } from "../../src/interchange/response-store.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { toCsv } from "../../src/report/csv.ts";
import { questionnaire, questionnaires } from "../support/questionnaires.ts";
import { SPECIAL_EDUCATION_ANSWERS, storeTelegramResponse, variedResponses } from "./varied-responses.ts";

const education = questionnaire("education");
const healthcare = questionnaire("healthcare");

/** An empty study in memory, wave 1 of each questionnaire open. */
/** A database with `waveCount` waves of each questionnaire, the last one open, as /wave_open leaves them. */
export function newStore(waveCount = 1): ResponseStore & { countResponses: () => number } {
  const db = openDatabase(":memory:");
  const waves = new WaveRepository(db);
  waves.ensureFirstWaves(questionnaires.keys(), new Date());
  for (let wave = 1; wave < waveCount; wave++) {
    for (const id of questionnaires.keys()) waves.openNext(id, new Date());
  }
  const count = () => db.$client.prepare("select count(*) as n from responses").get() as { n: number };
  return {
    questionnaires,
    waves,
    responses: new ResponseRepository(db),
    tallies: new TallyRepository(db),
    forms: new FormRepository(db),
    countResponses: () => count().n,
  };
}

/** A CSV of paper responses of one questionnaire. */
export function paperCsv(
  rows: { id: string; wave: number; anonymous?: boolean; answers: Answers }[],
  of = healthcare,
): Buffer {
  return Buffer.from(
    toCsv([
      interchangeHeader(of),
      ...rows.map((row) =>
        encodeResponse(of, {
          respondentId: row.id,
          wave: row.wave,
          anonymous: row.anonymous ?? true,
          answers: row.answers,
        }),
      ),
    ]),
  );
}

/** Two waves of both questionnaires from Telegram (wave 1 now closed) and paper responses in wave 1. */
export async function studyWithTwoWaves(): Promise<ResponseStore & { countResponses: () => number }> {
  const store = newStore();
  let key = 0;
  for (const of of [education, healthcare]) {
    for (const response of variedResponses(of, 8, 1)) {
      storeTelegramResponse(store, of.id, 1, `tg-key-${key++}`, response);
    }
    store.waves.openNext(of.id, new Date());
    for (const response of variedResponses(of, 8, 2)) {
      storeTelegramResponse(store, of.id, 2, `tg-key-${key++}`, response);
    }
  }
  storeTelegramResponse(store, "education", 2, "named-expert", {
    anonymous: false,
    answers: SPECIAL_EDUCATION_ANSWERS,
  });
  const paper = variedResponses(healthcare, 6, 3).map((response, index) => ({
    id: `Шымкент-${index + 1}`,
    wave: 1,
    ...response,
  }));
  const imported = await importResponses(store, paperCsv(paper), new Date());
  expect(imported).toEqual({ ok: true, imported: 6, alreadyPresent: 0 });
  return store;
}
