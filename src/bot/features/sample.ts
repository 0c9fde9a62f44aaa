import { sampleText } from "../../report/sample-text.ts";
import { sampleTable } from "../../stats/sample-table.ts";
import type { BotContext } from "../context.ts";

/** `/sample`: the paper's Table 1 for the latest wave of each questionnaire. */
export async function replyWithSample(ctx: BotContext): Promise<void> {
  const { services } = ctx;
  const samples = [...services.questionnaires.values()].map((questionnaire) => {
    const latest = services.waves.latest(questionnaire.id)?.number;
    const responses = services.responses
      .submitted(questionnaire.id)
      .filter((record) => record.wave === latest);
    return { questionnaire, responses, wave: latest };
  });
  const waves = [...new Set(samples.map((sample) => sample.wave ?? 0))].join("/");
  await ctx.reply(sampleText(ctx.t, services.questionnaires, sampleTable(samples), waves));
}
