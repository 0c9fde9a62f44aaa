import { STORAGE_UNAVAILABLE_EXIT_CODE, startApplication } from "./app.ts";
import { ConfigError, configuredBotToken, readConfig } from "./config.ts";
import { endOnUnhandledErrors, exitWithLine } from "./last-resort.ts";
import { errorLine, redactToken } from "./token-redaction.ts";

const token = configuredBotToken();
endOnUnhandledErrors(token);
try {
  const config = readConfig();
  const app = await startApplication(config);
  const stop = async () => {
    await app.stop();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
  void app.storageUnavailable.then(async () => {
    await app.stop();
    process.exit(STORAGE_UNAVAILABLE_EXIT_CODE);
  });
} catch (error) {
  exitWithLine(error instanceof ConfigError ? redactToken(error.message, token) : errorLine(error, token));
}
