import type { StoredResponse } from "../db/response-rows.ts";
import type { Answers, Questionnaire } from "../questionnaire/types.ts";
import { quote } from "./cell-conventions.ts";
import type { ImportRefusal } from "./import-limits.ts";
import { decodeRows, type InterchangeRecord } from "./interchange.ts";
import { cellText } from "./interchange-cells.ts";
import type { Table } from "./read-table-file.ts";
import { readTableFileIsolated } from "./read-table-file-isolated.ts";
import { paperRespondentKey, telegramResponseId } from "./respondent-ids.ts";
import type { ResponseStore } from "./response-store.ts";
import { sameAnswers } from "./same-answers.ts";

/** Something that stops an import, located as precisely as it can be: sheet, spreadsheet row, column. */
export interface ImportProblem {
  sheet?: string;
  row?: number;
  column?: string;
  problem: string;
}

export type ImportResult =
  | { ok: true; imported: number; alreadyPresent: number }
  | { ok: false; problems: ImportProblem[] }
  | { ok: false; refusal: ImportRefusal };

/**
 * Another import storing the same respondents between our lookup and our insert is rare; a clash after each
 * of the lookups again means something keeps taking them, and the coordinator gets the error.
 */
const LOOKUPS_AFTER_A_CLASH = 2;

/** A decoded record and where it came from. */
interface Located {
  record: InterchangeRecord;
  sheet?: string;
  row: number;
}

/**
 * Imports responses collected on paper from an interchange file (CSV or .xlsx bytes), all or nothing: any
 * problem in any row, or a respondent already stored in that wave with other answers, imports nothing and
 * the problems are returned. Otherwise every new record becomes a submitted paper response in its wave
 * (closed waves are filled too), and records already stored with the same answers are skipped, so importing a
 * file twice, or importing an export, doubles nothing. A wave must exist already: waves begin with
 * /wave_open, and a typo such as wave 20 must not create a wave that then shifts every later one. The file is
 * read in a worker within the import limits; a file beyond them is refused as a whole.
 *
 * @example
 * await importResponses(store, readFileSync("paper.xlsx"), new Date());
 * // { ok: true, imported: 12, alreadyPresent: 0 }
 */
export async function importResponses(
  store: ResponseStore,
  file: Uint8Array,
  now: Date,
): Promise<ImportResult> {
  const read = await readTableFileIsolated(file);
  if (!read.ok) return "refusal" in read ? read : { ok: false, problems: [{ problem: read.problem }] };
  const { located, problems } = decodeTables(store.questionnaires, read.tables);
  if (problems.length > 0) return { ok: false, problems };
  return storeRecords(store, located, now);
}

/** Decodes every table; a respondent may appear once per questionnaire and wave across all of them. */
function decodeTables(
  known: ReadonlyMap<string, Questionnaire>,
  tables: Table[],
): { located: Located[]; problems: ImportProblem[] } {
  const questionnaires = new Map(known);
  const located: Located[] = [];
  const problems: ImportProblem[] = [];
  const firstSeen = new Map<string, Located>();
  for (const { sheet, rows } of tables) {
    const decoded = decodeRows(questionnaires, rows);
    problems.push(...decoded.problems.map((problem) => ({ ...(sheet ? { sheet } : {}), ...problem })));
    if (decoded.problems.length > 0) continue;
    // Without problems, decodeRows gives one record per non-empty row after the header, in order.
    const rowNumbers = rows.flatMap((cells, index) =>
      index > 0 && cells.some((cell) => cellText(cell) !== "") ? [index + 1] : [],
    );
    decoded.records.forEach((record, index) => {
      const entry: Located = { record, row: rowNumbers[index]!, ...(sheet ? { sheet } : {}) };
      const key = JSON.stringify([record.questionnaire, record.wave, record.respondentId]);
      const earlier = firstSeen.get(key);
      if (earlier) {
        const where = `${earlier.sheet ? `sheet ${quote(earlier.sheet)}, ` : ""}row ${earlier.row}`;
        problems.push(
          at(
            entry,
            `duplicate respondent ${quote(record.respondentId)} in wave ${record.wave} of questionnaire ` +
              `${quote(record.questionnaire)} (also in ${where})`,
          ),
        );
      } else firstSeen.set(key, entry);
      located.push(entry);
    });
  }
  return { located, problems };
}

