import type { SignalOptions } from "./types.js";

/**
 * Defaults; each value is either from clinical-facts.md or a labelled design choice (docs/signals.md).
 * - rupture.mode "strict" (2 SD; "sensitive" is 1 SD) and the three-session repair window: clinical-facts 4.3.
 *   Strict is the default by design choice: in calibration (docs/signals.md) sensitive mode flagged about
 *   three in four stable clients over ten sessions. Organisations can switch (settings.ruptureMode).
 * - rupture.minBaselineCheckIns 3: design choice ("running baseline from session 2 or 3 onward", 4.3).
 * - notOnTrack levels 0.90 / 0.95 (z 1.28 / 1.645): clinical-facts 3.3, where they are ⚠ a design choice.
 * - noImprovement.bySession 6 and disengagement.missedInARow 2: design choices; the facts give no number
 *   (3.3 names the rule "no reliable improvement by session k" without a k). Organisations set their own k
 *   (settings.noImprovementBySession); docs/signals.md shows what share of stable clients each k flags.
 */
export const DEFAULT_SIGNAL_OPTIONS: SignalOptions = {
  rupture: {
    mode: "strict",
    minBaselineCheckIns: 3,
    repairWindowSessions: 3,
  },
  notOnTrack: { yellowLevel: 0.9, redLevel: 0.95 },
  noImprovement: { bySession: 6 },
  disengagement: { missedInARow: 2 },
};

const SEVERITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Orders signals most severe first (for lists and alert queues). */
export function compareSeverity(
  a: { severity: keyof typeof SEVERITY_RANK },
  b: { severity: keyof typeof SEVERITY_RANK },
): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
}
