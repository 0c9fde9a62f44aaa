import { BotApiEmulator } from "../../test/emulator/bot-api-emulator.ts";
import { BotProcess, temporaryDirectory } from "../bot-process.ts";
import { probeFirstPoll } from "../emulator-probe.ts";
import { median } from "../percentiles.ts";

export interface StartUpOptions {
  runs: number;
  /** Our bot's entry point: a built .js file on node, or a .ts file through tsx. */
  botScript: string;
  /** Write CPU profiles of our bot's start-ups here. */
  profileDirectory?: string;
}

export interface StartUpResult {
  runs: number;
  /** Process start → first getUpdates, each run on a fresh database (migrations, new key file). */
  oursMs: number[];
  oursMedianMs: number;
  bareMs: number[];
  bareMedianMs: number;
  /** Resident memory of the idle bot process right after its first poll. */
  oursIdleRssMb: number;
  bareIdleRssMb: number;
}

/** From spawning the bot process to its first getUpdates call, ours and the bare bot's, alternating. */
export async function startUp(options: StartUpOptions): Promise<StartUpResult> {
  const ours: number[] = [];
  const bare: number[] = [];
  let oursIdleRssMb = Number.NaN;
  let bareIdleRssMb = Number.NaN;
  for (let run = 0; run < options.runs; run++) {
    const measured = await startOnce(options.botScript, options.profileDirectory);
    ours.push(measured.ms);
    oursIdleRssMb = measured.rssMb;
    const floor = await startOnce("bench/bare-bot.ts");
    bare.push(floor.ms);
    bareIdleRssMb = floor.rssMb;
  }
  return {
    runs: options.runs,
    oursMs: ours,
    oursMedianMs: median(ours),
    bareMs: bare,
    bareMedianMs: median(bare),
    oursIdleRssMb,
    bareIdleRssMb,
  };
}

async function startOnce(script: string, profileDirectory?: string): Promise<{ ms: number; rssMb: number }> {
  const directory = temporaryDirectory("start-up");
  const emulator = new BotApiEmulator({ maxCallLog: 100 });
  await emulator.start();
  const ready = probeFirstPoll(emulator);
  const bot = BotProcess.start({
    script,
    token: emulator.token,
    apiRoot: emulator.apiRoot,
    databasePath: `${directory.path}/survey.db`,
    ...(profileDirectory ? { profileDirectory } : {}),
  });
  try {
    const { polledAt } = await ready;
    return { ms: polledAt - bot.startedAt, rssMb: bot.memory()?.rssMb ?? Number.NaN };
  } finally {
    await bot.stop();
    await emulator.close();
    directory.dispose();
  }
}
