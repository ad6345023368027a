// Why a client needs attention, in words (issue 8); the same words the caseload API uses.
export const ATTENTION_REASONS: Record<string, string> = {
  risk: "Risk answer",
  rupture: "Rupture, not repaired",
  "not-on-track": "Not on track",
  "reliable-deterioration": "Reliable deterioration",
  "no-improvement": "No reliable improvement",
  disengagement: "Missed check-ins",
};

/** An alert kind in words; kinds without a wording read as their name. */
export function reasonFor(kind: string): string {
  return ATTENTION_REASONS[kind] ?? kind.replace(/-/g, " ");
}

/**
 * How long an alert has waited, in words.
 * @example waitedFor(150) → "2 h 30 min"
 */
export function waitedFor(minutes: number): string {
  if (minutes < 1) return "less than a minute";
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  return `${Math.floor(minutes / (24 * 60))} days`;
}
