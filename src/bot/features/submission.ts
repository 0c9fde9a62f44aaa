import { firstUnanswered } from "../../questionnaire/engine.ts";
import type { ActionHandlers } from "../expert-actions.ts";
import { submittedScreen } from "../screens/onboarding-screens.ts";
import { withInvitationOffer } from "./invitations.ts";

/** Submit from the review screen, change a submitted response, and the continue/start-over prompt. */
export const submissionActions: ActionHandlers = {
  async submit(ctx, chat) {
    const active = chat.activeResponse();
    if (!active) {
      await chat.showCurrent("send");
      return chat.t("stale");
    }
    const missing = firstUnanswered(active.questionnaire, active.state.answers, {
      anonymous: active.state.anonymous,
    });
    if (missing) {
      ctx.services.responses.recordStep(
        active.response.id,
        { removed: [], state: { ...active.state, current: missing.id, pending: null } },
        ctx.services.now(),
      );
      await chat.showCurrent("edit");
      return chat.t("problems.not_optional");
    }
    const receipt = chat.newReceipt(active.questionnaire.id, active.wave.number);
    const submitted = ctx.services.responses.submit(active.response.id, receipt, ctx.services.now());
    chat.update({ stage: "submitted" });
    await chat.present(
      (revision) =>
        withInvitationOffer(
          ctx,
          chat,
          submittedScreen(chat.t, submitted.receipt ?? receipt, revision, true),
          submitted.anonymous,
        ),
      "edit",
    );
    return undefined;
  },

  async change(_ctx, chat) {
    chat.update({ stage: "answering" });
    await chat.showCurrent("edit");
    return undefined;
  },

  async continue(_ctx, chat) {
    await chat.showCurrent("edit");
    return undefined;
  },

  async restart(ctx, chat) {
    const active = chat.activeResponse();
    if (active && !active.response.submittedAt) ctx.services.responses.delete(active.response.id);
    chat.update({ stage: "questionnaire", questionnaire: null, anonymous: null });
    await chat.showCurrent("edit");
    return chat.t("resume.restarted");
  },
};
