import { describe, expect, it } from "vitest";
import {
  buildSignalInput,
  type StoredAppointment,
  type StoredResponse,
} from "./buildInput.js";

const appt = (
  id: string,
  day: number,
  status: StoredAppointment["status"],
  checkInDue = false,
): StoredAppointment => ({
  id,
  startsAt: `2026-01-${String(day).padStart(2, "0")}T10:00:00.000Z`,
  status,
  checkInDue,
});
const resp = (
  day: number,
  total: number,
  sessionId: string | null = null,
): StoredResponse => ({
  instrumentId: "phq-9",
  instrumentVersion: "1.0.0",
  total,
  subscales: { a: 1, b: null },
  riskItems: [{ linkId: "phq9-9", value: 2 }],
  submittedAt: `2026-01-${String(day).padStart(2, "0")}T11:00:00.000Z`,
  sessionId,
});

describe("buildSignalInput", () => {
  const appointments = [
    appt("s1", 5, "attended"),
    appt("s2", 12, "cancelled"),
    appt("s3", 19, "no-show"),
    appt("s4", 26, "attended"),
    appt("s5", 30, "scheduled"),
  ];

  it("numbers past, non-cancelled appointments and leaves future ones out", () => {
    const input = buildSignalInput(
      [],
      appointments,
      "2026-01-28T00:00:00.000Z",
    );
    expect(input.appointments.map((a) => [a.sessionIndex, a.attended])).toEqual(
      [
        [1, true],
        [2, false],
        [3, true],
      ],
    );
  });

  it("gives a response its session's number, or the last session on or before its day", () => {
    const input = buildSignalInput(
      [resp(26, 12, "s4"), resp(6, 15)],
      appointments,
      "2026-01-28T00:00:00.000Z",
    );
    expect(input.checkIns.map((c) => c.sessionIndex)).toEqual([3, 1]);
    expect(input.checkIns[0]?.riskItems).toEqual([
      { linkId: "phq9-9", answer: 2 },
    ]);
    expect(input.checkIns[0]?.subscales).toEqual({ a: 1 });
  });

  it("expects a check-in only at the sessions one was asked for (a schedule of every second session)", () => {
    const sessions = [
      appt("a1", 5, "attended"),
      appt("a2", 12, "attended", true),
      appt("a3", 19, "attended"),
      appt("a4", 26, "attended", true),
    ];
    const input = buildSignalInput([], sessions, "2026-01-28T00:00:00.000Z");
    expect(input.appointments.map((a) => a.checkInExpected)).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it("counts a response before any appointment as session 1", () => {
    expect(
      buildSignalInput([resp(1, 20)], [], "2026-01-28T00:00:00.000Z")
        .checkIns[0]?.sessionIndex,
    ).toBe(1);
  });
});
