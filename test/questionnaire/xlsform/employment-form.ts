// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm itself writes a reference to a question as ${name}
import { table } from "./form-tables.ts";

/** A small study of employment services as a research team would write it: three languages, Kazakh first. */
export const EMPLOYMENT_FORM = {
  survey: table(`
    | type                         | name           | label::Қазақша (kk)                   | label::Русский (ru)                    | label::English (en)               | hint::Қазақша (kk)      | hint::Русский (ru)        | hint::English (en)   | required | relevant                            | constraint         | constraint_message::Қазақша (kk) | constraint_message::Русский (ru) | constraint_message::English (en) |
    | begin_group                  | profile        | Сіз туралы                            | О вас                                  | About you                         |                         |                           |                      |          |                                     |                    |                                  |                                  |                                  |
    | select_one region            | region         | Өңіріңіз                              | Ваш регион                             | Your region                       |                         |                           |                      | yes      |                                     |                    |                                  |                                  |                                  |
    | integer                      | experience     | Жұмыс өтіліңіз                        | Ваш стаж работы                        | Your years of work                | Толық жылмен            | В полных годах            | In whole years       | yes      |                                     | . >= 0 and . <= 60 | 0-ден 60-қа дейін                | От 0 до 60                       | From 0 to 60                     |
    | end_group                    |                |                                       |                                        |                                   |                         |                           |                      |          |                                     |                    |                                  |                                  |                                  |
    | select_multiple obstacles or_other | obstacles | Жұмысқа орналасудағы кедергілер    | Препятствия при трудоустройстве        | Obstacles to employment           | Бірнешеуін таңдаңыз     | Выберите несколько        | Choose several       | yes      |                                     |                    |                                  |                                  |                                  |
    | rank obstacles               | obstacles_rank | Кедергілерді маңыздылығы бойынша реттеңіз | Расставьте препятствия по важности | Rank the obstacles by importance  |                         |                           |                      |          | count-selected(\${obstacles}) >= 2   |                    |                                  |                                  |                                  |
    | text                         | comment        | Қосымша пікіріңіз                     | Ваш комментарий                        | Any comment                       |                         |                           |                      |          | \${region} != 'abroad'              |                    |                                  |                                  |                                  |
  `),
  choices: table(`
    | list_name | name      | label::Қазақша (kk) | label::Русский (ru) | label::English (en) |
    | region    | almaty    | Алматы              | Алматы              | Almaty              |
    | region    | turkestan | Түркістан облысы    | Туркестанская область | Turkestan region  |
    | region    | abroad    | Шетелде             | За рубежом          | Abroad              |
    | obstacles | language  | Тіл                 | Язык                | Language            |
    | obstacles | documents | Құжаттар            | Документы           | Documents           |
    | obstacles | wages     | Төмен жалақы        | Низкая зарплата     | Low wages           |
  `),
  settings: table(`
    | form_id    | version | default_language | form_title::Қазақша (kk) | form_title::Русский (ru) | form_title::English (en) |
    | employment | 3       | kk               | Жұмыспен қамту           | Занятость                | Employment               |
  `),
};
