import { isLanguage } from "../../../i18n/translator.ts";
import { resumeAt, startResponse } from "../../../questionnaire/response-flow.ts";
import type { BotContext } from "../../context.ts";
import type { ActionHandlers } from "../../expert-actions.ts";
import type { ExpertChat } from "../../expert-chat.ts";
import { readInstalledForms } from "../../form-activation.ts";
import { checkTotalQuota } from "../../quotas/quota-gate.ts";

/**
 * Language → consent → questionnaire → anonymous or named. Each choice is stored before the next screen,
 * so an interrupted expert resumes at the same step.
 */
export const onboardingActions: ActionHandlers = {
  async language(_ctx, chat, press) {
    if (!isLanguage(press.argument)) return undefined;
    const stage = chat.participant.stage === "language" ? "consent" : chat.participant.stage;
    await chat.update({ language: press.argument, stage });
    await chat.showCurrent("edit");
    return chat.t("language.chosen");
  },

  async consent(ctx, chat) {
    const preselected = chat.participant.questionnaire;
    await chat.update({
      stage: preselected ? "anonymity" : "questionnaire",
      consentedAt: ctx.services.now(),
    });
    if (preselected && !(await ctx.services.waves.openWave(preselected))) await chat.noOpenWave();
    else await chat.showCurrent("edit");
    return undefined;
  },

  async decline_consent(ctx, chat) {
    await chat.retireScreen({ stage: "language" });
    await ctx.editMessageText(chat.t("consent.declined"));
    return undefined;
  },

  async questionnaire(ctx, chat, press) {
    await readInstalledForms(ctx.services);
    if (!press.argument || !ctx.services.questionnaires.has(press.argument)) return undefined;
    if (!(await ctx.services.waves.openWave(press.argument))) {
      await chat.noOpenWave();
      return undefined;
    }
    await chat.update({ questionnaire: press.argument, stage: "anonymity" });
    await chat.showCurrent("edit");
    return undefined;
  },

  async anonymity(ctx, chat, press) {
    const anonymous = press.argument === "anonymous";
    const questionnaire = ctx.services.questionnaires.get(chat.participant.questionnaire ?? "");
    const wave = questionnaire && (await ctx.services.waves.openWave(questionnaire.id));
    if (!questionnaire || !wave) {
      await chat.noOpenWave();
      return undefined;
    }
    const quota = await checkTotalQuota(ctx, chat, questionnaire, wave);
    if (quota === "stopped") return undefined;
    await beginResponse(ctx, chat, anonymous);
    // After a warning the question goes below it, where the expert reads on.
    await chat.showCurrent(quota === "warned" ? "send" : "edit");
    return undefined;
  },
};

/**
 * Starts (or re-attaches to) the expert's response in the open wave. Switching between named and anonymous
 * moves a draft to a fresh row under the other key, without identity answers an anonymous response must not
 * hold. An expert who submitted anonymously in the wave is told so: that response is out of reach.
 */
async function beginResponse(ctx: BotContext, chat: ExpertChat, choice: boolean): Promise<void> {
  const { services } = ctx;
  const questionnaire = services.questionnaires.get(chat.participant.questionnaire ?? "");
  const wave = questionnaire && (await services.waves.openWave(questionnaire.id));
  if (!questionnaire || !wave) return;
  if (await chat.submittedAnonymously(questionnaire.id, wave.id)) {
    await chat.update({ anonymous: true, stage: "submitted" });
    return;
  }
  const other = await services.drafts.find(wave.id, chat.respondentKey(questionnaire.id, !choice));
  // One submission per expert and wave: a submitted response keeps the anonymity it was given.
  const anonymous = other?.submittedAt ? other.anonymous : choice;
  const key = chat.respondentKey(questionnaire.id, anonymous);
  if (other && !other.submittedAt && !(await services.drafts.find(wave.id, key))) {
    const identity = questionnaire.questions.filter((q) => q.section === "identity").map((q) => q.id);
    await services.drafts.moveDraft(
      other.id,
      { respondentKey: key, anonymous, removed: anonymous ? identity : [] },
      services.now(),
    );
  } else if (!(await services.drafts.find(wave.id, key))) {
    await services.drafts.create(
      { waveId: wave.id, questionnaire: questionnaire.id, respondentKey: key, anonymous, source: "telegram" },
      startResponse(questionnaire, anonymous),
      services.now(),
    );
  }
  if (!anonymous) {
    await services.experts.enrol(
      chat.pseudonym,
      { telegramId: chat.telegramId, language: chat.language },
      services.now(),
    );
  } else if (!(await services.drafts.hasResponses(chat.pseudonym))) {
    await services.experts.delete(chat.pseudonym);
  }
  await chat.update({ anonymous, stage: "answering" });
  const active = await chat.activeResponse();
  if (active) {
    const resumed = resumeAt(active.questionnaire, active.state);
    if (resumed !== active.state)
      await services.drafts.recordStep(active.response.id, { removed: [], state: resumed }, services.now());
  }
}
