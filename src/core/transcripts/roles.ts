// Who is the therapist: a given name, explicit overrides, or else inferred. An MI counsellor's
// questions and reflections are about the client ("you"), while clients speak about themselves
// ("I"): the therapist is the speaker whose words lean most towards "you" over "I" (on the 106
// AnnoMI training transcripts this picks the therapist in all 106; the share of utterances with a
// question, used before, missed 9). Ties go to the larger question share, then the first speaker.
// A speaker labelled by the role itself ("Therapist", "Counsellor") is taken at their word.
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

const YOU = new Set([
  "you",
  "your",
  "yours",
  "yourself",
  "you're",
  "you've",
  "you'd",
  "you'll",
]);
const I = new Set([
  "i",
  "me",
  "my",
  "mine",
  "myself",
  "i'm",
  "i've",
  "i'd",
  "i'll",
]);

interface Leaning {
  /** ("you" words − "I" words) per word. */
  you: number;
  /** Share of utterances containing a question mark. */
  questions: number;
}

function leanings(utterances: readonly Utterance[]): Map<string, Leaning> {
  const counts = new Map<
    string,
    { you: number; words: number; questions: number; utterances: number }
  >();
  for (const u of utterances) {
    const entry = counts.get(u.speaker) ?? {
      you: 0,
      words: 0,
      questions: 0,
      utterances: 0,
    };
    for (const word of u.text
      .toLowerCase()
      .replace(/\u2019/g, "'")
      .match(/[a-z']+/g) ?? []) {
      entry.words += 1;
      if (YOU.has(word)) entry.you += 1;
      else if (I.has(word)) entry.you -= 1;
    }
    entry.utterances += 1;
    if (u.text.includes("?")) entry.questions += 1;
    counts.set(u.speaker, entry);
  }
  return new Map(
    [...counts].map(([speaker, c]) => [
      speaker,
      {
        you: c.words === 0 ? 0 : c.you / c.words,
        questions: c.questions / c.utterances,
      },
    ]),
  );
}

/** Speaker labels that name the role itself, as transcription tools and datasets often write. */
const THERAPIST_LABELS = new Set([
  "therapist",
  "counsellor",
  "counselor",
  "clinician",
  "interviewer",
  "psychologist",
]);

function inferTherapist(
  speakers: readonly string[],
  utterances: readonly Utterance[],
): string | undefined {
  const labelled = speakers.filter((s) =>
    THERAPIST_LABELS.has(s.trim().toLowerCase()),
  );
  if (labelled.length === 1) return labelled[0];
  const scores = leanings(utterances);
  let best = utterances[0]?.speaker;
  for (const [speaker, score] of scores) {
    const current = scores.get(best ?? "");
    if (
      !current ||
      score.you > current.you ||
      (score.you === current.you && score.questions > current.questions)
    )
      best = speaker;
  }
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
    therapist = inferTherapist(speakers, utterances);
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