async function storeRecords(
  store: ResponseStore,
  located: Located[],
  now: Date,
  attemptsLeft = LOOKUPS_AFTER_A_CLASH,
): Promise<ImportResult> {
  const fresh: Located[] = [];
  const problems: ImportProblem[] = [];
  let alreadyPresent = 0;
  for (const entry of located) {
    const missingWave = await missingWaveProblem(store, entry.record);
    if (missingWave) {
      problems.push({ ...at(entry, missingWave), column: "wave" });
      continue;
    }
    const stored = await storedResponse(store, entry.record);
    if (!stored) fresh.push(entry);
    else if (await sameResponse(store, stored, entry.record)) alreadyPresent++;
    else {
      const { respondentId, wave, questionnaire } = entry.record;
      problems.push(
        at(
          entry,
          `respondent ${quote(respondentId)} in wave ${wave} of questionnaire ${quote(questionnaire)} is ` +
            "already stored with other answers",
        ),
      );
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const rows = [];
  for (const { record } of fresh) {
    const wave = (await store.waves.byNumber(record.questionnaire, record.wave))!;
    const telegramId = telegramResponseId(record.respondentId);
    // Keeping a Telegram response's id, where it is free, keeps "tg-<id>" unique when the export is read
    // into another database that later collects Telegram responses of its own.
    const keepId = telegramId !== undefined && (await store.results.mayKeepId(telegramId));
    rows.push({
      ...(keepId ? { id: telegramId } : {}),
      waveId: wave.id,
      questionnaire: record.questionnaire,
      respondentKey: paperRespondentKey(record.respondentId),
      anonymous: record.anonymous,
      source: "paper" as const,
      answers: record.answers,
    });
  }
  // All or nothing. Another import may have stored some of these respondents since they were looked up:
  // then nothing is stored, and the records are looked up again, so the report names those rows.
  if (await store.results.insertSubmitted(rows, now))
    return { ok: true, imported: fresh.length, alreadyPresent };
  if (attemptsLeft === 0) throw new Error("the responses' keys were taken again by another import");
  return storeRecords(store, located, now, attemptsLeft - 1);
}

/** Why a record's wave cannot take it, or undefined when the wave exists. */
async function missingWaveProblem(
  store: ResponseStore,
  record: InterchangeRecord,
): Promise<string | undefined> {
  if (await store.waves.byNumber(record.questionnaire, record.wave)) return undefined;
  const numbers = (await store.waves.list(record.questionnaire)).map((wave) => wave.number);
  return (
    `wave ${record.wave} of questionnaire ${quote(record.questionnaire)} does not exist (its waves: ` +
    `${numbers.join(", ")}); a new wave is started with /wave_open before its responses are imported`
  );
}

/** The stored response a record stands for: a paper one by its id, or the Telegram one a "tg-<n>" names. */
async function storedResponse(
  store: ResponseStore,
  record: InterchangeRecord,
): Promise<StoredResponse | undefined> {
  const wave = await store.waves.byNumber(record.questionnaire, record.wave);
  if (!wave) return undefined;
  const paper = await store.drafts.find(wave.id, paperRespondentKey(record.respondentId));
  if (paper) return paper;
  const telegramId = telegramResponseId(record.respondentId);
  const telegram = telegramId === undefined ? undefined : await store.drafts.byId(telegramId);
  return telegram?.source === "telegram" && telegram.waveId === wave.id ? telegram : undefined;
}

async function sameResponse(
  store: ResponseStore,
  stored: StoredResponse,
  record: InterchangeRecord,
): Promise<boolean> {
  const answers: Answers = await store.drafts.answersOf(stored.id);
  return (
    stored.submittedAt !== null &&
    stored.anonymous === record.anonymous &&
    sameAnswers(answers, record.answers)
  );
}

function at(entry: Located, problem: string): ImportProblem {
  return { ...(entry.sheet ? { sheet: entry.sheet } : {}), row: entry.row, column: "respondent_id", problem };
}
