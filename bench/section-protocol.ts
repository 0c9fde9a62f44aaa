/** How bench/run.ts and bench/run-section.ts talk: the section names, and the prefix of the result line. */
export const SECTION_NAMES = [
  "start-up",
  "answer-cost",
  "memory",
  "summary",
  "many-experts",
  "instances",
  "seal-cost",
] as const;

export type SectionName = (typeof SECTION_NAMES)[number];

export const RESULT_PREFIX = "BENCH-SECTION-RESULT ";
