import { RESULT_PREFIX, type SectionName } from "./section-protocol.ts";
import { answerCost } from "./sections/answer-cost.ts";
import { instances } from "./sections/instances.ts";
import { manyExperts } from "./sections/many-experts.ts";
import { memory } from "./sections/memory.ts";
import { sealCost } from "./sections/seal-cost.ts";
import { startUp } from "./sections/start-up.ts";
import { summaryAtScale } from "./sections/summary-at-scale.ts";

/**
 * Runs one section of the bench and prints its figures as JSON on the last line, after RESULT_PREFIX.
 * bench/run.ts starts one such process per section, so no section inherits another's heap, JIT state or
 * open handles. Usage: tsx bench/run-section.ts <section> '<options as JSON>'
 */
const sections: Record<SectionName, (options: never) => unknown> = {
  "start-up": startUp,
  "answer-cost": answerCost,
  memory,
  summary: summaryAtScale,
  "many-experts": manyExperts,
  instances,
  "seal-cost": sealCost,
};

// Exit through process.exit, so that the bot processes this section started are killed on the way out.
process.once("SIGTERM", () => process.exit(143));
const [name, options] = process.argv.slice(2);
const section = sections[name as SectionName];
if (!section) throw new Error(`unknown section "${name}"; one of ${Object.keys(sections).join(", ")}`);
const result = await section(JSON.parse(options ?? "{}") as never);
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
process.exit(0);
