import { describe, expect, it } from "vitest";
import type { Alert } from "../api/alerts";
import type { Client } from "../api/types";
import {
  attentionByClient,
  orderCaseload,
  type CaseloadRow,
} from "./attention";

const client = (id: string, name: string): Client => ({
  id,
  name,
  therapistId: "t1",
  status: "active",
  sharedWith: [],
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
});
const alert = (clientId: string, kind: string, severity: number): Alert => ({
  id: `${clientId}-${kind}`,
  clientId,
  kind,
  severity,
  severityLabel: String(severity),
  explanation: `${kind} because`,
  status: "open",
  note: null,
  createdAt: "2026-02-01T00:00:00Z",
});

describe("attentionByClient", () => {
  it("keeps each client's most severe alert and names it in words", () => {
    const byClient = attentionByClient([
      alert("a", "not-on-track", 2),
      alert("a", "risk", 3),
      alert("b", "rupture", 2),
      alert("b", "not-on-track", 2),
    ]);
    expect(byClient.get("a")?.reason).toBe("Risk answer");
    // Same severity: the reason earlier in the list wins.
    expect(byClient.get("b")?.reason).toBe("Rupture, not repaired");
  });

  it("names kinds it does not know in plain words", () => {
    expect(
      attentionByClient([alert("a", "missed-check-in", 1)]).get("a")?.reason,
    ).toBe("missed check in");
  });
});

describe("orderCaseload", () => {
  const row = (c: Client, extra: Partial<CaseloadRow> = {}): CaseloadRow => ({
    client: c,
    attention: null,
    latest: null,
    ...extra,
  });

  it("puts attention first, then the latest response, then names", () => {
    const attention = attentionByClient([
      alert("z", "risk", 3),
      alert("y", "not-on-track", 2),
    ]);
    const rows = [
      row(client("a", "Ada")),
      row(client("b", "Bo"), {
        latest: {
          id: "r",
          instrumentId: "phq-9",
          at: "2026-03-01T00:00:00Z",
          total: 9,
        },
      }),
      row(client("y", "Yu"), { attention: attention.get("y") ?? null }),
      row(client("z", "Zed"), { attention: attention.get("z") ?? null }),
      row(client("c", "Cy")),
    ];
    expect(orderCaseload(rows).map((r) => r.client.name)).toEqual([
      "Zed",
      "Yu",
      "Bo",
      "Ada",
      "Cy",
    ]);
  });

  it("does not change the rows it is given", () => {
    const rows = [row(client("b", "Bo")), row(client("a", "Ada"))];
    orderCaseload(rows);
    expect(rows.map((r) => r.client.name)).toEqual(["Bo", "Ada"]);
  });
});
