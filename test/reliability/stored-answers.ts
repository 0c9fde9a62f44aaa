import type Database from "better-sqlite3";
import { OTHER_TEXT_MAX_LENGTH } from "../../src/questionnaire/answer-input.ts";
import { checkAnswer } from "../../src/questionnaire/check-answer.ts";
import { findQuestion, inapplicableAnswers } from "../../src/questionnaire/engine.ts";
import type { Pending } from "../../src/questionnaire/flow-types.ts";
import type { Answers, AnswerValue, Question, Questionnaire } from "../../src/questionnaire/types.ts";

interface ResponseRow {
  id: number;
  questionnaire: string;
  anonymous: number;
  pending: string | null;
}

/**
 * Everything wrong with the answers the database holds: an answer the question would refuse, an option of
 * another question, a "please specify" text without a specify option, an identity answer of an anonymous
 * response, an answer to a question whose condition does not hold, a draft selection with foreign options.
 */
export function storedAnswerProblems(
  sqlite: Database.Database,
  questionnaires: ReadonlyMap<string, Questionnaire>,
): string[] {
  const problems: string[] = [];
  const responses = sqlite
    .prepare("select id, questionnaire, anonymous, pending from responses")
    .all() as ResponseRow[];
  const answersOf = sqlite.prepare("select question_id, value from answers where response_id = ?");
  for (const response of responses) {
    const where = `response ${response.id}`;
    const questionnaire = questionnaires.get(response.questionnaire);
    if (!questionnaire) {
      problems.push(`${where}: unknown questionnaire ${response.questionnaire}`);
      continue;
    }
    const answers: Record<string, AnswerValue> = {};
    for (const row of answersOf.all(response.id) as { question_id: string; value: string }[]) {
      const value = JSON.parse(row.value) as AnswerValue;
      answers[row.question_id] = value;
      const question = findQuestion(questionnaire, row.question_id);
      if (!question) problems.push(`${where}: answer to unknown question ${row.question_id}`);
      else problems.push(...answerProblems(question, value).map((problem) => `${where}: ${problem}`));
      if (question?.section === "identity" && response.anonymous)
        problems.push(`${where}: anonymous response holds ${row.question_id}`);
    }
    for (const id of inapplicableAnswers(questionnaire, answers as Answers, {
      anonymous: Boolean(response.anonymous),
    })) {
      problems.push(`${where}: answer to ${id}, which does not apply`);
    }
    if (response.pending) {
      problems.push(
        ...pendingProblems(questionnaire, JSON.parse(response.pending) as Pending).map(
          (problem) => `${where}: draft ${problem}`,
        ),
      );
    }
  }
  return problems;
}

function answerProblems(question: Question, value: AnswerValue): string[] {
  const problem = checkAnswer(question, value);
  if (problem) return [`${question.id} = ${JSON.stringify(value)}: ${problem}`];
  if ((value.kind === "choice" || value.kind === "choices") && value.other !== undefined) {
    const chosen = value.kind === "choice" ? [value.option] : value.options;
    const specifies = question.options.some((option) => option.specify && chosen.includes(option.id));
    const length = [...value.other].length;
    if (!specifies || length === 0 || length > OTHER_TEXT_MAX_LENGTH)
      return [`${question.id} = ${JSON.stringify(value)}: a specification it cannot have`];
  }
  return [];
}

function pendingProblems(questionnaire: Questionnaire, pending: Pending): string[] {
  const question = findQuestion(questionnaire, pending.questionId);
  if (!question) return [`for unknown question ${pending.questionId}`];
  const options = new Set(question.options.map((option) => option.id));
  const listed =
    pending.kind === "selection" ? pending.selected : pending.kind === "ranking" ? pending.order : [];
  const foreign = listed.filter((id) => !options.has(id));
  if (foreign.length > 0) return [`of ${question.id} holds options ${foreign.join(", ")}`];
  if (pending.kind === "specify" && checkAnswer(question, pending.answer))
    return [`of ${question.id} holds ${JSON.stringify(pending.answer)}`];
  return [];
}
