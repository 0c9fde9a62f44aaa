import { Composer } from "grammy";
import {
  type CategoryProblem,
  isCategoryProblem,
  parseCategory,
  type QuotaMode,
} from "../../../quotas/quota-category.ts";
import type { BotContext } from "../../context.ts";
import { categoryLabel } from "../../quotas/quota-category-label.ts";
import { quotaProgressIn } from "../../quotas/quota-gate.ts";
import { questionnaireTitle } from "../../screens/labels.ts";
import { escapeHtml } from "../../screens/screen.ts";

/** `/quota` (progress per category in the open wave) and `/quota_set` for coordinators. */
export const quotaCommands = new Composer<BotContext>();

quotaCommands.command("quota", async (ctx) => {
  const { services, t } = ctx;
  const lines = [t("quotas:quota.title")];
  for (const questionnaire of services.questionnaires.values()) {
    const title = escapeHtml(questionnaireTitle(t, questionnaire));
    const wave = await services.waves.openWave(questionnaire.id);
    lines.push("");
    if (!wave) {
      lines.push(t("quotas:quota.no_wave", { title }));
      continue;
    }
    lines.push(t("quotas:quota.questionnaire", { title, wave: wave.number }));
    const progress = await quotaProgressIn(services, questionnaire.id, wave);
    if (progress.length === 0) lines.push(t("quotas:quota.none"));
    for (const { quota, count, full } of progress) {
      lines.push(
        t(full ? "quotas:quota.line_full" : "quotas:quota.line", {
          category: escapeHtml(categoryLabel(t, questionnaire, quota.category)),
          count,
          target: quota.target,
          mode: t(`quotas:quota.mode.${quota.mode}`),
        }),
      );
    }
  }
  lines.push("", escapeHtml(t("quotas:quota.hint")));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});

quotaCommands.command("quota_set", async (ctx) => {
  const { services, t } = ctx;
  const [questionnaireId = "", categoryText = "", targetText = "", modeText = "stop", ...extra] = ctx.match
    .trim()
    .split(/\s+/);
  const questionnaire = services.questionnaires.get(questionnaireId.toLowerCase());
  if (!questionnaire || !categoryText || !targetText || extra.length > 0) {
    await ctx.reply(t("waves:usage.quota_set", { ids: [...services.questionnaires.keys()].join(", ") }));
    return;
  }
  const title = questionnaireTitle(t, questionnaire);
  const category = parseCategory(questionnaire, categoryText);
  if (isCategoryProblem(category)) {
    await ctx.reply(problemText(ctx, title, category));
    return;
  }
  if (!/^\d+$/.test(targetText)) {
    await ctx.reply(t("quotas:quota.bad_target"));
    return;
  }
  const mode = modeText.toLowerCase();
  if (!isMode(mode)) {
    await ctx.reply(t("quotas:quota.bad_mode"));
    return;
  }
  const target = Number(targetText);
  const label = categoryLabel(t, questionnaire, category);
  if (target === 0) {
    const removed = await services.quotas.remove(questionnaire.id, category);
    await ctx.reply(
      t(removed ? "quotas:quota.removed" : "quotas:quota.not_found", { title, category: label }),
    );
    return;
  }
  await services.quotas.set({ questionnaire: questionnaire.id, category, target, mode }, services.now());
  await ctx.reply(
    t("quotas:quota.saved", { title, category: label, target, mode: t(`quotas:quota.mode.${mode}`) }),
  );
});

function isMode(text: string): text is QuotaMode {
  return text === "stop" || text === "warn";
}

function problemText(ctx: BotContext, title: string, problem: CategoryProblem): string {
  if (problem.problem === "bad_format") return ctx.t("quotas:quota.bad_category");
  return ctx.t(`quotas:quota.${problem.problem}`, { title, ...problem });
}
