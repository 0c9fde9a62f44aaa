import { STORAGE_UNAVAILABLE_EXIT_CODE, startApplication } from "./app.ts";
import { ConfigError, readConfig } from "./config.ts";

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
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
