// Reads an uploaded transcript from the request stream: counts bytes against the limit (413,
// nothing kept), decodes UTF-8, and feeds the incremental parser line by line as chunks arrive,
// so a malformed file is refused (400, with the parser's line number) before anything is stored.
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import {
  createTranscriptParser,
  detectFormat,
  type TranscriptFormat,
  type TranscriptLineParser,
} from "../../core/transcripts/index.js";
import { AppError } from "../errors.js";

export interface UploadedTranscript {
  text: string;
  format: TranscriptFormat;
  bytes: number;
  speakers: string[];
  utterances: number;
}

/** Lines read before guessing the format from content (as the CLI does). */
const HEAD_LINES = 3;

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `the transcript is larger than the limit of ${maxBytes} bytes`,
    { maxBytes },
  );
}

/** Splits decoded text into lines (without terminators) and hands them to the parser. */
class LineFeed {
  private rest = "";
  private head: string[] = [];
  private parser: TranscriptLineParser | undefined;
  format: TranscriptFormat | undefined;

  constructor(format: TranscriptFormat | undefined) {
    this.format = format;
  }

  push(text: string): void {
    const lines = (this.rest + text).split("\n");
    this.rest = lines.pop() ?? "";
    for (const line of lines) this.line(line.replace(/\r$/, ""));
  }

  end(): TranscriptLineParser {
    if (this.rest !== "") this.line(this.rest.replace(/\r$/, ""));
    return this.parser ?? this.start();
  }

  private line(line: string): void {
    if (this.parser) this.parser.pushLine(line);
    else if (this.head.push(line) >= HEAD_LINES) this.start();
  }

  private start(): TranscriptLineParser {
    this.format ??= detectFormat("", this.head.join("\n"));
    const parser = createTranscriptParser(this.format);
    for (const line of this.head) parser.pushLine(line);
    this.parser = parser;
    return parser;
  }
}

/**
 * Streams a request body into a validated transcript.
 * @param format the declared format, or undefined to detect it from the first lines
 */
export function readTranscriptUpload(
  body: Readable,
  format: TranscriptFormat | undefined,
  maxBytes: number,
): Promise<UploadedTranscript> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder("utf8");
    const feed = new LineFeed(format);
    const pieces: string[] = [];
    let bytes = 0;
    const fail = (error: unknown) => {
      body.off("data", onData);
      body.off("end", onEnd);
      body.resume(); // discard the rest of the upload
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const take = (text: string) => {
      pieces.push(text);
      feed.push(text);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return fail(tooLarge(maxBytes));
      try {
        take(decoder.write(chunk));
      } catch (error) {
        fail(error);
      }
    };
    const onEnd = () => {
      try {
        take(decoder.end());
        const result = feed.end().end();
        if (!result.ok)
          return reject(
            new AppError(
              "validation",
              `line ${result.error.line}: ${result.error.message}`,
              { line: result.error.line, parseError: result.error.code },
            ),
          );
        resolve({
          text: pieces.join(""),
          format: feed.format ?? "text",
          bytes,
          speakers: [...new Set(result.utterances.map((u) => u.speaker))],
          utterances: result.utterances.length,
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    body.on("data", onData);
    body.on("end", onEnd);
    body.once("error", fail);
  });
}
