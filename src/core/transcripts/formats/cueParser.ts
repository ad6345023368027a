// Line-by-line state machine shared by WebVTT and SRT: blocks of [id] / timing / payload lines.
import type {
  ParseErrorCode,
  TranscriptLineParser,
  TranscriptParseError,
  TranscriptParseResult,
} from "../transcript.js";
import { parseTimingLine, type CueTiming } from "./timestamps.js";
import { splitVoices } from "./speakerPrefix.js";
import { lineTooLong } from "./lineLimit.js";
import { TurnCollector } from "./turnCollector.js";

export interface CueDialect {
  /** Checks the first non-blank line (the WEBVTT header); returns an error message or undefined. */
  header?: (line: string) => string | undefined;
  /** Whether a block starting with this line is skipped entirely (NOTE, STYLE, REGION). */
  skipBlock: (line: string) => boolean;
  /** Whether a cue identifier line is acceptable before the timing line. */
  identifier: (line: string) => boolean;
}

interface Cue {
  timing: CueTiming;
  payload: string[];
  line: number;
}

export class CueParser implements TranscriptLineParser {
  private lineNumber = 0;
  private headerSeen = false;
  private skipping = false;
  private pendingId: number | undefined;
  private cue: Cue | undefined;
  private error: TranscriptParseError | undefined;
  private readonly turns = new TurnCollector();

  constructor(private readonly dialect: CueDialect) {}

  pushLine(raw: string): void {
    this.lineNumber += 1;
    if (this.error) return;
    this.error = lineTooLong(raw, this.lineNumber);
    if (this.error) return;
    const line = (
      this.lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw
    ).trimEnd();
    if (line.trim() === "") return this.closeBlock();
    if (!this.headerSeen && this.dialect.header) return this.checkHeader(line);
    this.headerSeen = true;
    if (this.skipping) return;
    if (this.cue) return void this.cue.payload.push(line);
    this.startBlock(line);
  }

  end(): TranscriptParseResult {
    this.closeBlock();
    if (this.error) return { ok: false, error: this.error };
    if (this.turns.utterances.length === 0) {
      return this.failure(
        "empty",
        Math.max(this.lineNumber, 1),
        "No utterances found.",
      );
    }
    return { ok: true, utterances: this.turns.utterances };
  }

  private checkHeader(line: string): void {
    this.headerSeen = true;
    const problem = this.dialect.header?.(line);
    if (problem) this.fail("bad-header", problem);
    else this.skipping = true;
  }

  private startBlock(line: string): void {
    const looksTimed = line.includes("-->") || /^\s*\d{1,2}:\d{2}/.test(line);
    const timing = looksTimed ? parseTimingLine(line) : undefined;
    if (timing) {
      this.cue = {
        timing,
        payload: [],
        line: this.pendingId ?? this.lineNumber,
      };
      this.pendingId = undefined;
    } else if (looksTimed) {
      this.fail("bad-timing", `Malformed cue timing "${line.trim()}".`);
    } else if (this.pendingId !== undefined) {
      this.fail("bad-timing", "Expected a cue timing line (start --> end).");
    } else if (this.dialect.skipBlock(line)) {
      this.skipping = true;
    } else if (this.dialect.identifier(line)) {
      this.pendingId = this.lineNumber;
    } else {
      this.fail(
        "bad-index",
        `Unexpected line "${line.trim().slice(0, 40)}" where a cue should start.`,
      );
    }
  }

  private closeBlock(): void {
    this.skipping = false;
    if (this.pendingId !== undefined && !this.error) {
      this.lineNumber = this.pendingId;
      this.fail("bad-timing", "Cue identifier without a timing line.");
    }
    const cue = this.cue;
    this.cue = undefined;
    if (cue && !this.error) this.emitCue(cue);
  }

  private emitCue(cue: Cue): void {
    for (const piece of splitVoices(cue.payload.join(" "))) {
      const speaker = piece.speaker ?? this.turns.lastSpeaker;
      if (speaker === undefined) {
        this.error = {
          code: "missing-speaker",
          line: cue.line,
          message: "Cue has no speaker (use <v Name> or Name:).",
        };
        return;
      }
      this.turns.add({
        speaker,
        text: piece.text,
        line: cue.line,
        start: cue.timing.start,
        end: cue.timing.end,
      });
    }
  }

  private fail(code: ParseErrorCode, message: string): void {
    this.error ??= { code, line: this.lineNumber, message };
  }

  private failure(
    code: ParseErrorCode,
    line: number,
    message: string,
  ): TranscriptParseResult {
    return { ok: false, error: { code, line, message } };
  }
}
