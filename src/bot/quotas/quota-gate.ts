import type { Wave } from "../../db/wave-repository.ts";
import { findQuestion } from "../../questionnaire/engine.ts";
import type { FlowStep } from "../../questionnaire/flow-types.ts";
import type { Questionnaire } from "../../questionnaire/types.ts";
import {
  type QuotaProgress,
  type QuotaVerdict,
  quotaProgress,
  quotaVerdict,
} from "../../quotas/quota-progress.ts";
import type { BotServices } from "../bot-services.ts";
import type { BotContext } from "../context.ts";
import type { ActiveResponse, ExpertChat } from "../expert-chat.ts";
import { questionnaireTitle } from "../screens/labels.ts";
import { escapeHtml } from "../screens/screen.ts";
import { categoryLabel } from "./quota-category-label.ts";

/** What became of an expert at a quota check: turned away, told the group is full, or nothing to say. */
export type QuotaOutcome = "stopped" | "warned" | undefined;

/** How far the questionnaire's quotas are filled by the responses submitted in the wave. */
export async function quotaProgressIn(
  services: BotServices,
  questionnaireId: string,
  wave: Wave,
): Promise<QuotaProgress[]> {
  const quotas = await services.quotas.list(questionnaireId);
  if (quotas.length === 0) return [];
  const questions = quotas.flatMap(({ category }) => (category.kind === "option" ? [category.question] : []));
  return quotaProgress(quotas, await services.quotas.submittedAnswers(wave.id, questions));
}

/**
 * Before an expert's first question: a full `total` quota turns a newcomer away or warns them. Experts who
 * already have a response in the wave are enrolled and pass.
 */
export async function checkTotalQuota(
  ctx: BotContext,
  chat: ExpertChat,
  questionnaire: Questionnaire,
  wave: Wave,
): Promise<QuotaOutcome> {
  const { services } = ctx;
  for (const anonymous of [true, false]) {
    if (await services.drafts.find(wave.id, chat.respondentKey(questionnaire.id, anonymous)))
      return undefined;
  }
  const verdict = quotaVerdict(await quotaProgressIn(services, questionnaire.id, wave), {});
  return verdict ? tell(ctx, chat, questionnaire, verdict) : undefined;
}

/**
 * After an answer to a profile question: when it puts the expert into a full category, they learn it now,
 * before the main questions. A turned-away expert's draft is deleted: they are not enrolled.
 */
export async function checkQuotasAfterAnswer(
  ctx: BotContext,
  chat: ExpertChat,
  active: ActiveResponse,
  step: FlowStep,
): Promise<QuotaOutcome> {
  const question = step.saved && findQuestion(active.questionnaire, step.saved.questionId);
  if (question?.section !== "profile" || active.response.submittedAt) return undefined;
  const progress = await quotaProgressIn(ctx.services, active.questionnaire.id, active.wave);
  const verdict = quotaVerdict(progress, step.state.answers, question.id);
  if (!verdict) return undefined;
  if (verdict.mode === "stop") await discardDraft(ctx.services, chat, active.response.id);
  return tell(ctx, chat, active.questionnaire, verdict);
}

async function discardDraft(services: BotServices, chat: ExpertChat, responseId: number): Promise<void> {
  await services.drafts.delete(responseId);
  if (!(await services.drafts.hasResponses(chat.pseudonym))) await services.experts.delete(chat.pseudonym);
}

async function tell(
  ctx: BotContext,
  chat: ExpertChat,
  questionnaire: Questionnaire,
  verdict: QuotaVerdict,
): Promise<QuotaOutcome> {
  const t = chat.t;
  const total = verdict.quotas.some((quota) => quota.category.kind === "total");
  const values = {
    title: questionnaireTitle(t, questionnaire),
    category: verdict.quotas.map((quota) => categoryLabel(t, questionnaire, quota.category)).join("; "),
  };
  const key = `quotas:quota.${verdict.mode}${total ? "_total" : ""}`;
  if (verdict.mode === "warn") {
    await ctx.reply(t(key, values));
    return "warned";
  }
  await chat.update({ stage: "questionnaire", questionnaire: null, anonymous: null });
  await chat.present(() => ({ text: escapeHtml(t(key, values)) }), "edit");
  return "stopped";
}
