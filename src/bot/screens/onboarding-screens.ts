import { InlineKeyboard } from "grammy";
import { LANGUAGE_NAMES, LANGUAGES, type Language, type Translate } from "../../i18n/translator.ts";
import type { Questionnaire } from "../../questionnaire/types.ts";
import { encodeButton } from "../callback-data.ts";
import { formTexts } from "./labels.ts";
import { escapeHtml, type Screen } from "./screen.ts";

/** Language choice; the language of the expert's Telegram app comes first and is marked. */
export function languageScreen(t: Translate, preselected: Language, revision: number): Screen {
  const keyboard = new InlineKeyboard();
  const ordered = [preselected, ...LANGUAGES.filter((language) => language !== preselected)];
  for (const language of ordered) {
    const mark = language === preselected ? "✅ " : "";
    keyboard.text(mark + LANGUAGE_NAMES[language], encodeButton(revision, "language", language)).row();
  }
  return { text: escapeHtml(t("language.prompt")), keyboard };
}

export function consentScreen(t: Translate, revision: number): Screen {
  const keyboard = new InlineKeyboard()
    .text(t("consent.agree"), encodeButton(revision, "consent"))
    .row()
    .text(t("consent.decline"), encodeButton(revision, "decline_consent"));
  return { text: t("consent.text"), keyboard };
}

export function questionnaireScreen(
  t: Translate,
  questionnaires: readonly Questionnaire[],
  revision: number,
): Screen {
  const texts = formTexts(t);
  const keyboard = new InlineKeyboard();
  for (const questionnaire of questionnaires) {
    keyboard
      .text(texts.title(questionnaire), encodeButton(revision, "questionnaire", questionnaire.id))
      .row();
  }
  const descriptions = questionnaires.map((questionnaire) => {
    const title = `<b>${escapeHtml(texts.title(questionnaire))}</b>`;
    const description = texts.description(questionnaire);
    return description ? `${title}: ${escapeHtml(description)}` : title;
  });
  return { text: [escapeHtml(t("questionnaire.prompt")), "", ...descriptions].join("\n"), keyboard };
}

export function anonymityScreen(t: Translate, revision: number): Screen {
  const keyboard = new InlineKeyboard()
    .text(t("anonymity.anonymous"), encodeButton(revision, "anonymity", "anonymous"))
    .row()
    .text(t("anonymity.named"), encodeButton(revision, "anonymity", "named"));
  return { text: t("anonymity.prompt"), keyboard };
}

export function resumeScreen(
  t: Translate,
  details: { title: string; position: number; total: number },
  revision: number,
): Screen {
  const keyboard = new InlineKeyboard()
    .text(t("buttons.continue"), encodeButton(revision, "continue"))
    .row()
    .text(t("buttons.restart"), encodeButton(revision, "restart"));
  return { text: escapeHtml(t("resume.prompt", details)), keyboard };
}

/** A named expert who submitted in the open wave may change their answers. */
export function submittedScreen(t: Translate, revision: number): Screen {
  const keyboard = new InlineKeyboard().text(t("buttons.change"), encodeButton(revision, "change"));
  return { text: t("submitted.already"), keyboard };
}
