import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Vitest runs a global setup once per project, in one process: the first builds, the others find it built. */
const run = globalThis as { surveyBotBuilt?: boolean };

/**
 * The process tests and the bench run the bot and the CLI as `npm start` and `npm run cli` do: from dist/,
 * built here once (vitest's global setup, and bench/run.ts).
 */
export default function buildOnce(): void {
  if (run.surveyBotBuilt) return;
  run.surveyBotBuilt = true;
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
}
