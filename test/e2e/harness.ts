import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { BotApiEmulator, type BotApiEmulatorOptions } from "../emulator/bot-api-emulator.ts";
import { BotProcess } from "./bot-process.ts";

/** An emulator, a fresh data folder and the bot process that will use them. */
export interface Harness {
  emulator: BotApiEmulator;
  bot: BotProcess;
  dataDir: string;
}

export async function startHarness(name: string, options: BotApiEmulatorOptions = {}): Promise<Harness> {
  const emulator = new BotApiEmulator({ botUsername: "expert_survey_bot", ...options });
  await emulator.start();
  const dataDir = mkdtempSync(join(tmpdir(), `survey-e2e-${name}-`));
  return { emulator, dataDir, bot: new BotProcess({ emulator, dataDir }) };
}

/** Stops everything, removes the data folder, and fails the test if the emulator itself broke. */
export async function disposeHarness({ emulator, bot, dataDir }: Harness): Promise<void> {
  await bot.dispose();
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
  expect(emulator.internalErrors).toEqual([]);
}
