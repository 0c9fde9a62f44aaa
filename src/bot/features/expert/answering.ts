import { Composer } from "grammy";
import { OTHER_TEXT_MAX_LENGTH } from "../../../questionnaire/answer-input.ts";
import { findQuestion } from "../../../questionnaire/engine.ts";
import type { FlowAction, FlowStep } from "../../../questionnaire/flow-types.ts";
import { questionType } from "../../../questionnaire/question-types/registry.ts";
import { applyAction } from "../../../questionnaire/response-flow.ts";
import type { Question } from "../../../questionnaire/types.ts";
import type { ButtonPress } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import type { ActionHandler, ActionHandlers } from "../../expert-actions.ts";
import type { ActiveResponse, ExpertChat, Placement } from "../../expert-chat.ts";
import { checkQuotasAfterAnswer, type QuotaOutcome } from "../../quotas/quota-gate.ts";
import { formTexts } from "../../screens/labels.ts";

/**
 * Applies one answer action to the expert's response, stores the outcome at once and shows the next screen.
 * Returns the problem message when the input was refused (nothing is stored then).
 */
export async function answer(
  ctx: BotContext,
  chat: ExpertChat,
  active: ActiveResponse,
  action: FlowAction,
  placement: Placement,
): Promise<string | undefined> {
  const step = applyAction(active.questionnaire, active.state, action);
  if (step.problem) return problemMessage(chat, active, step);
  let quota: QuotaOutcome;
  if (step.leftQuestionnaire) {
    await chat.update({ stage: "anonymity" });
  } else {
    const changes = chat.retiring();
    const participant = await ctx.services.drafts.recordAnswer(
      {
        updateId: ctx.update.update_id,
        responseId: active.response.id,
        step,
        participant: { known: chat.participant, changes },
      },
      ctx.services.now(),
    );
    chat.screenRetired(participant, changes);
    chat.rememberAnswered(active, step.state);
    quota = await checkQuotasAfterAnswer(ctx, chat, active, step);
  }
  if (quota === "stopped") return undefined;
  // After a quota warning the next question goes below it, where the expert reads on.
  await chat.showCurrent(quota === "warned" ? "send" : placement);
  return undefined;
}

function problemMessage(chat: ExpertChat, active: ActiveResponse, step: FlowStep): string {
  const question = active.state.current
    ? findQuestion(active.questionnaire, active.state.current)
    : undefined;
  const specifying = step.state.pending?.kind === "specify";
  const max =
    step.problem === "out_of_range"
      ? question?.max
      : specifying
        ? OTHER_TEXT_MAX_LENGTH
        : question?.maxLength;
  const formMessage =
    step.problem === "constraint" && question ? formTexts(chat.t).in(question.constraintMessage) : "";
  return formMessage || chat.t(`problems.${step.problem}`, { min: question?.min, max });
}

function questionAction(press: ButtonPress, question: Question | undefined): FlowAction | undefined {
  const option = question?.options[Number(press.argument)]?.id;
  switch (press.action) {
    case "choose":
    case "toggle":
    case "rank":
      return option ? { type: press.action, option } : undefined;
    case "undo":
    case "done":
    case "decline":
    case "back":
      return { type: press.action };
    case "edit":
      return press.argument ? { type: "edit", questionId: press.argument } : undefined;
    default:
      return undefined;
  }
}

const onQuestionButton: ActionHandler = async (ctx, chat, press) => {
  const active = await chat.activeResponse();
  if (!active || chat.participant.stage !== "answering") {
    await chat.showCurrent("send");
    return chat.t("stale");
  }
  const question = active.state.current
    ? findQuestion(active.questionnaire, active.state.current)
    : undefined;
  const action = questionAction(press, question);
  if (!action) return chat.t("problems.wrong_kind");
  return answer(ctx, chat, active, action, "edit");
};

export const answeringActions: ActionHandlers = {
  choose: onQuestionButton,
  toggle: onQuestionButton,
  rank: onQuestionButton,
  undo: onQuestionButton,
  done: onQuestionButton,
  decline: onQuestionButton,
  back: async (ctx, chat, press) => {
    if (chat.participant.stage === "anonymity") {
      await chat.update({ stage: "questionnaire" });
      await chat.showCurrent("edit");
      return undefined;
    }
    return onQuestionButton(ctx, chat, press);
  },
  edit: onQuestionButton,
};

/** Typed answers (number and text questions, "please specify"), and anything else an expert sends. */
export const typedAnswersFeature = new Composer<BotContext>();

typedAnswersFeature.chatType("private").on("message", async (ctx, next) => {
  if (ctx.message.text?.startsWith("/")) return next();
  const chat = await ctx.expertChat();
  const active = chat.participant.stage === "answering" ? await chat.activeResponse() : undefined;
  if (!active) {
    await ctx.reply(chat.t("problems.use_buttons"));
    await chat.showCurrent("send");
    return;
  }
  // Message ids in a private chat grow with every message either side sends. One older than the screen was
  // typed before the question on it appeared (a retyped answer to the one before, say): not its answer.
  const screen = chat.participant.screenMessageId;
  if (screen !== null && ctx.message.message_id < screen) {
    await ctx.reply(chat.t("problems.before_question"));
    await chat.showCurrent("send");
    return;
  }
  const text = ctx.message.text;
  const problem =
    text === undefined
      ? nonTextProblem(chat, active)
      : await answer(ctx, chat, active, { type: "text", text }, "send");
  if (problem) {
    await ctx.reply(problem);
    await chat.showCurrent("send");
  }
});

function nonTextProblem(chat: ExpertChat, active: ActiveResponse): string {
  const question = active.state.current
    ? findQuestion(active.questionnaire, active.state.current)
    : undefined;
  const typed =
    active.state.pending?.kind === "specify" ||
    (question !== undefined && questionType(question).input(question, active.state).kind === "typed");
  return chat.t(typed ? "problems.type_answer" : "problems.use_buttons");
}
