import { describe, expect, it } from "vitest";
import type { AuditTable } from "../db/schema.js";
import { auditCsv } from "./auditCsv.js";

const entry = (patch: Partial<AuditTable>): AuditTable => ({
  id: "e1",
  organisation_id: "o",
  seq: 1,
  at: "2026-11-25T09:00:00.000Z",
  actor_id: "m1",
  subject_id: null,
  client_id: null,
  action: "auth.login",
  source: "10.0.0.1",
  prev_hash: "0",
  hash: "1",
  ...patch,
});

describe("auditCsv", () => {
  it("writes a header and one row per entry, empty cells for nulls", () => {
    expect(auditCsv([entry({})]).split("\n")).toEqual([
      "seq,at,actor_id,subject_id,client_id,action,source,prev_hash,hash",
      "1,2026-11-25T09:00:00.000Z,m1,,,auth.login,10.0.0.1,0,1",
      "",
    ]);
  });

  it.each([
    '=HYPERLINK("http://x")',
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
  ])("never lets a cell start a formula: %j", (source) => {
    const row = auditCsv([entry({ source })]).split("\n")[1] ?? "";
    const cells = row.split(",");
    expect(cells[6]?.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("quotes commas and quotes instead of shifting columns", () => {
    const row = auditCsv([entry({ source: 'a,"b"' })]).split("\n")[1];
    expect(row).toContain('"a,""b"""');
  });
});
