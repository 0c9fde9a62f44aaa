import { type Api, InlineKeyboard, InputFile } from "grammy";
import type { Translate } from "../i18n/translator.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import { renderBarChart } from "../report/charts.ts";
import { type SummaryPage, summaryPages } from "../report/summary-pages.ts";
import { compareGroups, type ResponseRecord, summariseQuestionnaire } from "../stats/summarise.ts";
import type { BotServices } from "./context.ts";

/** Which waves a summary covers: one wave, or "c" for all waves with the last two compared. */
export type WaveSelection = number | "c";

const CAPTION_LIMIT = 1024;
const COMPARED_REGIONS = ["shymkent", "turkestan_region"];
const PAGE_PATTERN = /^sum:p:([a-z_]+):(\d+|c):(\d+):(\d+)$/;

export function summaryPagesFor(
  services: BotServices,
  t: Translate,
  questionnaireId: string,
  selection: WaveSelection,
): SummaryPage[] {
  const questionnaire = services.questionnaires.get(questionnaireId)!;
  const records = services.responses
    .submitted(questionnaireId)
    .filter((record) => selection === "c" || record.wave === selection);
  const known = services.waves
    .list(questionnaireId)
    .map((wave) => wave.number)
    .filter((number) => selection === "c" || number === selection);
  const summary = summariseQuestionnaire(questionnaire, records, known);
  return summaryPages(
    t,
    questionnaire,
    summary,
    groupComparisons(questionnaire, records, summary.waves.at(-1)),
  );
}

/** Rank questions compared between Shymkent and Turkestan region, and between named and anonymous experts. */
function groupComparisons(questionnaire: Questionnaire, records: ResponseRecord[], wave: number | undefined) {
  const latest = records.filter((record) => record.wave === wave);
  const region = (record: ResponseRecord) => {
    const answer = record.answers.region;
    return answer?.kind === "choice" && COMPARED_REGIONS.includes(answer.option) ? answer.option : undefined;
  };
  const anonymity = (record: ResponseRecord) => (record.anonymous ? "anonymous" : "named");
  return questionnaire.questions
    .filter((question) => question.type === "rank")
    .flatMap((question) =>
      [region, anonymity].map((groupOf) => compareGroups(questionnaire, latest, question.id, groupOf)),
    );
}

export interface PageAddress {
  questionnaireId: string;
  selection: WaveSelection;
  page: number;
  /** A chart sent as its own message above a page too long for a caption; removed with the page. */
  extraMessageId: number;
}

export function parsePageAddress(data: string): PageAddress | undefined {
  const match = PAGE_PATTERN.exec(data);
  if (!match) return undefined;
  const selection = match[2] === "c" ? "c" : Number(match[2]);
  return { questionnaireId: match[1]!, selection, page: Number(match[3]), extraMessageId: Number(match[4]) };
}

/**
 * Sends one page: its chart as a picture with the text as caption (or picture, then text, when the text is
 * too long for a caption), and ◀️ n/N ▶️ buttons to page through the questions.
 */
export async function sendSummaryPage(
  api: Api,
  chatId: number,
  t: Translate,
  pages: SummaryPage[],
  address: Omit<PageAddress, "extraMessageId">,
): Promise<void> {
  const page = pages[address.page];
  if (!page) return;
  const base = `sum:p:${address.questionnaireId}:${address.selection}`;
  const keyboard = (extra: number) => {
    const buttons = new InlineKeyboard();
    if (address.page > 0) buttons.text(t("coordinator:previous"), `${base}:${address.page - 1}:${extra}`);
    buttons.text(`${address.page + 1}/${pages.length}`, `${base}:${address.page}:${extra}`);
    if (address.page < pages.length - 1)
      buttons.text(t("coordinator:next"), `${base}:${address.page + 1}:${extra}`);
    return buttons;
  };
  if (!page.chart) {
    await api.sendMessage(chatId, page.text, { reply_markup: keyboard(0) });
    return;
  }
  const picture = new InputFile(await renderBarChart(page.chart), "chart.png");
  if (page.text.length <= CAPTION_LIMIT) {
    await api.sendPhoto(chatId, picture, { caption: page.text, reply_markup: keyboard(0) });
    return;
  }
  const photo = await api.sendPhoto(chatId, picture);
  await api.sendMessage(chatId, page.text, { reply_markup: keyboard(photo.message_id) });
}
