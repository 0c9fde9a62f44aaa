import { type Context, GrammyError } from "grammy";
import type { Participant, ParticipantChanges } from "../db/answer-writes.ts";
import type { StoredResponse } from "../db/response-rows.ts";
import type { Wave } from "../db/wave-repository.ts";
import { isLanguage, type Language, languageFromTelegram, type Translate } from "../i18n/translator.ts";
import { findQuestion, progress, visibleQuestions } from "../questionnaire/engine.ts";
import type { Pending, ResponseState } from "../questionnaire/flow-types.ts";
import { firstToAnswer } from "../questionnaire/response-flow.ts";
import type { Questionnaire } from "../questionnaire/types.ts";
import type { BotServices } from "./bot-services.ts";
import { activateStoredForm, readInstalledForms } from "./form-activation.ts";
import { questionnaireTitle } from "./screens/labels.ts";
import {
  anonymityScreen,
  consentScreen,
  languageScreen,
  questionnaireScreen,
  submittedScreen,
} from "./screens/onboarding-screens.ts";
import { questionScreen } from "./screens/question-screen.ts";
import { sealedScreen } from "./screens/receipt-screens.ts";
import { reviewScreen } from "./screens/review-screen.ts";
import type { Screen } from "./screens/screen.ts";

/** The open-wave response an expert is working on, with its state for the flow. */
export interface ActiveResponse {
  questionnaire: Questionnaire;
  wave: Wave;
  response: StoredResponse;
  state: ResponseState;
}

/** How a screen reaches the chat: replacing the current screen message, or as a new message below. */
export type Placement = "edit" | "send";

/**
 * One expert's private chat during one update: who they are (as a pseudonym), where they stand, and the
 * one screen message that is edited in place as they answer.
 */
/** What an expert chat uses of an update's context: the API, the sender, a reply, the services. */
export type ExpertChatContext = Pick<Context, "api" | "from" | "reply"> & { services: BotServices };

export class ExpertChat {
  readonly pseudonym: string;
  participant: Participant;

  /** The active response as just stored by this update, so that showing the next screen reads nothing. */
  private answered: ActiveResponse | undefined;

  /** This update advanced the stored revision and no screen carries it yet: the next screen takes it. */
  private revisionUnused = false;

  private constructor(
    private readonly ctx: ExpertChatContext,
    readonly telegramId: number,
    pseudonym: string,
    participant: Participant,
  ) {
    this.pseudonym = pseudonym;
    this.participant = participant;
  }

  /** The chat of `telegramId`, its participant created on first contact (or as the update already read it). */
  static async open(
    ctx: ExpertChatContext,
    telegramId: number,
    known?: { pseudonym: string; participant: Participant | undefined },
  ): Promise<ExpertChat> {
    const pseudonym = known?.pseudonym ?? ctx.services.pseudonyms.participant(telegramId);
    const participant =
      known?.participant ?? (await ctx.services.participants.findOrCreate(pseudonym, ctx.services.now()));
    return new ExpertChat(ctx, telegramId, pseudonym, participant);
  }

  get language(): Language {
    return isLanguage(this.participant.language)
      ? this.participant.language
      : languageFromTelegram(this.ctx.from?.language_code);
  }

  get t(): Translate {
    return this.ctx.services.translations.forLanguage(this.language);
  }

  async update(changes: ParticipantChanges): Promise<void> {
    const { participants, now } = this.ctx.services;
    this.stored(await participants.update(this.participant, changes, now()), changes);
  }

  /** The participant as a write of `changes` (here or with an answer) stored it. */
  stored(participant: Participant, changes: ParticipantChanges): void {
    this.participant = participant;
    if ("questionnaire" in changes || "anonymous" in changes || "stage" in changes) this.answered = undefined;
  }

  /**
   * Applies `changes` and makes the buttons of every screen shown so far stale, in the same write: buttons
   * name no question, so a screen must be stale the moment what it asked is answered or abandoned.
   */
  async retireScreen(changes: ParticipantChanges = {}): Promise<void> {
    await this.update(this.retiring(changes));
    this.revisionUnused = true;
  }

  /** `changes` with the screen revision advanced, for a write that retires the screen. */
  retiring(changes: ParticipantChanges = {}): ParticipantChanges {
    return { ...changes, screenRevision: this.participant.screenRevision + 1 };
  }

  /** The screen was retired by a write made elsewhere (an answer's transaction). */
  screenRetired(participant: Participant, changes: ParticipantChanges): void {
    this.stored(participant, changes);
    this.revisionUnused = true;
  }

  /** Remembers the response as the step just stored left it. */
  rememberAnswered(active: ActiveResponse, state: ResponseState): void {
    this.answered = { ...active, state, response: { ...active.response, currentQuestion: state.current } };
  }

  /**
   * Key of this expert's response to a questionnaire: their pseudonym when named; when anonymous, a separate
   * one that keys the draft only, since Submit moves the answers under a random key.
   */
  respondentKey(questionnaire: string, anonymous: boolean): string {
    return anonymous
      ? this.ctx.services.pseudonyms.anonymousRespondent(this.telegramId, questionnaire)
      : this.pseudonym;
  }

