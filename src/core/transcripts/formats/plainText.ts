// Plain text: one "Speaker: text" line per turn, optionally "[hh:mm:ss] Speaker: text".
// A line without a speaker prefix continues the previous utterance (wrapped dictation).
import type {
  TranscriptLineParser,
  TranscriptParseResult,
  Utterance,
} from "../transcript.js";
import { parseTimestamp } from "./timestamps.js";
import { splitNamePrefix } from "./speakerPrefix.js";
import { lineTooLong } from "./lineLimit.js";

/** A leading time and the space after it; bounded quantifiers only, so matching is linear. */
const LEADING_TIME = /^[[(]?(\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[\])]?\s/;

export function createPlainTextParser(): TranscriptLineParser {
  const utterances: Utterance[] = [];
  let lineNumber = 0;
  let failure: TranscriptParseResult | undefined;
  return {
    pushLine(raw) {
      lineNumber += 1;
      if (failure) return;
      const tooLong = lineTooLong(raw, lineNumber);
      if (tooLong) {
        failure = { ok: false, error: tooLong };
        return;
      }
      const line = (lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw).trim();
      if (line === "") return;
      const timed = LEADING_TIME.exec(line);
      const start = timed ? parseTimestamp(timed[1] ?? "") : undefined;
      const spoken = splitNamePrefix(
        timed ? line.slice(timed[0].length) : line,
      );
      const last = utterances.at(-1);
      if (spoken.speaker !== undefined) {
        const utterance: Utterance = {
          speaker: spoken.speaker,
          text: spoken.text,
          line: lineNumber,
        };
        if (start !== undefined) utterance.start = start;
        utterances.push(utterance);
      } else if (last) {
        last.text =
          last.text === "" ? spoken.text : `${last.text} ${spoken.text}`;
      } else {
        const message = 'Expected "Speaker: text" on the first line with text.';
        failure = {
          ok: false,
          error: { code: "missing-speaker", line: lineNumber, message },
        };
      }
    },
    end() {
      if (failure) return failure;
      if (utterances.length === 0) {
        return {
          ok: false,
          error: {
            code: "empty",
            line: Math.max(lineNumber, 1),
            message: "No utterances found.",
          },
        };
      }
      return { ok: true, utterances };
    },
  };
}
