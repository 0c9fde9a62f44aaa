import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "../../src/interchange/import-limits.ts";
import { readTableFileIsolated } from "../../src/interchange/read-table-file-isolated.ts";
import {
  csvOfNewlines,
  workbookWithLastColumnCells,
  workbookWithLastRowCell,
  zipBomb,
} from "../support/hostile-files.ts";
import { createTestBot, type TestBot } from "../support/test-bot.ts";

const COORDINATOR = 42;
const UNPACKED_BEYOND_LIMIT = IMPORT_LIMITS.unpackedBytes + 1024 * 1024;

async function upload(
  testBot: TestBot,
  language: string,
  fileName: string,
  bytes: Buffer,
  declared?: number | null,
) {
  const update = testBot.telegram.documentUpdate(
    { id: COORDINATOR, language_code: language },
    { fileName, bytes },
  );
  const document = (update.message as { document: { file_size?: number } }).document;
  if (declared === null) delete document.file_size;
  else if (declared !== undefined) document.file_size = declared;
  await testBot.bot.handleUpdate(update);
  return testBot.telegram.lastMessage(COORDINATOR).text;
}

describe("a hostile upload is refused with one message in the coordinator's language", () => {
  it("refuses a workbook with a cell at A1048576, 300 cells in column XFD, and zip bombs", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    expect(await upload(testBot, "en", "rows.xlsx", await workbookWithLastRowCell())).toBe(
      "Nothing was imported: the table is too long (more than 10000 rows on a sheet). Split it into smaller files and send them one at a time.",
    );
    expect(await upload(testBot, "ru", "columns.xlsx", await workbookWithLastColumnCells())).toBe(
      "Ничего не импортировано: таблица слишком широкая (более 256 столбцов на листе). Оставьте только столбцы формата обмена и отправьте файл ещё раз.",
    );
    const unpacked =
      "Ештеңе импортталмады: кітап ашылғанда 100 МБ-тан асады. Жауаптары бар парақтарды ғана қалдырып, оны қайта жіберіңіз.";
    expect(await upload(testBot, "kk", "bomb.xlsx", zipBomb(UNPACKED_BEYOND_LIMIT))).toBe(unpacked);
    // The same bomb declaring 1 KB is stopped by how far it inflates.
    expect(await upload(testBot, "kk", "lying.xlsx", zipBomb(UNPACKED_BEYOND_LIMIT, 1024))).toBe(unpacked);
    expect(testBot.db.$client.prepare("select count(*) from responses").pluck().get()).toBe(0);
  });

  it("refuses 10 MB of line ends at the row limit", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    expect(await upload(testBot, "en", "paper.csv", csvOfNewlines())).toMatch(/more than 10000 rows/);
  });

  it("refuses a document without a declared size, and stops a download that outgrows a declared one", async () => {
    const testBot = await createTestBot({ coordinatorIds: [COORDINATOR] });
    expect(await upload(testBot, "en", "paper.csv", Buffer.from("respondent_id\n"), null)).toBe(
      "Telegram did not say how large this file is, so it was not imported. Please send it again as a file.",
    );
    expect(testBot.telegram.callsOf("getFile")).toEqual([]);
    const oversized = Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, "a");
    expect(await upload(testBot, "en", "paper.csv", oversized, 100)).toBe(
      "This file is too large to import (more than 10 MB).",
    );
  });

  it("ends a worker that passes its heap limit or its time, and refuses the file as too costly", async () => {
    // Within the row and column limits, but 1.8 million cells do not fit into a 16 MB heap.
    const dense = Buffer.from(`${"x,".repeat(199)}x\n`.repeat(9_000));
    const exhausted = { ok: false, refusal: "exhausted" };
    expect(await readTableFileIsolated(dense, { ...IMPORT_LIMITS, workerHeapMegabytes: 16 })).toEqual(
      exhausted,
    );
    expect(await readTableFileIsolated(dense, { ...IMPORT_LIMITS, workerMilliseconds: 1 })).toEqual(
      exhausted,
    );
    expect(await readTableFileIsolated(Buffer.from("respondent_id\nP-1\n"))).toEqual({
      ok: true,
      tables: [{ rows: [["respondent_id"], ["P-1"]] }],
    });
  });
});
