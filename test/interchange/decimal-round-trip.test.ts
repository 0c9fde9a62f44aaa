import { describe, expect, it } from "vitest";
import { FormRepository } from "../../src/db/form-repository.ts";
import { ResponseRepository } from "../../src/db/response-repository.ts";
import { openDatabase } from "../../src/db/sqlite/open-sqlite.ts";
import { TallyRepository } from "../../src/db/tally-repository.ts";
import { WaveRepository } from "../../src/db/wave-repository.ts";
import { Translations } from "../../src/i18n/translator.ts";
import { exportCsv, exportWorkbook, responseTable } from "../../src/interchange/export-responses.ts";
import { importResponses } from "../../src/interchange/import-responses.ts";
import { encodeResponse, interchangeHeader } from "../../src/interchange/interchange.ts";
import type { ResponseStore } from "../../src/interchange/response-store.ts";
import type { Answers } from "../../src/questionnaire/types.ts";
import { toCsv } from "../../src/report/csv.ts";
import { fieldStudy } from "../support/field-study.ts";

function fieldStore(): ResponseStore {
  const db = openDatabase(":memory:");
  const waves = new WaveRepository(db);
  waves.ensureFirstWaves([fieldStudy.id], new Date());
  return {
    questionnaires: new Map([[fieldStudy.id, fieldStudy]]),
    waves,
    responses: new ResponseRepository(db),
    tallies: new TallyRepository(db),
    forms: new FormRepository(db),
  };
}

const PAPER: Answers[] = [
  { district: { kind: "choice", option: "north" }, hours_per_week: { kind: "decimal", value: 3.5 } },
  { district: { kind: "choice", option: "south" }, hours_per_week: { kind: "decimal", value: 0.25 } },
  { district: { kind: "choice", option: "south" }, hours_per_week: { kind: "declined" } },
];

/** Response ids are random, so the answers are compared in a fixed order. */
function answersOf(store: ResponseStore) {
  return store.responses
    .submitted(fieldStudy.id)
    .map((response) => response.answers)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const SORTED = [...PAPER].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("a decimal answer through export and import", () => {
  it("comes back unchanged through CSV and XLSX, and the note has no column", async () => {
    const paper = fieldStore();
    const csv = toCsv([
      interchangeHeader(fieldStudy),
      ...PAPER.map((answers, index) =>
        encodeResponse(fieldStudy, { respondentId: `p-${index}`, wave: 1, anonymous: true, answers }),
      ),
    ]);
    expect(await importResponses(paper, Buffer.from(csv), new Date())).toMatchObject({
      ok: true,
      imported: 3,
    });
    expect(answersOf(paper)).toEqual(SORTED);
    expect(responseTable(paper, fieldStudy)[0]).not.toContain("intro");

    const throughCsv = fieldStore();
    await importResponses(throughCsv, Buffer.from(exportCsv(paper, fieldStudy)), new Date());
    expect(answersOf(throughCsv)).toEqual(SORTED);

    const throughXlsx = fieldStore();
    const en = Translations.load().forLanguage("en");
    await importResponses(throughXlsx, await exportWorkbook(paper, en), new Date());
    expect(answersOf(throughXlsx)).toEqual(SORTED);
  });

  it("reads a decimal comma typed on paper", async () => {
    const store = fieldStore();
    const csv = toCsv([interchangeHeader(fieldStudy), ["p-1", 1, "field_study", "yes", "north", "2,75", ""]]);
    expect(await importResponses(store, Buffer.from(csv), new Date())).toMatchObject({
      ok: true,
      imported: 1,
    });
    expect(answersOf(store)[0]?.hours_per_week).toEqual({ kind: "decimal", value: 2.75 });
  });
});
