// The audit log as CSV for spreadsheets. A cell starting with =, +, -, @ (or a tab or carriage
// return) is prefixed with ' so a spreadsheet shows it as text and never runs it as a formula:
// the address column, for one, holds whatever a client's proxy chain said.
import { stringify } from "csv-stringify/sync";
import type { AuditTable } from "../db/schema.js";

const COLUMNS = [
  "seq",
  "at",
  "actor_id",
  "subject_id",
  "client_id",
  "action",
  "source",
  "prev_hash",
  "hash",
] as const;

export function auditCsv(rows: AuditTable[]): string {
  return stringify(
    rows.map((row) => COLUMNS.map((column) => row[column] ?? "")),
    { header: true, columns: [...COLUMNS], escape_formulas: true },
  );
}
