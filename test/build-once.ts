import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * The process tests and the bench run the bot and the CLI as `npm start` and `npm run cli` do: from dist/,
 * built here once (vitest's global setup, and bench/run.ts).
 */
export default function buildOnce(): void {
  execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
  });
}
