import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, it, onTestFailed } from "vitest";
import type { BotApiEmulator } from "../emulator/bot-api-emulator.ts";
import {
  csvOfNewlines,
  workbookWithLastColumnCells,
  workbookWithLastRowCell,
} from "../support/hostile-files.ts";
import { BotProcess } from "./bot-process.ts";
import { disposeHarness, startHarness } from "./harness.ts";

const COORDINATOR = 730_001;
/** Generous: the bot idles near 100 MB; before imports were isolated, one such file took it past 1.3 GB. */
const PEAK_MEMORY_BOUND_KB = 600 * 1024;

let emulator: BotApiEmulator;
let bot: BotProcess;
let dataDir: string;

beforeEach(async () => {
  ({ emulator, dataDir } = await startHarness("hostile"));
  bot = new BotProcess({ emulator, dataDir, coordinatorIds: [COORDINATOR] });
  onTestFailed(() => console.error(`Bot log:\n${bot.output()}`));
});

afterEach(async () => {
  await disposeHarness({ emulator, bot, dataDir });
});

function peakResidentKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
}

it("answers an expert's presses while hostile files are refused, within bounded memory", async () => {
  await bot.start();
  const coordinator = emulator.user({ id: COORDINATOR, first_name: "Gulnara", language_code: "en" });
  const expert = emulator.user({ id: 730_002, first_name: "Dana", language_code: "en" });
  const files = [
    { fileName: "rows.xlsx", bytes: await workbookWithLastRowCell() },
    { fileName: "columns.xlsx", bytes: await workbookWithLastColumnCells() },
    { fileName: "paper.csv", bytes: csvOfNewlines() },
  ];
  for (const [index, file] of files.entries()) {
    // Each press must be answered within act()'s 5 s deadline while the file is being read and refused.
    await Promise.all([
      coordinator.act(() => coordinator.sendDocument(file), { timeoutMs: 30_000 }),
      expert
        .act(() => expert.sendCommand("/language"))
        .then(() => expert.act(() => expert.pressButton(/English/))),
    ]);
    await coordinator.waitFor((chat) => chat.messages().length > index, 30_000);
    expect(coordinator.lastMessage()?.text).toMatch(/^Nothing was imported: the table is too (long|wide)/);
  }
  expect(expert.callbackAnswers()).toHaveLength(files.length);
  expect(peakResidentKb(bot.pid!)).toBeLessThan(PEAK_MEMORY_BOUND_KB);
});