  /** The marker that says this expert submitted the questionnaire anonymously in the wave. */
  submissionMarker(questionnaire: string, waveId: number): string {
    return this.ctx.services.pseudonyms.submissionMarker(this.respondentKey(questionnaire, true), waveId);
  }

  /** Whether the expert has submitted anonymously in the wave (their response itself cannot be found). */
  submittedAnonymously(questionnaire: string, waveId: number): Promise<boolean> {
    return this.ctx.services.submissions.hasSubmission(this.submissionMarker(questionnaire, waveId));
  }

  /** The response of the chosen questionnaire in its open wave, if the expert has started one. */
  async activeResponse(): Promise<ActiveResponse | undefined> {
    const { questionnaire: questionnaireId, anonymous } = this.participant;
    const { services } = this.ctx;
    const offered = questionnaireId ? services.questionnaires.get(questionnaireId) : undefined;
    if (!offered || anonymous === null) return undefined;
    const wave = await services.waves.openWave(offered.id);
    if (!wave) return undefined;
    // Another instance may have opened a wave or switched the version since this one loaded its forms.
    if (wave.formVersion !== null && wave.formVersion !== offered.version)
      await activateStoredForm(services, offered.id, wave.formVersion);
    const questionnaire = services.questionnaires.get(offered.id) ?? offered;
    const response = await this.ctx.services.drafts.find(
      wave.id,
      this.respondentKey(questionnaire.id, anonymous),
    );
    if (!response) return undefined;
    const state: ResponseState = {
      anonymous: response.anonymous,
      answers: await this.ctx.services.drafts.answersOf(response.id),
      current: response.currentQuestion,
      reviewing: response.reviewing,
      pending: (response.pending as Pending | null) ?? null,
    };
    return { questionnaire, wave, response, state };
  }

  /** Where an unfinished response stands, for the "continue or start over" prompt. */
  resumePoint({ questionnaire, state }: ActiveResponse): { title: string; position: number; total: number } {
    const flow = { anonymous: state.anonymous };
    const current = state.current ?? firstToAnswer(questionnaire, state.answers, flow)?.id;
    const total = visibleQuestions(questionnaire, state.answers, flow).length;
    const position = current ? progress(questionnaire, state.answers, current, flow).position : total;
    return { title: questionnaireTitle(this.t, questionnaire), position, total };
  }

  /** Shows the screen that matches where the expert stands. */
  async showCurrent(placement: Placement): Promise<void> {
    const t = this.t;
    const { stage } = this.participant;
    if (stage === "language") return this.present((rev) => languageScreen(t, this.language, rev), placement);
    if (stage === "consent") return this.present((rev) => consentScreen(t, rev), placement);
    if (stage === "questionnaire") {
      await readInstalledForms(this.ctx.services);
      const questionnaires = [...this.ctx.services.questionnaires.values()];
      return this.present((rev) => questionnaireScreen(t, questionnaires, rev), placement);
    }
    if (stage === "anonymity") return this.present((rev) => anonymityScreen(t, rev), placement);
    if (stage === "submitted" && this.participant.anonymous)
      return this.present(() => sealedScreen(t), placement);
    const active = this.answered ?? (await this.activeResponse());
    if (!active) return this.noOpenWave();
    const { questionnaire, state, response } = active;
    if (stage === "submitted") return this.present((rev) => submittedScreen(t, rev), placement);
    const question = state.current ? findQuestion(questionnaire, state.current) : undefined;
    if (!question) {
      return this.present(
        (rev) => reviewScreen(t, questionnaire, state, rev, response.submittedAt !== null),
        placement,
      );
    }
    return this.present((rev) => questionScreen(t, questionnaire, question, state, rev), placement);
  }

  /** Tells the expert that no wave is open; nothing is stored. */
  async noOpenWave(): Promise<void> {
    await this.retireScreen({ stage: "questionnaire" });
    await this.ctx.reply(this.t("no_open_wave"));
  }

  /**
   * Shows a screen under a fresh revision, so that buttons of every earlier screen become stale. Editing
   * falls back to a new message when the old one is gone.
   */
  async present(build: (revision: number) => Screen, placement: Placement): Promise<void> {
    // Stored before the screen goes out: a step may already have moved the expert on, and buttons carry no
    // question, so the earlier screen must be stale even if this one never arrives (a failed call, a crash).
    if (!this.revisionUnused) await this.retireScreen();
    this.revisionUnused = false;
    const screen = build(this.participant.screenRevision);
    const options = { parse_mode: "HTML" as const, reply_markup: screen.keyboard };
    const messageId = this.participant.screenMessageId;
    if (placement === "edit" && messageId !== null) {
      try {
        await this.ctx.api.editMessageText(this.telegramId, messageId, screen.text, options);
        return;
      } catch (error) {
        if (isNotModified(error)) return;
        if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
      }
    }
    const sent = await this.ctx.api.sendMessage(this.telegramId, screen.text, options);
    await this.update({ screenMessageId: sent.message_id });
  }
}

function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes("message is not modified");
}
