import type { Participant } from "../../../db/answer-writes.ts";
import type { Expert } from "../../../db/expert-repository.ts";
import type { StoredResponse } from "../../../db/response-rows.ts";
import { languageName, type Translate } from "../../../i18n/translator.ts";
import type { Answers, Questionnaire } from "../../../questionnaire/types.ts";
import { isoDay } from "../../screens/iso-day.ts";
import { describeAnswer, questionnaireTitle, questionTitle } from "../../screens/labels.ts";

/** What /my_data shows: the stored account, chat settings and named responses with answers in words. */
export interface StoredAboutExpert {
  expert: Expert | undefined;
  participant: Participant | undefined;
  responses: {
    response: StoredResponse & { wave: number };
    answers: Answers;
    questionnaire: Questionnaire;
  }[];
}

/**
 * Everything stored about a named expert, as plain lines (no markup, so that long answers can be cut
 * anywhere to fit Telegram's message size).
 */
export function myDataLines(t: Translate, stored: StoredAboutExpert): string[] {
  const { expert, participant, responses } = stored;
  const lines = [t("bot:my_data.title"), ""];
  if (expert) {
    const name = [expert.firstName, expert.lastName].filter(Boolean).join(" ");
    lines.push(
      t("bot:my_data.account"),
      t("bot:my_data.telegram_id", { value: expert.telegramId }),
      ...(expert.username ? [t("bot:my_data.username", { value: expert.username })] : []),
      ...(name ? [t("bot:my_data.name", { value: name })] : []),
      ...(expert.language ? [t("bot:my_data.language", { value: languageName(expert.language) })] : []),
      t("bot:my_data.reminders", {
        value: t(expert.remindersEnabled ? "bot:my_data.on" : "bot:my_data.off"),
      }),
      t("bot:my_data.invitations", {
        value: t(expert.inviteToNextWave ? "bot:my_data.yes" : "bot:my_data.no"),
      }),
      t("bot:my_data.since", { value: isoDay(expert.createdAt) }),
    );
  } else {
    lines.push(t("bot:my_data.no_account"));
  }
  if (participant)
    lines.push(
      "",
      t("bot:my_data.chat", {
        language: participant.language ? languageName(participant.language) : "—",
      }),
    );
  lines.push("");
  if (responses.length === 0) lines.push(t("bot:my_data.no_responses"));
  for (const { response, answers, questionnaire } of responses) {
    const status = response.submittedAt
      ? t("bot:my_data.submitted", { date: isoDay(response.submittedAt) })
      : t("bot:my_data.unfinished");
    lines.push(
      t("bot:my_data.response", {
        title: questionnaireTitle(t, questionnaire),
        wave: response.wave,
        status,
      }),
    );
    for (const question of questionnaire.questions) {
      const answer = answers[question.id];
      if (answer) lines.push(`• ${questionTitle(t, question)}: ${describeAnswer(t, question, answer)}`);
    }
    lines.push("");
  }
  lines.push(t("bot:my_data.anonymous_note"), t("bot:my_data.delete_hint"));
  return lines;
}

/** Lines packed into as few messages as fit Telegram's limit; a line longer than a message is cut. */
export function packMessages(lines: readonly string[], limit = 4096): string[] {
  const messages: string[] = [];
  let current = "";
  for (const line of lines.flatMap((whole) => pieces(whole, limit))) {
    const joined = current === "" ? line : `${current}\n${line}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current.trim() !== "") messages.push(current);
    current = line;
  }
  if (current.trim() !== "") messages.push(current);
  return messages;
}

function pieces(line: string, limit: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < line.length; start += limit) result.push(line.slice(start, start + limit));
  return result.length > 0 ? result : [""];
}
