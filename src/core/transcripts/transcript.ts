// The shapes every transcript parser produces and every analysis step consumes.

export type TranscriptFormat = "vtt" | "srt" | "text" | "json";

export type Role = "therapist" | "client";

/** One speaker turn (or one JSON entry), in order; times in seconds when the file has them. */
export interface Utterance {
  speaker: string;
  text: string;
  start?: number;
  end?: number;
  /** 1-based line of the file where the utterance begins. */
  line: number;
}

export type ParseErrorCode =
  | "empty"
  | "bad-header"
  | "bad-timing"
  | "bad-index"
  | "missing-speaker"
  | "bad-json"
  | "bad-entry"
  | "line-too-long";

export interface TranscriptParseError {
  code: ParseErrorCode;
  line: number;
  message: string;
}

export type TranscriptParseResult =
  | { ok: true; utterances: Utterance[] }
  | { ok: false; error: TranscriptParseError };

/** Feeds a file line by line (without line terminators) so large uploads can be streamed. */
export interface TranscriptLineParser {
  pushLine(line: string): void;
  end(): TranscriptParseResult;
}
