import type { Translate } from "../../i18n/translator.ts";
import type { SpssContext, SpssVariableDraft } from "../../interchange/spss-types.ts";
import type {
  ChoiceQuestionSummary,
  NumberQuestionSummary,
  RankQuestionSummary,
  TextQuestionSummary,
} from "../../stats/summary-types.ts";
import type { WaveAnswers } from "../../stats/wave-answers.ts";
import type { InputProblem } from "../answer-input.ts";
import type { FlowAction, FlowMoves, FlowStep, ResponseState } from "../flow-types.ts";
import type { AnswerValue, Question } from "../types.ts";

/** A text the bot shows in the expert's language: a locale key and the values it takes. */
export interface Wording {
  key: string;
  values?: Record<string, string | number | undefined>;
}

/**
 * How an answer is taken, as the bot renders it for any type: the options as buttons (one tap, toggles with
 * Done, or taps in order with Undo and Done), a typed message the type parses, or nothing but Continue.
 */
export type AnswerInput =
  | { kind: "single_choice"; chosen: string | undefined }
  | { kind: "multiple_choice"; hint: Wording; selected: readonly string[] }
  | { kind: "ranking"; hint: Wording; order: readonly string[] }
  | { kind: "typed"; hint: Wording; decline: Wording | undefined }
  | { kind: "none" };

/** A type's per-wave statistics, with the shape the summary pages and sheets present. */
export type SummaryPart =
  | { shape: "choices"; summarise(question: Question, waves: readonly WaveAnswers[]): ChoiceQuestionSummary }
  | { shape: "ranking"; summarise(question: Question, waves: readonly WaveAnswers[]): RankQuestionSummary }
  | { shape: "numbers"; summarise(question: Question, waves: readonly WaveAnswers[]): NumberQuestionSummary }
  | { shape: "texts"; summarise(question: Question, waves: readonly WaveAnswers[]): TextQuestionSummary };

/**
 * The choices a sample answer is made of: tests draw them at random to try every valid answer, the bench
 * with a lean towards the first options, scripted experts take fixed ones.
 */
export interface SampleDraw {
  /** One of `ids`. */
  option(ids: readonly string[]): string;
  /** At least one of `ids`, in their order. */
  options(ids: readonly string[]): string[];
  /** At least one of `ids`, in the order they are ranked. */
  ranking(ids: readonly string[]): string[];
  integer(min: number, max: number): number;
  number(min: number, max: number): number;
  /** A trimmed text of 1 to `maxLength` characters. */
  text(maxLength: number): string;
  /** The "please specify" text given with an option that asks for it, or none. */
  other(): string | undefined;
}

/** Everything about the answer a type stores: absent for a type that only shows a text. */
export interface AnswerSpec<A extends AnswerValue = AnswerValue> {
  /** `value` when it is an answer of this type, else undefined. */
  of(value: AnswerValue): A | undefined;
  /** The gate before anything is stored: a button, a typed message or an imported cell. */
  check(question: Question, answer: A): InputProblem | undefined;
  /** Options the answer chooses, for "please specify", quotas and choice counts; absent for other types. */
  selectedOptions?(answer: A): readonly string[];
  /** The value cell of the interchange table. */
  encode(answer: A): string | number;
  /** Reads a non-empty value cell back, or says in plain words what is wrong with it. */
  decode(question: Question, value: string): A | string;
  summary: SummaryPart;
  /** The codebook's "how to fill in" line. */
  howToFill(t: Translate, question: Question): string;
  /** The SPSS variables of the answer, in order, before their names are made unique. */
  spssVariables(context: SpssContext): SpssVariableDraft[];
  /** The answer in words, as the review screen and /my_data show it. */
  describe(answer: A, option: (id: string) => string): string;
  /**
   * A valid answer made of `draw`'s choices, for tests and the bench; a typed answer's cell ({@link encode}) is
   * also what an expert would type for it.
   */
  sample(question: Question, draw: SampleDraw): A;
}

/** One question type: how it is answered, what an action does, and (unless it takes none) its answer. */
export interface QuestionTypeSpec<A extends AnswerValue = AnswerValue> {
  /**
   * What follows the type's name in the form's `type` cell: nothing, or the name of a choice list, which for
   * some types may be followed by `or_other`.
   */
  choiceList: "none" | "list" | "list_or_other";
  input(question: Question, state: ResponseState): AnswerInput;
  step(moves: FlowMoves, action: FlowAction): FlowStep;
  answer: AnswerSpec<A> | null;
}
