import { describe, expect, it } from "vitest";
import type { Checkin } from "../api/checkins";
import type { TherapySession } from "../api/types";
import { sessionEvents } from "./sessionEvents";

const session = (id: string, startsAt: string): TherapySession => ({
  id,
  clientId: "c1",
  episodeId: null,
  therapistId: "m1",
  startsAt,
  status: "attended",
});

const checkin = (
  id: string,
  sessionId: string | null,
  createdAt: string,
): Checkin => ({
  id,
  clientId: "c1",
  sessionId,
  instruments: ["phq-9"],
  status: "open",
  createdAt,
  expiresAt: createdAt,
  completedAt: null,
  emailed: false,
  remindersSent: 0,
  responseIds: [],
  risk: false,
  feedback: null,
});

describe("sessionEvents", () => {
  it("puts check-ins under their session and the rest by date, newest first", () => {
    const events = sessionEvents(
      [
        session("s1", "2026-01-05T10:00:00Z"),
        session("s2", "2026-01-12T10:00:00Z"),
      ],
      [
        checkin("k1", "s1", "2026-01-05T11:00:00Z"),
        checkin("k2", null, "2026-01-08T09:00:00Z"),
        checkin("k3", "gone", "2026-01-01T09:00:00Z"),
      ],
    );
    expect(
      events.map((e) => [e.session?.id ?? null, e.checkins.map((c) => c.id)]),
    ).toEqual([
      ["s2", []],
      [null, ["k2"]],
      ["s1", ["k1"]],
      [null, ["k3"]],
    ]);
  });
});
