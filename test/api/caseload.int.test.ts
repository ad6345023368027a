// GET /api/caseload: visible clients, most in need of attention first, with reasons in words,
// latest alliance and outcome scores and their trends; audited; admins refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { seedDemo } from "../../src/server/demo/seedDemo.js";
import type { App } from "../../src/server/http/types.js";
import {
  DIALECTS,
  testRuntime,
  type TestRuntime,
} from "../support/dialects.js";
import { signIn, type Session } from "../support/http.js";

interface Score {
  instrumentId: string;
  total: number;
  at: string;
  trend: number[];
  validated: boolean;
}
interface Item {
  clientId: string;
  name: string;
  therapistId: string;
  status: string;
  attention: { kind: string; reason: string; severity: string } | null;
  openAlerts: number;
  alliance: Score | null;
  outcome: Score | null;
}
interface CaseloadPage {
  items: Item[];
  next: string | null;
}

const RANK: Record<string, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
};

describe.each(DIALECTS)("caseload on %s", (dialect) => {
  let runtime: TestRuntime;
  let app: App;
  let t1: Session;
  let t2: Session;
  let supervisor: Session;
  let admin: Session;

  const all = async (s: Session, query = ""): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res = await s.get(
        `/api/caseload?limit=7${cursor ? `&cursor=${cursor}` : ""}${query}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page: CaseloadPage = res.json<CaseloadPage>();
      items.push(...page.items);
      cursor = page.next;
    }
    return items;
  };

  beforeAll(async () => {
    runtime = await testRuntime(dialect);
    await seedDemo(runtime.context);
    app = await buildApp(runtime.context, { logger: false });
    [t1, t2, supervisor, admin] = (await Promise.all(
      [
        "therapist1@demo.rapport.test",
        "therapist2@demo.rapport.test",
        "supervisor@demo.rapport.test",
        "admin@demo.rapport.test",
      ].map((e) => signIn(app, e)),
    )) as [Session, Session, Session, Session];
  });
  afterAll(async () => {
    await app.close();
    await runtime.dispose();
  });

  it("lists the therapist's clients once each, most urgent first, across pages", async () => {
    const items = await all(t1);
    const listed = (await t1.get("/api/clients?limit=200")).json<{
      items: { id: string }[];
    }>().items;
    expect(new Set(items.map((i) => i.clientId))).toEqual(
      new Set(listed.map((c) => c.id)),
    );
    expect(items).toHaveLength(listed.length);
    const first = items[0];
    expect(first?.name).toBe("Sam Ortiz");
    expect(first?.attention?.reason).toBe("Risk answer");
    // Clients with an open alert come before those without, by severity.
    const ranks = items.map((i) =>
      i.attention ? (RANK[i.attention.severity] ?? 4) : 5,
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("names every reason in words and carries the latest scores with a trend", async () => {
    const items = await all(t1);
    const reasons = new Set(items.flatMap((i) => i.attention?.reason ?? []));
    expect(reasons).toContain("Risk answer");
    for (const reason of reasons)
      expect([
        "Risk answer",
        "Rupture, not repaired",
        "Rupture, since repaired",
        "Not on track",
        "Reliable deterioration",
        "No reliable improvement",
        "Missed check-ins",
      ]).toContain(reason);
    const scored = items.filter((i) => i.outcome && i.alliance);
    expect(scored.length).toBeGreaterThan(0);
    for (const item of scored) {
      expect(["phq-9", "gad-7"]).toContain(item.outcome?.instrumentId);
      expect(item.outcome?.trend.length).toBeLessThanOrEqual(6);
      expect(item.outcome?.trend.at(-1)).toBe(item.outcome?.total);
      expect(item.alliance?.instrumentId).toBe("rapport-alliance");
      expect(item.alliance?.validated).toBe(false);
    }
  });

  it("matches the client's own responses for the latest outcome score", async () => {
    const [item] = (await all(t1)).filter((i) => i.outcome);
    if (!item?.outcome) throw new Error("no scored client in the demo");
    const responses = (
      await t1.get(
        `/api/clients/${item.clientId}/responses?instrumentId=${item.outcome.instrumentId}`,
      )
    ).json<{ items: { total: number | null; submittedAt: string }[] }>().items;
    const totals = responses
      .filter((r) => r.total !== null)
      .map((r) => r.total);
    expect(item.outcome.trend).toEqual(
      totals.slice(-item.outcome.trend.length),
    );
  });

  it("filters by status; names never travel in its URL", async () => {
    expect((await t1.get("/api/caseload?name=Sam%20Ortiz")).statusCode).toBe(
      400,
    );
    const discharged = await all(t1, "&status=discharged");
    for (const i of discharged) expect(i.status).toBe("discharged");
  });

  it("shows supervisors their supervisees' clients and keeps colleagues apart", async () => {
    const own = await all(t1);
    const other = await all(t2);
    const supervised = await all(supervisor);
    expect(supervised).toHaveLength(own.length + other.length);
    const ownIds = new Set(own.map((i) => i.clientId));
    expect(other.some((i) => ownIds.has(i.clientId))).toBe(false);
  });

  it("refuses administrators and rejects a bad cursor", async () => {
    expect((await admin.get("/api/caseload")).statusCode).toBe(403);
    expect((await t1.get("/api/caseload?cursor=abc")).statusCode).toBe(400);
  });

  it("audits the clients on the page it returns", async () => {
    const page = (await t1.get("/api/caseload?limit=3")).json<CaseloadPage>();
    const rows = await runtime.context.db
      .selectFrom("audit_log")
      .select("client_id")
      .where("action", "=", "caseload.read")
      .execute();
    const audited = new Set(rows.map((r) => r.client_id));
    for (const item of page.items) expect(audited).toContain(item.clientId);
  });
});
