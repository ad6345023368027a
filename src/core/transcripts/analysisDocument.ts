// The one JSON shape of an analysis, shared by `rapport analyze --format json` and the server's
// GET /api/transcripts/:id (issue 7): coded utterances in order, then the session profile.
import type { TranscriptAnalysis } from "./analyzeTranscript.js";
import type { CodedUtterance } from "./codedUtterance.js";

/** One utterance as published: codes as plain strings or numbers, null where a code does not apply. */
export interface UtteranceDocument {
  index: number;
  speaker: string;
  role: CodedUtterance["role"];
  text: string;
  start?: number;
  end?: number | null;
  behaviour: CodedUtterance["behaviour"];
  reflection: CodedUtterance["reflection"];
  question: CodedUtterance["question"];
  talk: CodedUtterance["talk"];
  empathy: CodedUtterance["empathy"];
  markers: CodedUtterance["markers"];
  confidence: CodedUtterance["confidence"];
}

export interface AnalysisDocument {
  utterances: UtteranceDocument[];
  profile: TranscriptAnalysis["profile"];
}

function utteranceDocument(u: CodedUtterance): UtteranceDocument {
  const timing =
    u.start === undefined ? {} : { start: u.start, end: u.end ?? null };
  return {
    index: u.index,
    speaker: u.speaker,
    role: u.role,
    text: u.text,
    ...timing,
    behaviour: u.behaviour,
    reflection: u.reflection,
    question: u.question,
    talk: u.talk,
    empathy: u.empathy,
    markers: u.markers,
    confidence: u.confidence,
  };
}

/**
 * The analysis as one document (utterances without internal fields such as word counts).
 * @example analysisDocument(analyzeTranscript(parsed.utterances, models).analysis).utterances[0].behaviour
 */
export function analysisDocument(
  analysis: TranscriptAnalysis,
): AnalysisDocument {
  return {
    utterances: analysis.utterances.map(utteranceDocument),
    profile: analysis.profile,
  };
}

/** The document as one line of JSON with a trailing newline (what the CLI prints). */
export function jsonDocument(analysis: TranscriptAnalysis): string {
  return `${JSON.stringify(analysisDocument(analysis))}\n`;
}
