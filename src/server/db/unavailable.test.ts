import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable.js";

const withCode = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    withCode("terminating connection due to administrator command", "57P01"),
    withCode("the database system is starting up", "57P03"),
    withCode("connection failure", "08006"),
    withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
    new Error("Connection terminated unexpectedly"),
    new Error("timeout exceeded when trying to connect"),
    new AggregateError([withCode("refused", "ECONNREFUSED")], "connect"),
    new Error("wrapped", { cause: withCode("reset", "ECONNRESET") }),
  ])("recognises an outage: %s", (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    withCode('duplicate key value violates unique constraint "x"', "23505"),
    withCode("syntax error", "42601"),
    new Error("something else"),
    "not an error",
  ])("leaves other failures alone: %s", (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
