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
