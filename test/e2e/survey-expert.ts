import { setTimeout as sleep } from "node:timers/promises";
import { optionLabel, questionText, questionTitle } from "../../src/bot/screens/labels.ts";
import type { Language, Translate, Translations } from "../../src/i18n/translator.ts";
import type { SampleDraw } from "../../src/questionnaire/question-types/question-type-spec.ts";
import { questionType } from "../../src/questionnaire/question-types/registry.ts";
import type { AnswerValue, Question, Questionnaire } from "../../src/questionnaire/types.ts";
import { type BotMessageView, describeMessages } from "../emulator/message-view.ts";
import type { SimulatedUser } from "../emulator/simulated-user.ts";
import { questionnaire, studyText } from "../support/questionnaires.ts";
import { inputKind, scriptedDraw } from "../support/scripted-answers.ts";

export const LANGUAGE_NAMES: Record<Language, string> = { kk: "Қазақша", ru: "Русский", en: "English" };
const TICK = "✅ ";
// A person reads the screen before tapping. It also keeps a simulated expert under the bot's flood limit
// (20 updates per user in 2 s), above which updates are dropped as a flood.
const THINK_MS = 100;
export const RECEIPT = /[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){6}/;
/** Multi-selects where the expert also ticks "other" and specifies it. */
const WITH_OTHER = new Set(["strategies", "care_measures"]);

export interface Identity {
  fullName: string;
  organisation: string;
  position: string;
  contact: string;
}

/** Who the expert is and what they will type; everything else is chosen from the buttons. */
export interface ExpertPlan {
  language: Language;
  questionnaire: "education" | "healthcare";
  /** Named experts give it; without it the expert answers anonymously. */
  identity?: Identity;
  region: string;
  years: number;
  otherMeasure: string;
  recommendation: string;
}

/** One thing the expert does: press a visible button or type a message; then `shows` and `button` must be on screen. */
export interface Step {
  press?: string;
  type?: string;
  shows?: string;
  button?: string;
}

/** How the expert answers one question, and how the review screen must then show the answer. */
export interface AnswerPlan {
  steps: Step[];
  shows: string;
}

export interface QuestionOnScreen {
  question: Question;
  position: number;
  total: number;
  messageId: number;
}

/**
 * An expert on a phone: reads the newest screen, finds the question by its text and answers it by pressing
 * labelled buttons or typing, as a person who only sees the chat would.
 */
export class SurveyExpert {
  readonly t: Translate;
  readonly questionnaire: Questionnaire;
  /** How the review must show every answer given so far, by question id. */
  readonly given = new Map<string, string>();
  /** Progress positions of the questions answered, in order (each must follow the previous one). */
  readonly positions: number[] = [];
  /** Messages the expert sent (commands and typed answers) and buttons pressed. */
  sent = 0;
  presses = 0;

  constructor(
    readonly user: SimulatedUser,
    readonly plan: ExpertPlan,
    translations: Translations,
  ) {
    this.t = translations.forLanguage(plan.language);
    this.questionnaire = questionnaire(plan.questionnaire);
  }

  get anonymous(): boolean {
    return this.plan.identity === undefined;
  }

  /** The newest bot message with buttons: the screen the expert looks at. */
  screen(): BotMessageView {
    const screen = this.user
      .messages()
      .filter((message) => !message.deleted && message.buttons.length > 0)
      .at(-1);
    if (!screen) throw this.#lost("no screen with buttons");
    return screen;
  }

  async press(label: string | RegExp, messageId?: number): Promise<void> {
    this.presses += 1;
    await sleep(THINK_MS);
    await this.user.act(() => this.user.pressButton(label, messageId === undefined ? {} : { messageId }));
  }

  /** Sends a message: a typed answer or a command. */
  async type(text: string): Promise<void> {
    this.sent += 1;
    await sleep(THINK_MS);
    await this.user.act(() => this.user.sendText(text));
  }

