import { type Api, InlineKeyboard, InputFile } from "grammy";
import type { RankingGroup } from "../../../db/result-repository.ts";
import type { WaveSelection } from "../../../db/summary-source.ts";
import type { Translate } from "../../../i18n/translator.ts";
import { summariseStoredWaves } from "../../../interchange/stored-summary.ts";
import type { Questionnaire } from "../../../questionnaire/types.ts";
import { renderBarChart } from "../../../report/charts.ts";
import { type SummaryPage, summaryPages } from "../../../report/summary-pages.ts";
import { compareGroups, type ResponseRecord } from "../../../stats/summarise.ts";
import type { BotServices } from "../../bot-services.ts";

const CAPTION_LIMIT = 1024;
const PAGE_PATTERN = /^sum:p:([A-Za-z0-9_-]+):(\d+|all):(\d+):(\d+)$/;

/** The pages of a summary of the selected waves, with rank questions compared between groups of experts. */
export async function summaryPagesFor(
  services: BotServices,
  t: Translate,
  questionnaireId: string,
  selection: WaveSelection,
): Promise<SummaryPage[]> {
  const questionnaire = services.questionnaires.get(questionnaireId)!;
  const summary = await summariseStoredWaves(services, questionnaire, selection);
  const wave = summary.waves.at(-1);
  const rankIds = questionnaire.questions
    .filter((question) => question.type === "rank")
    .map((question) => question.id);
  const groups =
    wave === undefined
      ? []
      : await services.results.rankingsByGroup(
          questionnaireId,
          wave,
          rankIds,
          questionnaire.compareBy?.question,
        );
  return summaryPages(t, questionnaire, summary, groupComparisons(questionnaire, groups, rankIds));
}

/**
 * Rank questions compared between the two groups the form names (e.g. Shymkent and Turkestan region), and
 * between named and anonymous experts.
 */
function groupComparisons(questionnaire: Questionnaire, groups: RankingGroup[], rankQuestionIds: string[]) {
  const rule = questionnaire.compareBy;
  const byRule = (record: ResponseRecord) => {
    const answer = rule && record.answers[rule.question];
    return answer?.kind === "choice" && rule?.options.includes(answer.option) ? answer.option : undefined;
  };
  const anonymity = (record: ResponseRecord) => (record.anonymous ? "anonymous" : "named");
  return rankQuestionIds.flatMap((questionId) => {
    // One record per expert, as compareGroups counts them; experts who gave the same answers share one.
    const records = groups
      .filter((group) => group.questionId === questionId)
      .flatMap((group) => {
        const record: ResponseRecord = {
          respondentId: "",
          wave: 0,
          anonymous: group.anonymous,
          answers: {
            [questionId]: group.ranking,
            ...(rule && group.group ? { [rule.question]: group.group } : {}),
          },
        };
        return Array.from({ length: group.count }, () => record);
      });
    return [...(rule ? [byRule] : []), anonymity].map((groupOf) =>
      compareGroups(questionnaire, records, questionId, groupOf),
    );
  });
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
  const selection = match[2] === "all" ? "all" : Number(match[2]);
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
