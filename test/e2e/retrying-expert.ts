import { setTimeout as sleep } from "node:timers/promises";
import type { CallbackQuery } from "grammy/types";
import type { AnswerValue, Question } from "../../src/questionnaire/types.ts";
import { type BotMessageView, describeMessages } from "../emulator/message-view.ts";
import type { SimulatedUser } from "../emulator/simulated-user.ts";
import { studyText } from "../support/questionnaires.ts";
import type { AuditedExpert } from "./answer-audit.ts";
import { type AnswerPlan, LANGUAGE_NAMES, RECEIPT, type SurveyExpert } from "./survey-expert.ts";

const TICK = "✅ ";
const POLL_MS = 10;
// The bot has finished reacting once the chat has stayed still this long.
const QUIET_MS = 50;
// A person reads before tapping; it also keeps an expert under the bot's flood limit (20 updates in 2 s).
const THINK_MS = 60;
// Far more than a questionnaire takes, even with every action retried twice: more means the expert is stuck.
const MAX_ACTIONS = 300;
const NEVER = new AbortController().signal;

/** What became of an action: the chat changed; the bot only answered the button; or nothing came back. */
export type Outcome = "changed" | "unchanged" | "silent";

export interface RetryingExpertOptions {
  /** How long the expert waits for the bot before deciding no reply is coming (default 15 s). */
  patienceMs?: number;
  /** Pause before each action (default 100 ms). */
  thinkMs?: () => number;
}

export interface RunOptions {
  /** Aborted when the bot dies: the expert stops at once, leaving any unanswered action to retry. */
  signal?: AbortSignal;
  /** Checked before each action: the expert stops there, between actions. */
  until?: () => boolean;
}

type ScreenKind =
  | "language"
  | "consent"
  | "questionnaire"
  | "anonymity"
  | "resume"
  | "review"
  | "submitted"
  | "question"
  | "unknown";

interface Screen {
  kind: ScreenKind;
  view: BotMessageView | undefined;
  question?: Question;
  receipt?: string;
}

type Action = { press: string | RegExp } | { type: string };

interface Recovery {
  /** The chat as it was when the action went unanswered: recovery applies only while it is still so. */
  fingerprint: string;
  how: "repeat" | "start";
}

/**
 * An expert who only looks at the chat: reads the newest screen, does the next step of their plan, and when
 * the bot does not answer retries as a person would — presses the visible button again, or after a typed
 * message or a refused button sends /start and continues. Keeps the ledger of what they gave and what the
 * bot acknowledged (showed the next question or the review after it).
 */
export class RetryingExpert {
  /** Answers the expert completed at least once, with the value the bot must store, by question id. */
  readonly given = new Map<string, AnswerValue>();
  /** Answers the bot acknowledged by moving on past them. */
  readonly acknowledged = new Map<string, AnswerValue>();
  receipt: string | undefined;
  /** Updates sent: buttons pressed and messages typed. */
  actions = 0;
  /** Buttons pressed again because the bot had not answered. */
  repeats = 0;
  /** Times the expert sent /start to find their place again. */
  restarts = 0;
  /** Every action with the screen it was taken on and what came of it, for failure reports. */
  readonly history: string[] = [];
  readonly #patienceMs: number;
  readonly #thinkMs: () => number;
  #awaitingAck: string | undefined;
  #recovery: Recovery | undefined;

  constructor(
    readonly survey: SurveyExpert,
    { patienceMs = 15_000, thinkMs = () => THINK_MS }: RetryingExpertOptions = {},
  ) {
    this.#patienceMs = patienceMs;
    this.#thinkMs = thinkMs;
  }

  get user(): SimulatedUser {
    return this.survey.user;
  }

  /**
   * The bot confirmed the submission: with the thank-you and its receipt, or (when it stopped between the
   * Submit and its reply) with the note that the wave's response is in.
   */
  submitted = false;

  get finished(): boolean {
    return this.submitted;
  }

