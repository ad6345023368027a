// Validates one JSON transcript entry {"speaker","text","start"?,"end"?} (one entry = one utterance).
import type { Utterance } from "../transcript.js";

export type EntryResult =
  { ok: true; utterance: Utterance } | { ok: false; message: string };

function optionalTime(
  entry: Record<string, unknown>,
  key: "start" | "end",
): number | undefined | null {
  const value = entry[key];
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" && Number.isFinite(value) && value >= 0
    ? value
    : null;
}

export function toUtterance(value: unknown, line: number): EntryResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "Each entry must be an object." };
  }
  const entry = value as Record<string, unknown>;
  if (typeof entry.speaker !== "string" || entry.speaker.trim() === "") {
    return { ok: false, message: 'Entry needs a non-empty string "speaker".' };
  }
  if (typeof entry.text !== "string")
    return { ok: false, message: 'Entry needs a string "text".' };
  const start = optionalTime(entry, "start");
  const end = optionalTime(entry, "end");
  if (start === null || end === null)
    return { ok: false, message: '"start"/"end" must be seconds (>= 0).' };
  if (start !== undefined && end !== undefined && end < start) {
    return { ok: false, message: '"end" is before "start".' };
  }
  const utterance: Utterance = {
    speaker: entry.speaker.trim(),
    text: entry.text.trim(),
    line,
  };
  if (start !== undefined) utterance.start = start;
  if (end !== undefined) utterance.end = end;
  return { ok: true, utterance };
}
