// Plain-language suggestions a therapist can act on, derived from the profile. Only the MITI 4
// summary scores have thresholds (clinical-facts §5.1); talk time is described, never judged (§5.3).
import type { SessionProfile } from "./sessionProfile.js";

const pct = (value: number) => `${Math.round(value)}%`;

function reflectionFeedback(p: SessionProfile): string[] {
  const rq = p.reflectionToQuestion;
  if (rq.value === null)
    return p.counts.reflections.total === 0
      ? ["No questions or reflections were detected."]
      : [];
  if (rq.level === "below-fair")
    return [
      `You asked more questions than you reflected (R:Q ${rq.value.toFixed(2)}; MITI 4 fair is 1:1, good 2:1). Try answering a client statement with a reflection before the next question.`,
    ];
  if (rq.level === "fair")
    return [
      `Reflections kept pace with questions (R:Q ${rq.value.toFixed(2)}); reaching 2:1 would meet the MITI 4 "good" level.`,
    ];
  return [
    `Strong reflective listening: R:Q ${rq.value.toFixed(2)} meets the MITI 4 "good" level (2:1).`,
  ];
}

function complexFeedback(p: SessionProfile): string[] {
  const cr = p.percentComplexReflections;
  if (cr.value === null) return [];
  if (cr.level === "below-fair")
    return [
      `${pct(cr.value)} of reflections were complex (MITI 4 fair 40%, good 50%). Add meaning or feeling to what the client said, not only repeat it.`,
    ];
  return [
    `${pct(cr.value)} of reflections were complex, at the MITI 4 ${cr.level} level.`,
  ];
}

function clientFeedback(p: SessionProfile): string[] {
  const lines: string[] = [];
  if (p.percentChangeTalk !== null) {
    lines.push(
      `${pct(p.percentChangeTalk)} of the client's change-related statements were change talk (vs sustain talk).`,
    );
    if (p.percentChangeTalk < 50)
      lines.push(
        "Sustain talk outweighed change talk: open questions and reflections of the client's own reasons tend to be followed by change talk (Apodaca et al. 2016).",
      );
  }
  if (p.ruptureMarkers.length > 0) {
    const where = p.ruptureMarkers
      .slice(0, 5)
      .map((m) => `#${m.index} ${m.marker}`)
      .join(", ");
    lines.push(
      `Possible rupture markers (${where}): check these moments and consider naming the tension with the client.`,
    );
  }
  return lines;
}

function talkFeedback(p: SessionProfile): string[] {
  const share = pct(100 * p.talkTime.therapistShare);
  const lines = [
    `You spoke ${share} of the session (by ${p.talkTime.basis}); this is descriptive, not a quality threshold.`,
  ];
  const longest = p.longestTherapistMonologue;
  if (longest && longest.words >= 150)
    lines.push(
      `Your longest uninterrupted stretch was ${longest.words} words (utterances #${longest.firstIndex}–#${longest.lastIndex}); consider checking in with the client sooner.`,
    );
  return lines;
}

export function feedback(p: SessionProfile): string[] {
  return [
    ...reflectionFeedback(p),
    ...complexFeedback(p),
    ...clientFeedback(p),
    ...talkFeedback(p),
  ];
}
