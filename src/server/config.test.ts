import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to SQLite in ./data on port 8080", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({
      dialect: "sqlite",
      file: `${process.cwd()}/data/rapport.db`,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("reads PostgreSQL URLs and a data directory", () => {
    const config = loadConfig({
      RAPPORT_DATABASE_URL: "postgres://u@h:5432/db",
      RAPPORT_DATA_DIR: "/srv/rapport",
    });
    expect(config.database).toEqual({
      dialect: "postgres",
      url: "postgres://u@h:5432/db",
    });
    expect(config.dataDir).toBe("/srv/rapport");
  });

  it.each([
    [{ RAPPORT_PORT: "eighty" }, /RAPPORT_PORT must be an integer/],
    [{ RAPPORT_PORT: "70000" }, /between 0 and 65535/],
    [
      { RAPPORT_DATABASE_URL: "mysql://x" },
      /must start with sqlite: or postgres/,
    ],
    [{ RAPPORT_DEMO_PASSWORD: "short" }, /at least 8/],
    [{ RAPPORT_TRUST_PROXY: "maybe" }, /true or false/],
  ])("rejects %j with a clear message", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
