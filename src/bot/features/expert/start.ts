import { Composer } from "grammy";
import { parseReceipt } from "../../../privacy/receipts.ts";
import type { BotContext } from "../../context.ts";
import { readInstalledForms } from "../../form-activation.ts";
import { resumeScreen } from "../../screens/onboarding-screens.ts";
import { openByReceipt } from "./receipts.ts";

/**
 * `/start` and its deep links (`?start=education`): a new expert begins with the language; one with an
 * unfinished questionnaire may continue or start over; one who submitted anonymously is told that only the
 * receipt reopens those answers (`/start <receipt>` does).
 */
export const startFeature = new Composer<BotContext>();

startFeature.chatType("private").command("start", async (ctx) => {
  const chat = await ctx.expertChat();
  const deepLink = ctx.match.trim();
  const receipt = parseReceipt(deepLink);
  if (receipt) return openByReceipt(ctx, receipt, "send");
  if (deepLink) await readInstalledForms(ctx.services);
  const linked = ctx.services.questionnaires.has(deepLink) ? deepLink : undefined;
  const active =
    chat.participant.stage === "answering" || chat.participant.stage === "submitted"
      ? await chat.activeResponse()
      : undefined;
  if (active && (!linked || linked === active.questionnaire.id)) {
    if (active.response.submittedAt) {
      await chat.update({ stage: "submitted" });
      await chat.showCurrent("send");
      return;
    }
    const point = chat.resumePoint(active);
    await chat.present((revision) => resumeScreen(chat.t, point, revision), "send");
    return;
  }
  const { questionnaire, anonymous, stage } = chat.participant;
  const sealedWave =
    questionnaire && anonymous && stage === "submitted" && (await ctx.services.waves.openWave(questionnaire));
  if (
    sealedWave &&
    (!linked || linked === questionnaire) &&
    (await chat.submittedAnonymously(questionnaire, sealedWave.id))
  ) {
    await chat.showCurrent("send");
    return;
  }
  const consented = chat.participant.consentedAt !== null && chat.participant.language !== null;
  await chat.update({
    questionnaire: linked ?? null,
    anonymous: null,
    stage: consented ? (linked ? "anonymity" : "questionnaire") : "language",
  });
  await chat.showCurrent("send");
});
