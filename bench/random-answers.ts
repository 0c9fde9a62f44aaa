import { isRelevant } from "../src/questionnaire/engine.ts";
import type { SampleDraw } from "../src/questionnaire/question-types/question-type-spec.ts";
import { questionType } from "../src/questionnaire/question-types/registry.ts";
import type { Answers, AnswerValue, Question, Questionnaire } from "../src/questionnaire/types.ts";

/** A small seeded generator (mulberry32), so every run stores the same responses. */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An index below `n`, leaning towards low indexes by `lean` (0 = uniform), as real experts favour some options. */
  index(n: number, lean = 0): number {
    return Math.min(n - 1, Math.floor(n * this.next() ** (1 + lean)));
  }
}

/**
 * Answers of one plausible respondent: every question that applies, choices leaning towards the first
 * options (more so in `wave` 2, so the waves differ), rankings that mostly agree, a few "other" texts.
 */
export function randomAnswers(
  questionnaire: Questionnaire,
  anonymous: boolean,
  wave: number,
  random: SeededRandom,
): Answers {
  const answers: Record<string, AnswerValue> = {};
  const lean = wave === 1 ? 0.6 : 1.2;
  for (const question of questionnaire.questions) {
    if (anonymous && question.section === "identity") continue;
    if (!isRelevant(question, answers)) continue;
    answers[question.id] = randomAnswer(question, lean, random);
  }
  return answers;
}

/** The choices of one plausible answer: the first options favoured by `lean`, rankings that mostly agree. */
function plausibleDraw(random: SeededRandom, lean: number): SampleDraw {
  return {
    option: (ids) => ids[random.index(ids.length, lean)]!,
    options(ids) {
      const chosen = new Set<string>();
      const wanted = 1 + random.index(3);
      for (let tries = 0; chosen.size < wanted && tries < 10; tries++)
        chosen.add(ids[random.index(ids.length, lean)]!);
      return ids.filter((id) => chosen.has(id));
    },
    ranking(ids) {
      // A shared order with some neighbours swapped, and sometimes only the first few ranked.
      const order = [...ids];
      for (let i = 0; i + 1 < order.length; i++) {
        if (random.next() < 0.35) [order[i], order[i + 1]] = [order[i + 1]!, order[i]!];
      }
      const ranked = random.next() < 0.3 ? Math.max(2, random.index(order.length)) : order.length;
      return order.slice(0, ranked);
    },
    integer: (min, max) => min + random.index(Math.min(40, max - min + 1)),
    number: (min, max) => min + random.index(Math.max(1, Math.min(400, Math.floor((max - min) * 10)))) / 10,
    text: () => `text ${random.index(1000)}`,
    other: () => "another answer",
  };
}

function randomAnswer(question: Question, lean: number, random: SeededRandom): AnswerValue {
  const spec = questionType(question).answer;
  if (!spec) throw new RangeError(`${question.type} question ${question.id} takes no answer`);
  return spec.sample(question, plausibleDraw(random, lean));
}
