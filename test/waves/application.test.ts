import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { startApplication } from "../../src/app.ts";
import type { Config } from "../../src/config.ts";
import { openStore } from "../../src/db/survey-store.ts";
import { BotApiEmulator } from "../emulator/bot-api-emulator.ts";

const COORDINATOR = 42;
let emulator: BotApiEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
});

async function configFor(extra: Partial<Config> = {}): Promise<Config> {
  emulator = new BotApiEmulator();
  await emulator.start();
  const dir = mkdtempSync(join(tmpdir(), "monitoring-app-"));
  return {
    botToken: emulator.token,
    databasePath: join(dir, "survey.db"),
    apiRoot: emulator.apiRoot,
    coordinatorIds: [COORDINATOR],
    pseudonymKey: "test-key-test-key-test-key-test-key",
    pseudonymKeyFile: join(dir, "pseudonym.key"),
    logLevel: "silent",
    ...extra,
  };
}

describe("the running bot", () => {
  it("gives coordinators their commands in their chat's menu, in each language, and experts theirs", async () => {
    const config = await configFor();
    const app = await startApplication(config, pino({ level: "silent" }));
    await app.stop();

    const scope = { type: "chat", chat_id: COORDINATOR };
    const coordinatorMenu = emulator!.commands(scope, "en").map((command) => command.command);
    expect(coordinatorMenu).toEqual(
      expect.arrayContaining(["start", "my_data", "waves", "wave_open", "quota_set"]),
    );
    expect(emulator!.commands(scope).map((command) => command.command)).toEqual(coordinatorMenu);
    for (const language of ["kk", "ru"])
      expect(emulator!.commands(scope, language)).toHaveLength(coordinatorMenu.length);
    expect(
      emulator!.commands(scope, "en").find((command) => command.command === "wave_open")?.description,
    ).toBe("Open the next wave");
    const expertMenu = emulator!.commands(undefined, "en").map((command) => command.command);
    expect(expertMenu).toContain("delete_my_data");
    expect(expertMenu).not.toContain("waves");
  });

  it("applies the quotas of QUOTAS_FILE at start", async () => {
    const config = await configFor();
    const quotasFile = join(config.databasePath, "..", "quotas.json");
    writeFileSync(
      quotasFile,
      JSON.stringify([
        { questionnaire: "education", category: "total", target: 42 },
        { questionnaire: "education", category: "edu_role=social_educator", target: 10, mode: "warn" },
      ]),
    );
    const app = await startApplication({ ...config, quotasFile }, pino({ level: "silent" }));
    await app.stop();

    const store = await openStore({ path: config.databasePath });
    expect(await store.quotas.list("education")).toEqual([
      {
        questionnaire: "education",
        category: { kind: "option", question: "edu_role", option: "social_educator" },
        target: 10,
        mode: "warn",
      },
      { questionnaire: "education", category: { kind: "total" }, target: 42, mode: "stop" },
    ]);
    await store.close();
  });

  it("refuses to start with a quota file it cannot use, naming the entry", async () => {
    const config = await configFor();
    const quotasFile = join(config.databasePath, "..", "quotas.json");
    writeFileSync(
      quotasFile,
      JSON.stringify([{ questionnaire: "education", category: "edu_role=nurse", target: 1 }]),
    );
    await expect(startApplication({ ...config, quotasFile }, pino({ level: "silent" }))).rejects.toThrow(
      /QUOTAS_FILE: .*quotas\.json: entry 1: question "edu_role" has no option "nurse"/,
    );
  });
});
