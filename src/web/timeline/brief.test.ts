import { describe, expect, it } from "vitest";
import type { Alert } from "../api/alerts";
import type { ScoredResponse } from "../api/responses";
import type { Goal, SessionStatus, TherapySession } from "../api/types";
import { sinceLastSession } from "./brief";

const session = (id: string, day: number, status: SessionStatus) =>
  ({
    id,
    clientId: "c",
    episodeId: null,
    therapistId: "t",
    startsAt: `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`,
    status,
  }) satisfies TherapySession;
const score = (day: number, total: number): ScoredResponse => ({
  id: `r${day}`,
  instrumentId: "phq-9",
  at: `2026-03-${String(day).padStart(2, "0")}T11:00:00Z`,
  total,
  answers: {},
  subscales: {},
  flags: [],
});

describe("sinceLastSession", () => {
  it("collects what happened after the last attended session", () => {
    const brief = sinceLastSession(
      {
        sessions: [
          session("s1", 2, "attended"),
          session("s2", 9, "attended"),
          session("s3", 16, "no-show"),
          session("s4", 25, "scheduled"),
        ],
        responses: [score(2, 15), score(9, 13), score(18, 17)],
        alerts: [
          { createdAt: "2026-03-18T11:00:00Z", id: "a" } as Alert,
          { createdAt: "2026-03-03T11:00:00Z", id: "b" } as Alert,
        ],
        goals: [{ id: "g", updatedAt: "2026-03-01T00:00:00Z" } as Goal],
      },
      "2026-03-20T00:00:00Z",
    );
    expect(brief.lastSession?.id).toBe("s2");
    expect(brief.nextSession?.id).toBe("s4");
    expect(brief.newScores.map((r) => r.total)).toEqual([13, 17]);
    expect(brief.newAlerts.map((a) => a.id)).toEqual(["a"]);
    expect(brief.missedSessions.map((s) => s.id)).toEqual(["s3"]);
    expect(brief.changedGoals).toEqual([]);
  });
});
