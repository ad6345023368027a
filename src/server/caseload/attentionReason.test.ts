import { describe, expect, it } from "vitest";
import type { OpenAlertRow } from "./caseload.repository.js";
import { attentionReason, topAlertPerClient } from "./attentionReason.js";

const alert = (
  clientId: string,
  kind: string,
  rank: number,
  evidence = "{}",
): OpenAlertRow => ({
  id: `${clientId}-${kind}`,
  client_id: clientId,
  kind,
  severity: ["critical", "high", "medium", "low"][rank] ?? "low",
  severity_rank: rank,
  explanation: "",
  evidence,
  created_at: "2026-01-01T00:00:00Z",
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
