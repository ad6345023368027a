// Alliance ruptures from the client's signals, as markers on the alliance timeline.
import type { Signal } from "../api/timeline";

export interface RuptureMarker {
  /** When the drop was answered (the response time the chart marks). */
  at: string;
  session: number;
  component: string | null;
  repair: "repaired" | "unrepaired" | "pending";
  returnedAtSession: number | null;
}

export function ruptureMarkers(
  signals: readonly Signal[],
  instrumentId: string,
): RuptureMarker[] {
  return signals
    .filter((s) => s.kind === "rupture" && s.instrumentId === instrumentId)
    .map((s): RuptureMarker => {
      const e = s.evidence;
      const repair = e.repair;
      return {
        at: s.at,
        session: s.sessionIndex,
        component: typeof e.component === "string" ? e.component : null,
        repair:
          repair === "repaired" || repair === "unrepaired" ? repair : "pending",
        returnedAtSession:
          typeof e.returnedAtSession === "number" ? e.returnedAtSession : null,
      };
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** A marker in words, e.g. "Rupture at session 5 (bond), repaired at session 7". */
export function describeMarker(m: RuptureMarker): string {
  const where = `Rupture at session ${m.session}${m.component ? ` (${m.component})` : ""}`;
  switch (m.repair) {
    case "repaired":
      return `${where}, repaired${m.returnedAtSession ? ` at session ${m.returnedAtSession}` : ""}`;
    case "unrepaired":
      return `${where}, not repaired`;
    case "pending":
      return `${where}, repair window still open`;
  }
}
