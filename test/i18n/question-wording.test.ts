import { describe, expect, it } from "vitest";
import { questionScreen } from "../../src/bot/screens/question-screen.ts";
import { LANGUAGES, type Language, type Translate, Translations } from "../../src/i18n/translator.ts";
import type { ResponseState } from "../../src/questionnaire/flow-types.ts";
import type { Question, Questionnaire, RankOrder } from "../../src/questionnaire/types.ts";
import { summaryPages } from "../../src/report/summary-pages.ts";
import { summariseQuestionnaire } from "../../src/stats/summarise.ts";
import { wave } from "../stats/synthetic-responses.ts";
import { questionnaire, questionnaires } from "../support/questionnaires.ts";

const translations = Translations.load();

/** The question's own text and the hint the screen adds under it, as plain text. */
function questionAndHint(t: Translate, owner: Questionnaire, question: Question) {
  const state: ResponseState = {
    anonymous: false,
    answers: {},
    current: question.id,
    reviewing: false,
    pending: null,
  };
  const [, , text = "", ...rest] = questionScreen(t, owner, question, state, 0).text.split("\n");
  const plain = (html: string) =>
    html
      .replace(/<[^>]+>/g, "")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  return { text: plain(text), hint: plain(rest.join("\n")).trim() };
}

/** The ranking title the coordinator reads above a rank question's generalised ranking. */
function rankingTitle(t: Translate, owner: Questionnaire, question: Question): string {
  const order = question.options.map((option) => option.id);
  const responses = wave(
    1,
    [0, 1, 2].map(() => ({ [question.id]: { kind: "rank", order } })),
  );
  const lines = summaryPages(t, owner, summariseQuestionnaire(owner, responses)).flatMap((page) =>
    page.text.split("\n"),
  );
  return lines.find((line) => line.includes("1 = ")) ?? "";
}

const words = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Runs of three words, and numbers, that the hint says and the question's text says again. */
function repeated(text: string, hint: string): string[] {
  const runs = (list: string[]) => list.slice(2).map((_, index) => list.slice(index, index + 3).join(" "));
  const inText = words(text);
  const hintWords = words(hint);
  const numbers = hintWords.filter((word) => /^\d+$/.test(word) && inText.includes(word));
  const textRuns = new Set(runs(inText));
  return [...new Set([...runs(hintWords).filter((run) => textRuns.has(run)), ...numbers])];
}

/** A word that says each order, per language: the hint and the title say their own and no other. */
const ORDER_WORDS: Record<Language, Record<RankOrder, RegExp>> = {
  en: { importance: /important/i, severity: /serious/i, frequency: /common/i },
  ru: { importance: /важн/i, severity: /серь[её]зн/i, frequency: /част/i },
  kk: { importance: /маңызды/i, severity: /елеулі/i, frequency: /жиі/i },
};

const everyQuestion = [...questionnaires.values()].flatMap((owner) =>
  owner.questions.map((question) => ({ owner, question })),
);
const rankQuestions = everyQuestion.filter(({ question }) => question.type === "rank");

describe("question wording", () => {
  it.each(LANGUAGES)("%s: no question text repeats what the hint under it says", (language) => {
    const t = translations.forLanguage(language);
    const repeats = everyQuestion.flatMap(({ owner, question }) => {
      const { text, hint } = questionAndHint(t, owner, question);
      return repeated(text, hint).map((words) => `${owner.id}.${question.id}: “${words}”`);
    });
    expect(repeats).toEqual([]);
  });

  it("finds a repeat of the hint in a question text", () => {
    expect(
      repeated("Which barriers? Choose all that apply.", "Choose all that apply, then press Done."),
    ).toEqual(["choose all that", "all that apply"]);
    expect(repeated("How many years? (0–60)", "Type a number from 0 to 60.")).toEqual(["0", "60"]);
  });

  it("ship both rank questions with the order their texts ask for", () => {
    expect(rankQuestions.map(({ question }) => [question.id, question.rankBy])).toEqual([
      ["barriers_rank", "severity"],
      ["diseases_rank", "frequency"],
    ]);
  });

  describe.each(LANGUAGES)("%s", (language) => {
    const t = translations.forLanguage(language);
    const orderWords = Object.entries(ORDER_WORDS[language]) as [RankOrder, RegExp][];

    it.each(rankQuestions.map(({ owner, question }) => [question.id, owner, question] as const))(
      "%s: the hint and the coordinator's ranking title name the question's own order",
      (_id, owner, question) => {
        const { hint } = questionAndHint(t, owner, question);
        const title = rankingTitle(t, owner, question);
        for (const [order, word] of orderWords) {
          const own = order === question.rankBy;
          expect({ order, hint: word.test(hint) }).toEqual({ order, hint: own });
          expect({ order, title: word.test(title) }).toEqual({ order, title: own });
        }
      },
    );

    it("diseases, asked by frequency, are never ranked as “most important”", () => {
      const healthcare = questionnaire("healthcare");
      const diseasesRank = healthcare.questions.find((question) => question.id === "diseases_rank")!;
      const important = ORDER_WORDS[language].importance;
      expect(questionAndHint(t, healthcare, diseasesRank).hint).not.toMatch(important);
      expect(rankingTitle(t, healthcare, diseasesRank)).not.toMatch(important);
      expect(rankingTitle(t, healthcare, diseasesRank)).toMatch(ORDER_WORDS[language].frequency);
    });

    it("a rank question without an order gets texts that name none", () => {
      const healthcare = questionnaire("healthcare");
      const { rankBy: _, ...unordered } = healthcare.questions.find((q) => q.id === "diseases_rank")!;
      const owner = {
        ...healthcare,
        questions: healthcare.questions.map((q) => (q.id === unordered.id ? unordered : q)),
      };
      const { hint } = questionAndHint(t, owner, unordered);
      const title = rankingTitle(t, owner, unordered);
      for (const [, word] of orderWords) expect([hint, title].filter((text) => word.test(text))).toEqual([]);
      expect(title).not.toBe("");
    });
  });
});
