import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config.ts";

const TOKEN = "123456:test-token";

describe("the configuration", () => {
  it("takes the most PostgreSQL connections an instance opens from DATABASE_CONNECTIONS, when set", () => {
    expect(readConfig({ BOT_TOKEN: TOKEN }).databaseConnections).toBeUndefined();
    expect(readConfig({ BOT_TOKEN: TOKEN, DATABASE_CONNECTIONS: "12" }).databaseConnections).toBe(12);
  });

  it.each(["1", "ten", "2.5"])("refuses DATABASE_CONNECTIONS=%s, naming it", (value) => {
    const read = () => readConfig({ BOT_TOKEN: TOKEN, DATABASE_CONNECTIONS: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^DATABASE_CONNECTIONS/);
  });
});
