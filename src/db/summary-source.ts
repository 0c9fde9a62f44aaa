import type { WaveTally } from "../stats/wave-answers.ts";
import type { TallyRepository } from "./tally-repository.ts";
import type { WaveRepository } from "./wave-repository.ts";

/** One wave by number, or every wave (the last two compared). */
export type WaveSelection = number | "all";

/** What a summary of a questionnaire reads: the tallies of the selected waves and every such wave's number. */
export async function summarySource(
  stores: { waves: WaveRepository; tallies: TallyRepository },
  questionnaire: string,
  selection: WaveSelection,
): Promise<{ tallies: WaveTally[]; knownWaves: number[] }> {
  const selected = (wave: number) => selection === "all" || wave === selection;
  const [tallies, waves] = await Promise.all([
    stores.tallies.tallies(questionnaire),
    stores.waves.list(questionnaire),
  ]);
  return {
    tallies: tallies.filter((tally) => selected(tally.wave)),
    knownWaves: waves.map((wave) => wave.number).filter(selected),
  };
}
