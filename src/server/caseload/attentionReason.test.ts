import { describe, expect, it } from "vitest";
import type { OpenAlertRow } from "./caseload.repository.js";
import {
  attentionReason,
  minutesWaiting,
  topAlertPerClient,
} from "./attentionReason.js";

const alert = (
  clientId: string,
  kind: string,
  rank: number,
  evidence = "{}",
  status: OpenAlertRow["status"] = "open",
): OpenAlertRow => ({
  id: `${clientId}-${kind}`,
  client_id: clientId,
  kind,
  severity: ["critical", "high", "medium", "low"][rank] ?? "low",
  severity_rank: rank,
  explanation: "",
  evidence,
  created_at: "2026-01-01T00:00:00Z",
  status,
  acknowledged_by: status === "open" ? null : "m1",
  acknowledged_by_name: status === "open" ? null : "Dr Lee",
  acknowledged_at: status === "open" ? null : "2026-01-01T01:00:00Z",
});

describe("attentionReason", () => {
  it("words each alert kind as the caseload shows it", () => {
    expect(attentionReason(alert("a", "risk", 0))).toBe("Risk answer");
    expect(attentionReason(alert("a", "disengagement", 2))).toBe(
      "Missed check-ins",
    );
    expect(
      attentionReason(alert("a", "rupture", 1, '{"repair":"unrepaired"}')),
    ).toBe("Rupture, not repaired");
    expect(
      attentionReason(alert("a", "rupture", 3, '{"repair":"repaired"}')),
    ).toBe("Rupture, since repaired");
    expect(attentionReason(alert("a", "new-kind", 3))).toBe("new kind");
  });
});

describe("topAlertPerClient", () => {
  it("keeps the most severe alert, then the issue's order of kinds", () => {
    const tops = topAlertPerClient([
      alert("a", "not-on-track", 1),
      alert("a", "risk", 0),
      alert("b", "not-on-track", 1),
      alert("b", "rupture", 1),
    ]);
    expect(tops.get("a")).toMatchObject({ open: 2, top: { kind: "risk" } });
    expect(tops.get("b")?.top.kind).toBe("rupture");
  });
});

describe("acknowledged alerts", () => {
  it("keep their place by severity, after an unacknowledged alert of the same severity", () => {
    const tops = topAlertPerClient([
      alert("a", "not-on-track", 1),
      alert("a", "risk", 0, "{}", "acknowledged"),
      alert("b", "risk", 0, "{}", "acknowledged"),
      alert("b", "rupture", 0),
    ]);
    expect(tops.get("a")).toMatchObject({
      open: 2,
      top: { kind: "risk", status: "acknowledged" },
    });
    expect(tops.get("b")?.top.kind).toBe("rupture");
  });
});
describe("minutesWaiting", () => {
  it("counts whole minutes since an unacknowledged alert was raised", () => {
    const now = new Date("2026-01-01T02:30:59Z");
    expect(minutesWaiting(alert("a", "risk", 0), now)).toBe(150);
    expect(
      minutesWaiting(alert("a", "risk", 0, "{}", "acknowledged"), now),
    ).toBeNull();
  });
});
