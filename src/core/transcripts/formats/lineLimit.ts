// The longest line the line-based formats (WebVTT, SRT, plain text) accept. A design choice, not
// a standard: a caption line is under 100 characters, and 32,768 characters is over half an hour
// of uninterrupted speech on one plain-text line (at ~150 words a minute). It bounds the work and
// memory one line can cost, so a hostile file is refused at its first over-long line.
import type { TranscriptParseError } from "../transcript.js";

export const MAX_LINE_CHARS = 32_768;

/** The error for an over-long line, or undefined when the line is within the limit. */
export function lineTooLong(
  line: string,
  lineNumber: number,
): TranscriptParseError | undefined {
  if (line.length <= MAX_LINE_CHARS) return undefined;
  return {
    code: "line-too-long",
    line: lineNumber,
    message: `Line is longer than ${MAX_LINE_CHARS} characters.`,
  };
}