  async perform(step: Step, messageId?: number): Promise<void> {
    if (step.press !== undefined) await this.press(step.press, messageId);
    if (step.type !== undefined) await this.type(step.type);
    const screen = this.screen();
    if (step.shows !== undefined && !screen.text.includes(step.shows))
      throw this.#lost(`expected the screen to show ${JSON.stringify(step.shows)}`);
    if (step.button !== undefined && !screen.buttons.flat().includes(step.button))
      throw this.#lost(`expected a button ${JSON.stringify(step.button)}`);
  }

  /** /start → language → consent → questionnaire → anonymous or named, by the labels on screen. */
  async onboard(): Promise<void> {
    const { t, plan } = this;
    await this.type("/start");
    await this.press(new RegExp(LANGUAGE_NAMES[plan.language]));
    await this.perform({ press: t("consent.agree"), shows: this.plain(t("questionnaire.prompt")) });
    await this.press(studyText(t, `titles.${plan.questionnaire}`));
    await this.press(t(this.anonymous ? "anonymity.anonymous" : "anonymity.named"));
  }

  /** The question on screen, found by its text; undefined on any other screen. */
  questionOnScreen(): QuestionOnScreen | undefined {
    const screen = this.screen();
    const [header = ""] = screen.text.split("\n");
    const progress = /(\d+)\/(\d+)/.exec(header);
    if (!progress) return undefined;
    const matches = this.questionnaire.questions
      .filter((question) => screen.text.includes(this.questionText(question)))
      .sort((a, b) => this.questionText(b).length - this.questionText(a).length);
    const question = matches[0];
    if (!question) throw this.#lost("a progress line but no known question text");
    return {
      question,
      position: Number(progress[1]),
      total: Number(progress[2]),
      messageId: screen.message_id,
    };
  }

  isOnReview(): boolean {
    return this.screen().text.startsWith(this.plain(this.t("review.title")));
  }

  /** Answers the question on screen the planned way and checks the next question follows it. */
  async answerCurrent(): Promise<QuestionOnScreen> {
    const current = this.questionOnScreen();
    if (!current) throw this.#lost("expected a question");
    const plan = this.planFor(current.question);
    for (const step of plan.steps) await this.perform(step);
    this.recordAnswer(current, plan);
    return current;
  }

  /** Notes an answer given step by step elsewhere (e.g. across a restart of the bot). */
  recordAnswer(current: QuestionOnScreen, plan: AnswerPlan): void {
    const previous = this.positions.at(-1) ?? 0;
    if (current.position !== previous + 1)
      throw this.#lost(`question ${current.question.id} at position ${current.position} after ${previous}`);
    this.positions.push(current.position);
    this.given.set(current.question.id, plan.shows);
  }

  async answerQuestions(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.answerCurrent();
  }

  async answerUntilReview(): Promise<void> {
    while (!this.isOnReview()) await this.answerCurrent();
  }

  /** Presses Submit on the review screen; returns the receipt code of the thank-you message. */
  async submit(): Promise<string> {
    await this.press(this.t("buttons.submit"));
    const text = this.screen().text;
    const receipt = RECEIPT.exec(text)?.[0];
    const thanks = this.anonymous ? "submitted.thanks_anonymous" : "submitted.thanks";
    if (!receipt || text !== this.plain(this.t(thanks, { receipt })))
      throw this.#lost("expected the thank-you message with a receipt");
    return receipt;
  }

