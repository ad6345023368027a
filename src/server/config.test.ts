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
    [{ RAPPORT_TRUST_PROXY: "maybe" }, /proxy addresses/],
    [{ RAPPORT_TRUST_PROXY: "true" }, /forge its address/],
    [{ RAPPORT_TRUST_PROXY: "11" }, /hop count from 1 to 10/],
    [{ RAPPORT_TRUST_PROXY: "10.0.0.1/33" }, /"10.0.0.1\/33"/],
    [{ RAPPORT_PUBLIC_URL: "rapport.example" }, /must be a URL/],
    [{ RAPPORT_PUBLIC_URL: "ftp://rapport.example" }, /http:\/\/ or https/],
  ])("rejects %j with a clear message", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("takes a hop count or proxy addresses for RAPPORT_TRUST_PROXY, never 'any'", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ RAPPORT_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(
      loadConfig({
        RAPPORT_TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,::1,loopback",
      }).trustProxy,
    ).toEqual(["10.0.0.5", "10.1.0.0/16", "::1", "loopback"]);
  });

  it("makes cookies Secure by the public URL's scheme", () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    const behindTls = loadConfig({
      RAPPORT_PUBLIC_URL: "https://rapport.example/",
    });
    expect(behindTls.secureCookies).toBe(true);
    expect(behindTls.publicUrl).toBe("https://rapport.example");
  });
});
