// Cue timestamps shared by WebVTT (hh:mm:ss.ttt, hours optional) and SRT (hh:mm:ss,ttt).

const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)(?:[.,](\d{1,3}))?$/;

/** Seconds for "01:02:03.500", "02:03.5" or "01:02:03,500"; undefined when malformed. */
export function parseTimestamp(value: string): number | undefined {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return undefined;
  const [, hours, minutes, seconds, fraction] = match;
  const millis = fraction ? Number(fraction.padEnd(3, "0")) : 0;
  return (
    Number(hours ?? 0) * 3600 +
    Number(minutes) * 60 +
    Number(seconds) +
    millis / 1000
  );
}

export interface CueTiming {
  start: number;
  end: number;
}

/** Parses "start --> end [cue settings]"; undefined when the line is not a valid timing line. */
export function parseTimingLine(line: string): CueTiming | undefined {
  const parts = line.split("-->");
  if (parts.length !== 2) return undefined;
  const start = parseTimestamp(parts[0] ?? "");
  const end = parseTimestamp((parts[1] ?? "").trim().split(/\s+/)[0] ?? "");
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}