  /** Acts until the expert has a receipt, the signal aborts or `until` holds. */
  async run({ signal = NEVER, until }: RunOptions = {}): Promise<void> {
    for (;;) {
      this.#observe(this.#read());
      if (this.finished || signal.aborted || until?.()) return;
      await sleep(this.#thinkMs());
      if (signal.aborted) return;
      await this.step(signal);
    }
  }

  /** Acts until the newest screen satisfies `reached` (checked before each action). */
  async runUntilScreen(
    reached: (screen: { kind: ScreenKind; question?: Question }) => boolean,
  ): Promise<void> {
    await this.run({ until: () => reached(this.#read()) });
  }

  /**
   * Does the next action at once: the update is queued before the first await, so several experts' steps
   * started together reach the bot in one batch. Resolves when the bot has reacted or is given up on.
   */
  async step(signal: AbortSignal = NEVER): Promise<Outcome> {
    this.actions += 1;
    if (this.actions > MAX_ACTIONS) throw this.#fail(`no end after ${MAX_ACTIONS} actions`);
    const screen = this.#read();
    this.#observe(screen);
    const fingerprint = this.#fingerprint();
    const recovery = this.#recovery?.fingerprint === fingerprint ? this.#recovery.how : undefined;
    this.#recovery = undefined;
    const decided: { action: Action; completes?: Question } =
      recovery === "start" ? { action: { type: "/start" } } : this.#decide(screen);
    if (recovery === "start") this.restarts += 1;
    if (recovery === "repeat") this.repeats += 1;

    let query: CallbackQuery | undefined;
    if ("press" in decided.action) {
      const messageId = screen.view?.message_id;
      query = this.user.pressButton(decided.action.press, messageId === undefined ? {} : { messageId });
    } else {
      this.user.sendText(decided.action.type);
    }
    if (decided.completes) {
      this.given.set(decided.completes.id, this.survey.answerValue(decided.completes));
      this.#awaitingAck = decided.completes.id;
    }
    const outcome = await this.#reaction(fingerprint, query, signal);
    const on = `${screen.kind}${screen.question ? ` ${screen.question.id}` : ""} #${screen.view?.message_id}`;
    this.history.push(`${on}: ${JSON.stringify(decided.action)} → ${outcome}`);
    if (outcome !== "changed") {
      const how = outcome === "silent" && "press" in decided.action ? "repeat" : "start";
      this.#recovery = { fingerprint: this.#fingerprint(), how };
    }
    this.#observe(this.#read());
    return outcome;
  }

  /** The newest screen, for tests: its kind and, on a question, which one. */
  screen(): { kind: ScreenKind; question?: Question } {
    return this.#read();
  }

  /** What the audit compares with the database. */
  ledger(): AuditedExpert {
    const { plan } = this.survey;
    return {
      telegramId: this.user.id,
      questionnaire: plan.questionnaire,
      anonymous: plan.identity === undefined,
      given: this.given,
      acknowledged: this.acknowledged,
      receipt: this.receipt,
    };
  }

  describe(): string {
    const { plan } = this.survey;
    return `expert ${this.user.id} (${plan.language}, ${plan.questionnaire}, ${plan.identity ? "named" : "anonymous"})`;
  }

  #read(): Screen {
    const newest = this.user
      .messages()
      .filter((message) => !message.deleted)
      .at(-1);
    if (newest?.text === this.survey.plain(this.survey.t("submitted.sealed")))
      return { kind: "submitted", view: newest, receipt: undefined };
    const view = this.user
      .messages()
      .filter((message) => !message.deleted && message.buttons.length > 0)
      .at(-1);
    if (!view) return { kind: "unknown", view };
    const { t, plan } = this.survey;
    const buttons = view.buttons.flat();
    const has = (label: string) => buttons.includes(label);
    if (has(t("buttons.change"))) {
      const receipt = RECEIPT.exec(view.text)?.[0];
      if (receipt) return { kind: "submitted", view, receipt };
      // A named expert whose thank-you was lost (the bot stopped after the Submit) finds it here after /start.
      const already = view.text === this.survey.plain(t("submitted.already"));
      return { kind: already ? "submitted" : "unknown", view };
    }
    if (has(t("buttons.continue"))) return { kind: "resume", view };
    if (view.text.startsWith(this.survey.plain(t("review.title")))) return { kind: "review", view };
    if (has(t("consent.agree"))) return { kind: "consent", view };
    if (has(studyText(t, `titles.${plan.questionnaire}`))) return { kind: "questionnaire", view };
    if (has(t("anonymity.anonymous"))) return { kind: "anonymity", view };
    if (buttons.some((label) => label.includes(LANGUAGE_NAMES[plan.language])))
      return { kind: "language", view };
    const onScreen = this.survey.questionOnScreen();
    return onScreen ? { kind: "question", view, question: onScreen.question } : { kind: "unknown", view };
  }

  /** What a person does on this screen, following the plan. */
  #decide(screen: Screen): { action: Action; completes?: Question } {
    const { t, plan } = this.survey;
    switch (screen.kind) {
      case "language":
        return { action: { press: new RegExp(LANGUAGE_NAMES[plan.language]) } };
      case "consent":
        return { action: { press: t("consent.agree") } };
      case "questionnaire":
        return { action: { press: studyText(t, `titles.${plan.questionnaire}`) } };
      case "anonymity":
        return { action: { press: t(plan.identity ? "anonymity.named" : "anonymity.anonymous") } };
      case "resume":
        return { action: { press: t("buttons.continue") } };
      case "review":
        return { action: { press: t("buttons.submit") } };
      case "question": {
        const question = screen.question as Question;
        const answer = this.survey.planFor(question);
        const index = nextStepIndex(answer, screen.view as BotMessageView);
        const step = answer.steps[index]!;
        const action: Action = step.press !== undefined ? { press: step.press } : { type: step.type ?? "" };
        return index === answer.steps.length - 1 ? { action, completes: question } : { action };
      }
      case "submitted":
      case "unknown":
        return { action: { type: "/start" } };
    }
  }

  /** Notes what the screen proves: the awaited answer was taken, the review lists every answer, a receipt. */
  #observe(screen: Screen): void {
    const movedOn =
      screen.kind === "review" ||
      screen.kind === "submitted" ||
      (screen.kind === "question" && screen.question?.id !== this.#awaitingAck);
    if (this.#awaitingAck !== undefined && movedOn) {
      this.acknowledged.set(this.#awaitingAck, this.given.get(this.#awaitingAck)!);
      this.#awaitingAck = undefined;
    }
    if (screen.kind === "review") this.#checkReview(screen.view as BotMessageView);
    if (screen.kind === "submitted") {
      this.submitted = true;
      this.receipt = screen.receipt ?? this.receipt;
    }
  }

  #checkReview(view: BotMessageView): void {
    for (const questionId of this.acknowledged.keys()) {
      const question = this.survey.questionnaire.questions.find((q) => q.id === questionId)!;
      const line = `${this.survey.questionTitle(question)}: ${this.survey.planFor(question).shows}`;
      if (!view.text.includes(line)) throw this.#fail(`the review does not list ${JSON.stringify(line)}`);
    }
  }

  async #reaction(before: string, query: CallbackQuery | undefined, signal: AbortSignal): Promise<Outcome> {
    const deadline = Date.now() + this.#patienceMs;
    while (!signal.aborted && Date.now() < deadline) {
      const answered =
        query !== undefined && this.user.callbackAnswers().some((answer) => answer.query_id === query.id);
      if (answered || this.#fingerprint() !== before) {
        await this.#quiet(signal);
        return this.#fingerprint() === before ? "unchanged" : "changed";
      }
      await sleep(POLL_MS);
    }
    return "silent";
  }

  async #quiet(signal: AbortSignal): Promise<void> {
    let last = this.#fingerprint();
    let stillSince = Date.now();
    while (!signal.aborted && Date.now() - stillSince < QUIET_MS) {
      await sleep(POLL_MS);
      const now = this.#fingerprint();
      if (now !== last) {
        last = now;
        stillSince = Date.now();
      }
    }
  }

