// A readable plain-text report of an analysis (the CLI's default output).
import type { TranscriptAnalysis } from "./analyzeTranscript.js";
import type { CodedUtterance } from "./codedUtterance.js";
import {
  RELIABILITY_CODES,
  type CodeReliability,
  type ReliabilityCode,
} from "./coding/modelEvaluation.js";
import type { ThresholdedScore } from "./profile/mitiThresholds.js";

const pct = (value: number | null) =>
  value === null ? "n/a" : `${value.toFixed(0)}%`;

function score(
  label: string,
  s: ThresholdedScore,
  unit: "ratio" | "percent",
): string {
  const value =
    s.value === null
      ? "n/a"
      : unit === "ratio"
        ? s.value.toFixed(2)
        : pct(s.value);
  const limits =
    unit === "ratio"
      ? `fair ${s.fair}:1, good ${s.good}:1`
      : `fair ${s.fair}%, good ${s.good}%`;
  return `  ${label.padEnd(28)} ${value.padStart(6)}  ${(s.level ?? "").padEnd(10)} (MITI 4 thresholds: ${limits})`;
}

/** How sure the estimate is: the cross-validated F1 of each code, as recorded for the models. */
function howSure(codeF1: CodeReliability | null): string {
  if (codeF1 === null)
    return "  How sure: no evaluation on record for these models.";
  const parts = (Object.keys(RELIABILITY_CODES) as ReliabilityCode[]).map(
    (code) =>
      `${RELIABILITY_CODES[code].name} ${codeF1[code]?.toFixed(2) ?? "n/a"}`,
  );
  return `  How sure (cross-validated F1 per code): ${parts.join(", ")}`;
}

function codes(u: CodedUtterance): string {
  if (u.role === "client")
    return [u.talk, ...u.markers].filter(Boolean).join(", ");
  const parts = [
    u.behaviour,
    u.reflection && `${u.reflection} reflection`,
    u.question && `${u.question} question`,
  ];
  return parts.filter(Boolean).join(", ");
}

function summary(a: TranscriptAnalysis): string[] {
  const p = a.profile;
  const c = p.counts;
  return [
    `Session profile (${p.label})`,
    "  Codes come from classifiers trained on AnnoMI; the levels compare their estimates with the MITI 4 thresholds.",
    howSure(p.codeF1),
    `  Utterances: ${c.therapistUtterances} therapist, ${c.clientUtterances} client; turns: ${p.turns.turns}`,
    `  Reflections: ${c.reflections.total} (${c.reflections.simple} simple, ${c.reflections.complex} complex); questions: ${c.questions.total} (${c.questions.open} open, ${c.questions.closed} closed)`,
    score("Reflection:question ratio", p.reflectionToQuestion, "ratio"),
    score("% complex reflections", p.percentComplexReflections, "percent"),
    `  % open questions             ${pct(p.percentOpenQuestions).padStart(6)}`,
    `  % change talk                ${pct(p.percentChangeTalk).padStart(6)}  (change ${c.talk.change}, sustain ${c.talk.sustain}, neutral ${c.talk.neutral})`,
    `  Talk time (${p.talkTime.basis}): therapist ${pct(100 * p.talkTime.therapistShare)}, client ${pct(100 * p.talkTime.clientShare)} (descriptive)`,
    `  Empathy (share of therapist utterances, any/strong): emotional reaction ${pct(100 * (p.empathy.emotionalReaction.any ?? 0))}/${pct(100 * (p.empathy.emotionalReaction.strong ?? 0))}, interpretation ${pct(100 * (p.empathy.interpretation.any ?? 0))}/${pct(100 * (p.empathy.interpretation.strong ?? 0))}, exploration ${pct(100 * (p.empathy.exploration.any ?? 0))}/${pct(100 * (p.empathy.exploration.strong ?? 0))}`,
    `  Rupture markers: ${p.ruptureMarkers.length === 0 ? "none detected" : p.ruptureMarkers.map((m) => `#${m.index} ${m.marker}`).join(", ")}`,
    p.rolesInferred
      ? "  (Roles were inferred; pass --therapist NAME to set them.)"
      : "",
  ].filter((line) => line !== "");
}

/** Summary, feedback, then one line per utterance with its codes. */
export function textReport(analysis: TranscriptAnalysis): string {
  const lines = [
    ...summary(analysis),
    "",
    "Feedback (a sentence resting on automated codes is hedged or withheld by their cross-validated F1)",
    ...analysis.profile.feedback.map((f) => `  - ${f}`),
    "",
    "Utterances",
  ];
  for (const u of analysis.utterances) {
    const text = u.text.length > 90 ? `${u.text.slice(0, 87)}...` : u.text;
    lines.push(
      `  #${u.index} ${u.role === "therapist" ? "T" : "C"} ${u.speaker}: ${text}`,
      `      [${codes(u)}]`,
    );
  }
  return `${lines.join("\n")}\n`;
}