  /** The planned answer: the first plain option, "other" with a specification for the region, two ticks, etc. */
  planFor(question: Question): AnswerPlan {
    const { t, plan } = this;
    const label = (id: string) => optionLabel(t, question, id);
    const plain = question.options.filter((option) => !option.specify && !option.exclusive).map((o) => o.id);
    const other = question.options.find((option) => option.specify)?.id ?? "other";
    const specify = (option: string) => this.plain(t("question.specify", { option: label(option) }));
    const done = t("buttons.done");
    const [first = "", second = ""] = plain.map(label);
    switch (inputKind(question)) {
      case "single_choice":
        if (question.id === "region") {
          return {
            steps: [{ press: label(other), shows: specify(other) }, { type: plan.region }],
            shows: `${label(other)} (${plan.region})`,
          };
        }
        return { steps: [{ press: first }], shows: first };
      case "multiple_choice":
        if (WITH_OTHER.has(question.id)) {
          return {
            steps: [
              { press: first, button: `${TICK}${first}` },
              { press: label(other), button: `${TICK}${label(other)}` },
              { press: done, shows: specify(other) },
              { type: plan.otherMeasure },
            ],
            shows: `${first}; ${label(other)} (${plan.otherMeasure})`,
          };
        }
        return {
          steps: [{ press: first, button: `${TICK}${first}` }, { press: second }, { press: done }],
          shows: `${first}; ${second}`,
        };
      case "ranking":
        return {
          steps: [
            { press: first, shows: `1. ${first}` },
            { press: second, shows: `2. ${second}` },
            { press: done },
          ],
          shows: `1. ${first}; 2. ${second}`,
        };
      case "typed": {
        const spec = questionType(question).answer!;
        const answer = spec.sample(question, this.#draw(question));
        return { steps: [{ type: String(spec.encode(answer)) }], shows: spec.describe(answer, label) };
      }
      case "none":
        return { steps: [{ press: t("buttons.continue") }], shows: "" };
    }
  }

  /** The value the bot must store for the planned answer ({@link planFor}): option ids, as the database keeps them. */
  answerValue(question: Question): AnswerValue {
    const { plan } = this;
    const plain = question.options.filter((option) => !option.specify && !option.exclusive).map((o) => o.id);
    const other = question.options.find((option) => option.specify)?.id ?? "other";
    const [first = "", second = ""] = plain;
    const inQuestionOrder = (ids: string[]) =>
      question.options.map((option) => option.id).filter((id) => ids.includes(id));
    switch (inputKind(question)) {
      case "single_choice":
        return question.id === "region"
          ? { kind: "choice", option: other, other: plan.region }
          : { kind: "choice", option: first };
      case "multiple_choice":
        return WITH_OTHER.has(question.id)
          ? { kind: "choices", options: inQuestionOrder([first, other]), other: plan.otherMeasure }
          : { kind: "choices", options: inQuestionOrder([first, second]) };
      case "ranking":
        return { kind: "rank", order: [first, second] };
      case "typed":
        return questionType(question).answer!.sample(question, this.#draw(question));
      case "none":
        throw new RangeError(`${question.type} question ${question.id} takes no answer`);
    }
  }

  /** The planned typed answers: the years for a whole number, 3.5 for a decimal, the planned text. */
  #draw(question: Question): SampleDraw {
    return {
      ...scriptedDraw(question),
      integer: () => this.plan.years,
      number: () => 3.5,
      text: () => this.#typedText(question.id),
    };
  }

  questionText(question: Question): string {
    return questionText(this.t, question);
  }

  questionTitle(question: Question): string {
    return questionTitle(this.t, question);
  }

  /** A text as the chat shows it: the emulator turns the bot's HTML into plain text. */
  plain(html: string): string {
    return html.replace(/<[^>]+>/g, "");
  }

  #typedText(questionId: string): string {
    const { identity, recommendation } = this.plan;
    const typed: Record<string, string | undefined> = {
      full_name: identity?.fullName,
      organisation: identity?.organisation,
      position: identity?.position,
      contact: identity?.contact,
      recommendations: recommendation,
    };
    const text = typed[questionId];
    if (text === undefined) throw this.#lost(`no text planned for ${questionId}`);
    return text;
  }

  #lost(what: string): Error {
    return new Error(
      `expert ${this.user.id} (${this.plan.language}, ${this.plan.questionnaire}): ${what}.\nLast bot messages:\n${describeMessages(this.user.messages())}`,
    );
  }
}
