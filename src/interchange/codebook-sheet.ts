import { languageOf, type Translate } from "../i18n/translator.ts";
import { FormTexts } from "../questionnaire/form-texts.ts";
import type { Question, Questionnaire } from "../questionnaire/types.ts";
import { expressionText } from "../questionnaire/xlsform/expression-text.ts";
import type { SheetCell } from "../report/xlsx.ts";
import { DECLINED_CELL } from "./interchange-cells.ts";
import { answerColumns } from "./interchange-columns.ts";

/**
 * The codebook: every column of the responses sheets with its question, every option id with its label in
 * the reader's language, and how a cell is filled in, so that a paper response can be typed in by hand.
 *
 * @example
 * codebookRows(t, [education])[0]; // ["Questionnaire", "Column", "Question", "Option id", "Option", "How to fill in"]
 */
export function codebookRows(t: Translate, questionnaires: readonly Questionnaire[]): SheetCell[][] {
  const labels = new FormTexts(languageOf(t));
  const header = ["questionnaire", "column", "question", "option_id", "option", "how"].map((key) =>
    t(`interchange:codebook.header.${key}`),
  );
  const respondentRows: SheetCell[][] = [
    [
      "",
      "respondent_id",
      t("interchange:codebook.respondent_id"),
      "",
      "",
      t("interchange:codebook.how.respondent_id"),
    ],
    ["", "wave", t("interchange:codebook.wave"), "", "", t("interchange:codebook.how.wave")],
    [
      "",
      "questionnaire",
      t("interchange:codebook.questionnaire"),
      "",
      "",
      questionnaires.map((questionnaire) => questionnaire.id).join(", "),
    ],
    ["", "anonymous", t("interchange:codebook.anonymous"), "", "", t("interchange:codebook.how.anonymous")],
  ];
  const questionRows = questionnaires.flatMap((questionnaire) =>
    answerColumns(questionnaire).flatMap(({ name, question, part }): SheetCell[][] => {
      const title = labels.title(questionnaire);
      const text = labels.text(question);
      if (part === "other") return [[title, name, text, "", "", t("interchange:codebook.how.other")]];
      const options = question.options.map((option): SheetCell[] => [
        title,
        name,
        text,
        option.id,
        labels.option(question, option.id),
        "",
      ]);
      const declined: SheetCell[][] =
        question.optional || question.preferNotToSay
          ? [[title, name, text, DECLINED_CELL, t("interchange:codebook.declined"), ""]]
          : [];
      const rows = [...options, ...declined];
      const how = howToFill(t, question);
      if (rows.length === 0) return [[title, name, text, "", "", how]];
      rows[0]![5] = how;
      return rows;
    }),
  );
  return [header, ...respondentRows, ...questionRows];
}

function howToFill(t: Translate, question: Question) {
  const how = ((): string => {
    switch (question.type) {
      case "select_one":
        return t("interchange:codebook.how.select_one");
      case "select_multiple":
        return t("interchange:codebook.how.select_multiple");
      case "rank":
        return t("interchange:codebook.how.rank");
      case "integer":
        return t("interchange:codebook.how.integer", { min: question.min, max: question.max });
      case "text":
        return t("interchange:codebook.how.text", { maxLength: question.maxLength });
    }
  })();
  if (!question.relevant) return how;
  return `${how} ${t("interchange:codebook.how.only_when", { condition: expressionText(question.relevant) })}`;
}
