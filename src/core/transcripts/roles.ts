// Who is the therapist: a given name, explicit overrides, or else inferred. The inference uses the
// speaker who asks the larger share of questions (MI counsellors ask, clients answer), with
// speaking first as the tie-breaker.
import type { Role, Utterance } from "./transcript.js";

export interface RoleOptions {
  /** Name of the therapist as it appears in the transcript (case-insensitive). */
  therapist?: string;
  /** Explicit roles per speaker name; they win over everything else. */
  overrides?: Readonly<Record<string, Role>>;
}

export type RoleAssignment =
  | { ok: true; roles: ReadonlyMap<string, Role>; inferred: boolean }
  | { ok: false; reason: "unknown-therapist"; speakers: string[] };

function questionShare(utterances: readonly Utterance[]): Map<string, number> {
  const asked = new Map<string, { questions: number; total: number }>();
  for (const u of utterances) {
    const entry = asked.get(u.speaker) ?? { questions: 0, total: 0 };
    entry.total += 1;
    if (u.text.includes("?")) entry.questions += 1;
    asked.set(u.speaker, entry);
  }
  return new Map(
    [...asked].map(([speaker, { questions, total }]) => [
      speaker,
      questions / total,
    ]),
  );
}

function inferTherapist(utterances: readonly Utterance[]): string | undefined {
  const shares = questionShare(utterances);
  let best = utterances[0]?.speaker;
  for (const [speaker, share] of shares)
    if (share > (shares.get(best ?? "") ?? -1)) best = speaker;
  return best;
}

/**
 * Maps every speaker to a role. Speakers other than the therapist are clients.
 * @example assignRoles(utterances, { therapist: "Dr Lee" })
 */
export function assignRoles(
  utterances: readonly Utterance[],
  options: RoleOptions = {},
): RoleAssignment {
  const speakers = [...new Set(utterances.map((u) => u.speaker))];
  let therapist: string | undefined;
  if (options.therapist !== undefined) {
    therapist = speakers.find(
      (s) => s.toLowerCase() === options.therapist!.trim().toLowerCase(),
    );
    if (therapist === undefined)
      return { ok: false, reason: "unknown-therapist", speakers };
  } else if (!Object.values(options.overrides ?? {}).includes("therapist")) {
    therapist = inferTherapist(utterances);
  }
  const roles = new Map<string, Role>(
    speakers.map((s) => [s, s === therapist ? "therapist" : "client"]),
  );
  for (const [speaker, role] of Object.entries(options.overrides ?? {}))
    if (roles.has(speaker)) roles.set(speaker, role);
  return {
    ok: true,
    roles,
    inferred:
      options.therapist === undefined && options.overrides === undefined,
  };
}
