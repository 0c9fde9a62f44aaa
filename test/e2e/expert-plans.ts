import type { Language } from "../../src/i18n/translator.ts";
import type { ExpertPlan, Identity } from "./survey-expert.ts";

interface TypedTexts {
  identity: Identity;
  region: string;
  otherMeasure: string;
  recommendation: string;
}

/** What experts type, in the language they answer in. */
const TYPED: Record<Language, TypedTexts> = {
  kk: {
    identity: {
      fullName: "Сәрсенбаева Айгерім Бекқызы",
      organisation: "№ 3 қалалық емхана, Шымкент",
      position: "Акушер-гинеколог",
      contact: "aigerim@example.kz",
    },
    region: "Сайрам ауданы",
    otherMeasure: "Аналарға арналған тегін тіл курстары",
    recommendation: "Көші-қон отбасыларына арналған кеңес беру орталығын ашу керек.",
  },
  ru: {
    identity: {
      fullName: "Иванова Мария Петровна",
      organisation: "Школа-гимназия № 12, Шымкент",
      position: "Социальный педагог",
      contact: "+7 701 555 12 34",
    },
    region: "Сайрамский район",
    otherMeasure: "Бесплатные курсы языка для матерей",
    recommendation: "Нужен единый центр консультаций для семей мигрантов.",
  },
  en: {
    identity: {
      fullName: "Dana Smith",
      organisation: "Regional Perinatal Centre",
      position: "Midwife",
      contact: "dana@example.org",
    },
    region: "Sairam district",
    otherMeasure: "Free language classes for mothers",
    recommendation: "Open one advice centre for migrant families.",
  },
};

export function planOf(
  language: Language,
  questionnaire: "education" | "healthcare",
  named: boolean,
  years: number,
): ExpertPlan {
  const { identity, ...typed } = TYPED[language];
  return { language, questionnaire, years, ...typed, ...(named ? { identity } : {}) };
}
