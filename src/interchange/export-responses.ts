import { languageOf, type Translate } from "../i18n/translator.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { toCsv } from "../report/csv.ts";
import { buildWorkbook, type SheetInput } from "../report/xlsx.ts";
import { codebookRows } from "./codebook-sheet.ts";
import { encodeResponse, interchangeHeader } from "./interchange.ts";
import type { InterchangeCell } from "./interchange-cells.ts";
import { exportedRespondentId } from "./respondent-ids.ts";
import type { ResponseStore } from "./response-store.ts";
import { type SpssFiles, spssFiles } from "./spss-export.ts";
import { summariseStoredWaves } from "./stored-summary.ts";
import { SUMMARY_COLUMN_WIDTHS, summaryRows } from "./summary-sheet.ts";

/**
 * The interchange table of a questionnaire's submitted responses, identity answers of named experts
 * included: the header, then one row per response by wave and in the order they were stored.
 *
 * @example
 * (await responseTable(store, education))[1]; // ["tg-12", 1, "education", "no", "Әсел Нұрова", …]
 */
export async function responseTable(
  store: ResponseStore,
  questionnaire: Questionnaire,
): Promise<InterchangeCell[][]> {
  const rows = (await store.results.submittedWithOrigin(questionnaire.id)).map((response) =>
    encodeResponse(questionnaire, {
      respondentId: exportedRespondentId(response),
      wave: response.wave,
      anonymous: response.anonymous,
      answers: response.answers,
    }),
  );
  return [interchangeHeader(questionnaire), ...rows];
}

/**
 * The .xlsx export: a responses sheet per questionnaire in the interchange layout (what import reads), the
 * codebook, and a summary sheet per questionnaire laid out like the paper's tables, all labelled in the
 * reader's language. `questionnaires` defaults to all of them.
 */
export async function exportWorkbook(
  store: ResponseStore,
  t: Translate,
  questionnaires: readonly Questionnaire[] = [...store.questionnaires.values()],
): Promise<Buffer> {
  const title = (questionnaire: Questionnaire) => new FormTexts(languageOf(t)).title(questionnaire);
  const sheets: SheetInput[] = [];
  for (const questionnaire of questionnaires) {
    sheets.push({
      name: t("interchange:sheets.responses", { title: title(questionnaire) }),
      rows: await responseTable(store, questionnaire),
    });
  }
  sheets.push({ name: t("interchange:sheets.codebook"), rows: codebookRows(t, questionnaires) });
  for (const questionnaire of questionnaires) {
    sheets.push({
      name: t("interchange:sheets.summary", { title: title(questionnaire) }),
      rows: summaryRows(t, questionnaire, await summariseStoredWaves(store, questionnaire, "all")),
      header: false,
      columnWidths: SUMMARY_COLUMN_WIDTHS,
    });
  }
  return buildWorkbook(sheets);
}

/**
 * A questionnaire's responses as CSV that Excel opens with Cyrillic and Kazakh intact (UTF-8 BOM, CRLF) and
 * with cells that could run as formulas neutralised.
 */
export async function exportCsv(store: ResponseStore, questionnaire: Questionnaire): Promise<string> {
  return toCsv(await responseTable(store, questionnaire));
}

/** A questionnaire's submitted responses as SPSS syntax and the CSV it reads, labelled in the reader's language. */
export async function exportSpss(
  store: ResponseStore,
  t: Translate,
  questionnaire: Questionnaire,
): Promise<SpssFiles> {
  const records = (await store.results.submittedWithOrigin(questionnaire.id)).map((response) => ({
    respondentId: exportedRespondentId(response),
    wave: response.wave,
    anonymous: response.anonymous,
    source: response.source,
    answers: response.answers,
  }));
  const waves = (await store.waves.list(questionnaire.id)).map((wave) => wave.number);
  return spssFiles(t, questionnaire, records, waves);
}