  /** Changes with every message the bot sends, edits or deletes in this chat. */
  #fingerprint(): string {
    const messages = this.user.messages();
    const edits = messages.reduce((sum, message) => sum + message.edits, 0);
    const deleted = messages.filter((message) => message.deleted).length;
    return `${messages.length}/${edits}/${deleted}`;
  }

  /** The last actions and the chat as it ends, to read a failure by. */
  transcript(actions = 12): string {
    const history = this.history.slice(-actions).join("\n  ");
    return `${this.describe()}, last actions:\n  ${history}\nLast bot messages:\n${describeMessages(this.user.messages())}`;
  }

  #fail(what: string): Error {
    return new Error(`${what}: ${this.transcript()}`);
  }
}

/**
 * Which step of a multi-tap answer comes next, judged from the screen: after the last step whose text shows
 * (a "please specify" prompt, a place in a ranking), the first step whose tick is not on screen yet.
 */
function nextStepIndex(answer: AnswerPlan, view: BotMessageView): number {
  const buttons = view.buttons.flat();
  const { steps } = answer;
  let from = 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const shows = steps[i]?.shows;
    if (shows !== undefined && view.text.includes(shows)) {
      from = i + 1;
      break;
    }
  }
  for (let i = from; i < steps.length; i++) {
    const step = steps[i]!;
    const ticked =
      (step.button !== undefined && buttons.includes(step.button)) ||
      (step.press !== undefined && buttons.includes(`${TICK}${step.press}`));
    if (!ticked) return i;
  }
  return steps.length - 1;
}
