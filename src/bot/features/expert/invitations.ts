import { Composer } from "grammy";
import type { Expert } from "../../../db/expert-repository.ts";
import type { BotContext } from "../../context.ts";
import type { ExpertChat } from "../../expert-chat.ts";
import { STOP_INVITATIONS } from "../../invitations/invitation-sender.ts";
import { keyboardWithout } from "../../screens/keyboard-without.ts";
import type { Screen } from "../../screens/screen.ts";

const ACCEPT_INVITATION = "inv:yes";

/**
 * The thank-you screen of a named response, with a button to be invited to the next wave unless the expert
 * asked for it already. Anonymous experts get none: their account is not stored, so nobody could write to them.
 */
export function withInvitationOffer(chat: ExpertChat, screen: Screen, expert: Expert | undefined): Screen {
  if (!expert || expert.inviteToNextWave || !screen.keyboard) return screen;
  return {
    ...screen,
    keyboard: screen.keyboard.row().text(chat.t("waves:invitations.offer"), ACCEPT_INVITATION),
  };
}

/** "Invite me to the next wave" on the thank-you screen, and "no more invitations" on an invitation. */
export const invitationsFeature = new Composer<BotContext>();
const privateChat = invitationsFeature.chatType("private");

privateChat.callbackQuery([ACCEPT_INVITATION, STOP_INVITATIONS], async (ctx) => {
  const { services } = ctx;
  const pseudonym = services.pseudonyms.participant(ctx.from.id);
  const accepted = ctx.callbackQuery.data === ACCEPT_INVITATION;
  if (!(await services.experts.find(pseudonym))) {
    await ctx.answerCallbackQuery({ text: ctx.t("waves:invitations.unavailable") });
    return;
  }
  await services.experts.update(pseudonym, { inviteToNextWave: accepted });
  await ctx.answerCallbackQuery({
    text: ctx.t(accepted ? "waves:invitations.accepted" : "waves:invitations.declined"),
  });
  await ctx.editMessageReplyMarkup({
    reply_markup: keyboardWithout(ctx.callbackQuery.message?.reply_markup, ctx.callbackQuery.data),
  });
});
