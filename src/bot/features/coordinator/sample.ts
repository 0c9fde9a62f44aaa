import { sampleText } from "../../../report/sample-text.ts";
import { sampleTable } from "../../../stats/sample-table.ts";
import type { BotContext } from "../../context.ts";

/** `/sample`: the paper's Table 1 for the latest wave of each questionnaire. */
export async function replyWithSample(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const samples = [];
  for (const questionnaire of services.questionnaires.values()) {
    const latest = (await services.waves.latest(questionnaire.id))?.number ?? 0;
    // The table describes experts by their profile: nothing else needs loading.
    const questionIds = questionnaire.questions.filter((q) => q.section === "profile").map((q) => q.id);
    const responses = await services.results.submitted(questionnaire.id, { wave: latest, questionIds });
    samples.push({ questionnaire, responses, wave: latest });
  }
  const waves = [...new Set(samples.map((sample) => sample.wave))].join("/");
  await ctx.reply(sampleText(ctx.t, services.questionnaires, sampleTable(samples), waves));
}
