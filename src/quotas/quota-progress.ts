import type { Answers } from "../questionnaire/types.ts";
import { inCategory, type Quota } from "./quota-category.ts";

export interface QuotaProgress {
  quota: Quota;
  /** Submitted responses of the wave in the category. */
  count: number;
  full: boolean;
}

/**
 * How far each quota is filled by the responses submitted in a wave.
 *
 * @example
 * quotaProgress([{ questionnaire: "education", category: { kind: "total" }, target: 2, mode: "stop" }], [{}, {}]);
 * // [{ quota, count: 2, full: true }]
 */
export function quotaProgress(quotas: readonly Quota[], submitted: readonly Answers[]): QuotaProgress[] {
  return quotas.map((quota) => {
    const count = submitted.filter((answers) => inCategory(quota.category, answers)).length;
    return { quota, count, full: count >= quota.target };
  });
}

/** What a full quota means for one expert: turned away (any full `stop` quota) or only told (`warn`). */
export interface QuotaVerdict {
  mode: Quota["mode"];
  quotas: Quota[];
}

/**
 * The full quotas an expert has just entered: before the first question the `total` ones; after an answer
 * the ones defined on that question. Undefined when none applies.
 *
 * @example
 * quotaVerdict(progress, { edu_role: { kind: "choice", option: "social_educator" } }, "edu_role");
 * // { mode: "stop", quotas: [the social educators' quota] }
 */
export function quotaVerdict(
  progress: readonly QuotaProgress[],
  answers: Answers,
  answeredQuestion?: string,
): QuotaVerdict | undefined {
  const reached = progress
    .filter(({ quota, full }) => {
      if (!full) return false;
      const { category } = quota;
      const concerned =
        answeredQuestion === undefined
          ? category.kind === "total"
          : category.kind === "option" && category.question === answeredQuestion;
      return concerned && inCategory(category, answers);
    })
    .map(({ quota }) => quota);
  if (reached.length === 0) return undefined;
  const stopping = reached.filter((quota) => quota.mode === "stop");
  return stopping.length > 0 ? { mode: "stop", quotas: stopping } : { mode: "warn", quotas: reached };
}
