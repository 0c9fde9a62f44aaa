import { Translations } from "../../src/i18n/translator.ts";
import { questionnaireFromForm } from "../../src/questionnaire/from-xlsform.ts";
import type { Question, Questionnaire } from "../../src/questionnaire/types.ts";
import { formOf, table } from "../questionnaire/xlsform/form-tables.ts";

/**
 * A small study with the types the two study questionnaires lack, a note and a decimal number, written as
 * a research team writes an XLSForm and read by the bot's own reader.
 */
export const FIELD_STUDY_FORM = {
  survey: table(`
    | type               | name           | label::English (en)   | label::Қазақша (kk)    | label::Русский (ru)    | required | constraint          | section | parameters            |
    | select_one district | district      | Your district         | Ауданыңыз              | Ваш район              | yes      |                     | profile |                       |
    | note               | intro          | A few words on hours  | Жұмыс сағаттары туралы | Несколько слов о часах |          |                     |         |                       |
    | decimal            | hours_per_week | Hours a week          | Аптасына сағат         | Часов в неделю         | yes      | . >= 0 and . <= 80  |         | prefer_not_to_say=yes |
    | text               | comments       | Comments              | Пікірлер               | Комментарии            |          |                     |         | max_length=200        |
  `),
  choices: table(`
    | list_name | name  | label::English (en) | label::Қазақша (kk) | label::Русский (ru) |
    | district  | north | North               | Солтүстік           | Север               |
    | district  | south | South               | Оңтүстік            | Юг                  |
  `),
  settings: table(`
    | form_id     | version | default_language | form_title::English (en) | form_title::Қазақша (kk) | form_title::Русский (ru) |
    | field_study | 1       | en               | Field study              | Далалық зерттеу          | Полевое исследование     |
  `),
};

export const fieldStudy: Questionnaire = questionnaireFromForm(formOf(FIELD_STUDY_FORM).form, {
  otherLabel: Translations.load().inEveryLanguage("other_option"),
});

export function fieldQuestion(id: string): Question {
  return fieldStudy.questions.find((question) => question.id === id)!;
}
