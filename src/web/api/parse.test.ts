import { describe, expect, it } from "vitest";
import { parseAlerts } from "./alerts";
import { parseResponses } from "./responses";

describe("parseResponses", () => {
  it("reads the stored-response shape, oldest first, leaving out unscored ones", () => {
    const parsed = parseResponses({
      items: [
        {
          id: "2",
          instrumentId: "phq-9",
          total: 12,
          band: "moderate",
          submittedAt: "2026-02-01T00:00:00Z",
        },
        {
          id: "1",
          instrumentId: "phq-9",
          total: 18,
          band: null,
          submittedAt: "2026-01-01T00:00:00Z",
        },
        {
          id: "3",
          instrumentId: "phq-9",
          total: null,
          band: null,
          submittedAt: "2026-03-01T00:00:00Z",
        },
        "nonsense",
      ],
    });
    expect(parsed).toEqual([
      {
        id: "1",
        instrumentId: "phq-9",
        at: "2026-01-01T00:00:00Z",
        total: 18,
        answers: {},
        subscales: {},
        flags: [],
      },
      {
        id: "2",
        instrumentId: "phq-9",
        at: "2026-02-01T00:00:00Z",
        total: 12,
        band: "moderate",
        answers: {},
        subscales: {},
        flags: [],
      },
    ]);
  });
});

describe("parseAlerts", () => {
  it("reads alerts and ranks word severities", () => {
    const alerts = parseAlerts({
      items: [
        {
          id: "a",
          clientId: "c",
          kind: "risk",
          severity: "high",
          explanation: "PHQ-9 item 9 = 2",
          status: "open",
        },
        {
          id: "b",
          clientId: "c",
          kind: "rupture",
          severity: 2,
          status: "acknowledged",
          escalatedAt: "2026-01-03T00:00:00Z",
          acknowledgement: {
            action: "repair-attempted",
            actionLabel: "Repair attempted",
            note: null,
            by: "m1",
            byName: "Dr Lee",
            at: "2026-01-03T01:00:00Z",
          },
        },
      ],
    });
    expect(alerts).toEqual([
      {
        id: "a",
        clientId: "c",
        kind: "risk",
        severity: 3,
        severityLabel: "high",
        explanation: "PHQ-9 item 9 = 2",
        status: "open",
        note: null,
        createdAt: "",
        acknowledgement: null,
        escalatedAt: null,
      },
      {
        id: "b",
        clientId: "c",
        kind: "rupture",
        severity: 2,
        severityLabel: "2",
        explanation: "",
        status: "acknowledged",
        note: null,
        createdAt: "",
        acknowledgement: {
          action: "repair-attempted",
          actionLabel: "Repair attempted",
          note: null,
          byName: "Dr Lee",
          at: "2026-01-03T01:00:00Z",
        },
        escalatedAt: "2026-01-03T00:00:00Z",
      },
    ]);
  });
});
