// What an upload must pass before it is stored: it parses in the declared format (or the one its
// first lines suggest). Runs in the transcript thread, so a large or hostile file never holds the
// event loop; the parsers are linear in any case (src/core/transcripts/formats).
import {
  detectFormat,
  parseTranscript,
  type TranscriptFormat,
  type TranscriptParseError,
} from "../../core/transcripts/index.js";

export type CheckOutcome =
  | {
      ok: true;
      format: TranscriptFormat;
      speakers: string[];
      utterances: number;
    }
  | { ok: false; error: TranscriptParseError };

/** Lines read before guessing the format from content (as the CLI does). */
const HEAD_LINES = 3;

function head(text: string): string {
  let end = -1;
  for (let i = 0; i < HEAD_LINES; i++) {
    end = text.indexOf("\n", end + 1);
    if (end < 0) return text;
  }
  return text.slice(0, end);
}

export function checkTranscript(
  text: string,
  declared: TranscriptFormat | undefined,
): CheckOutcome {
  const format = declared ?? detectFormat("", head(text));
  const parsed = parseTranscript(text, format);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    format,
    speakers: [...new Set(parsed.utterances.map((u) => u.speaker))],
    utterances: parsed.utterances.length,
  };
}
