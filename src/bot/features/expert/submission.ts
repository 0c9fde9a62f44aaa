import { dayOf } from "../../../privacy/coarse-time.ts";
import { newReceipt, parseReceipt, receiptHash } from "../../../privacy/receipts.ts";
import { firstToAnswer } from "../../../questionnaire/response-flow.ts";
import { encodeButton } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import type { ActionHandlers } from "../../expert-actions.ts";
import type { ExpertChat } from "../../expert-chat.ts";
import { receiptButton, thanksScreen } from "../../screens/receipt-screens.ts";
import { withInvitationOffer } from "./invitations.ts";

/** Submit from the review screen, change a submitted response, and the continue/start-over prompt. */
export const submissionActions: ActionHandlers = {
  async submit(ctx, chat) {
    const active = await chat.activeResponse();
    if (!active) {
      // A Submit delivered again after the bot stopped between sealing and replying: the draft is gone.
      if (chat.participant.anonymous && (await sealedInOpenWave(ctx, chat)))
        await chat.update({ stage: "submitted" });
      await chat.showCurrent("send");
      return chat.t("stale");
    }
    const { questionnaire, wave, response, state } = active;
    const missing = firstToAnswer(questionnaire, state.answers, { anonymous: state.anonymous });
    if (missing) {
      await ctx.services.drafts.recordStep(
        response.id,
        { removed: [], state: { ...state, current: missing.id, pending: null } },
        ctx.services.now(),
      );
      await chat.showCurrent("edit");
      return chat.t("problems.not_optional");
    }
    const receipt = newReceipt();
    const { submissions, now } = ctx.services;
    if (response.anonymous) {
      const sealed = await submissions.seal(response.id, {
        receiptHash: receiptHash(receipt),
        marker: chat.submissionMarker(questionnaire.id, wave.id),
        day: dayOf(now()),
      });
      if (!sealed) {
        await chat.showCurrent("send");
        return chat.t("stale");
      }
    } else {
      await submissions.submit(response.id, receiptHash(receipt), now());
      await ctx.services.experts.completeAccount(chat.pseudonym, {
        username: ctx.from?.username ?? null,
        firstName: ctx.from?.first_name ?? null,
        lastName: ctx.from?.last_name ?? null,
      });
    }
    await chat.update({ stage: "submitted" });
    // An anonymous expert's Change button carries the receipt: nothing else can find their response now.
    const change = (revision: number) =>
      response.anonymous ? receiptButton("open", parseReceipt(receipt)!) : encodeButton(revision, "change");
    const expert = response.anonymous ? undefined : await ctx.services.experts.find(chat.pseudonym);
    await chat.present(
      (revision) =>
        withInvitationOffer(
          chat,
          thanksScreen(chat.t, receipt, response.anonymous, change(revision)),
          expert,
        ),
      "edit",
    );
    return undefined;
  },

  async change(_ctx, chat) {
    await chat.update({ stage: "answering" });
    await chat.showCurrent("edit");
    return undefined;
  },

  async continue(_ctx, chat) {
    await chat.showCurrent("edit");
    return undefined;
  },

  async restart(ctx, chat) {
    const active = await chat.activeResponse();
    if (active && !active.response.submittedAt) await ctx.services.drafts.discard(active.response.id);
    await chat.update({ stage: "questionnaire", questionnaire: null, anonymous: null });
    await chat.showCurrent("edit");
    return chat.t("resume.restarted");
  },
};

async function sealedInOpenWave(ctx: BotContext, chat: ExpertChat): Promise<boolean> {
  const questionnaire = chat.participant.questionnaire;
  const wave = questionnaire ? await ctx.services.waves.openWave(questionnaire) : undefined;
  return (
    questionnaire !== null && wave !== undefined && (await chat.submittedAnonymously(questionnaire, wave.id))
  );
}
