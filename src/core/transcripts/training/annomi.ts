// AnnoMI (Wu et al. 2022/2023, public domain) as labelled utterances. AnnoMI-full may hold several
// annotators' rows per utterance: each label is the majority over them (ties: first seen).
import type { Role } from "../transcript.js";
import { parseCsvRecords } from "./csv.js";

export type Behaviour = "reflection" | "question" | "input" | "other";
export type Talk = "change" | "sustain" | "neutral";

export interface LabelledUtterance {
  transcriptId: string;
  order: number;
  role: Role;
  text: string;
  behaviour: Behaviour | null;
  reflection: "simple" | "complex" | null;
  question: "open" | "closed" | null;
  talk: Talk | null;
}

function majority(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = values[0] ?? "n/a";
  for (const [value, count] of counts)
    if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function pick<T extends string>(
  value: string,
  allowed: readonly T[],
): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function toUtterance(
  rows: readonly Record<string, string>[],
): LabelledUtterance {
  const first = rows[0]!;
  const vote = (column: string) =>
    majority(rows.map((row) => row[column] ?? "n/a"));
  const behaviour = vote("main_therapist_behaviour").replace(
    "therapist_input",
    "input",
  );
  return {
    transcriptId: first.transcript_id ?? "",
    order: Number(first.utterance_id),
    role: first.interlocutor === "therapist" ? "therapist" : "client",
    text: first.utterance_text ?? "",
    behaviour: pick(behaviour, [
      "reflection",
      "question",
      "input",
      "other",
    ] as const),
    reflection:
      vote("reflection_exists") === "True"
        ? pick(vote("reflection_subtype"), ["simple", "complex"] as const)
        : null,
    question:
      vote("question_exists") === "True"
        ? pick(vote("question_subtype"), ["open", "closed"] as const)
        : null,
    talk: pick(vote("client_talk_type"), [
      "change",
      "sustain",
      "neutral",
    ] as const),
  };
}

/** One labelled utterance per (transcript, utterance), in transcript and utterance order. */
export function readAnnoMiFull(csvText: string): LabelledUtterance[] {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of parseCsvRecords(csvText)) {
    const key = `${row.transcript_id}/${row.utterance_id}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const utterances = [...groups.values()].map(toUtterance);
  return utterances.sort(
    (a, b) =>
      Number(a.transcriptId) - Number(b.transcriptId) || a.order - b.order,
  );
}

/** Utterances grouped by transcript, each group in the order given. */
export function byTranscript(
  utterances: readonly LabelledUtterance[],
): LabelledUtterance[][] {
  const groups = new Map<string, LabelledUtterance[]>();
  for (const u of utterances) {
    const group = groups.get(u.transcriptId);
    if (group) group.push(u);
    else groups.set(u.transcriptId, [u]);
  }
  return [...groups.values()];
}
