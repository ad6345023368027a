import { describe, expect, it } from "vitest";
import { inQuietHours, localMinutes } from "./quietHours.js";

const night = { start: "21:00", end: "08:00" };

describe("quiet hours", () => {
  it("reads local time in the organisation's time zone, daylight saving included", () => {
    expect(
      localMinutes(new Date("2026-07-01T12:00:00Z"), "Europe/London"),
    ).toBe(13 * 60);
    expect(
      localMinutes(new Date("2026-01-01T12:00:00Z"), "Europe/London"),
    ).toBe(12 * 60);
    expect(
      localMinutes(new Date("2026-01-01T12:00:00Z"), "America/New_York"),
    ).toBe(7 * 60);
  });
  it("wraps a window that crosses midnight", () => {
    expect(
      inQuietHours(new Date("2026-01-10T22:30:00Z"), "Europe/London", night),
    ).toBe(true);
    expect(
      inQuietHours(new Date("2026-01-10T07:59:00Z"), "Europe/London", night),
    ).toBe(true);
    expect(
      inQuietHours(new Date("2026-01-10T08:00:00Z"), "Europe/London", night),
    ).toBe(false);
    expect(
      inQuietHours(new Date("2026-01-10T12:00:00Z"), "Europe/London", night),
    ).toBe(false);
  });
  it("an evening in New York is quiet while London is at breakfast", () => {
    const at = new Date("2026-01-10T02:00:00Z"); // 21:00 in New York, 02:00 in London
    expect(
      inQuietHours(at, "America/New_York", { start: "20:00", end: "22:00" }),
    ).toBe(true);
    expect(
      inQuietHours(at, "Europe/London", { start: "20:00", end: "22:00" }),
    ).toBe(false);
  });
  it("no window, or an empty one, is never quiet", () => {
    const at = new Date("2026-01-10T09:00:00Z");
    expect(inQuietHours(at, "UTC", null)).toBe(false);
    expect(inQuietHours(at, "UTC", { start: "09:00", end: "09:00" })).toBe(
      false,
    );
  });
});
