// Reads an uploaded transcript from the request stream: counts bytes against the limit (413,
// nothing kept) and decodes UTF-8 as chunks arrive; then the transcript thread parses it, so a
// malformed file is refused (400, with the parser's line number) before anything is stored, and
// neither a large nor a hostile file holds the event loop while it is parsed.
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { TranscriptFormat } from "../../core/transcripts/index.js";
import { AppError } from "../errors.js";
import type { TranscriptWorker } from "./transcriptWorker.js";

export interface UploadedTranscript {
  text: string;
  format: TranscriptFormat;
  bytes: number;
  speakers: string[];
  utterances: number;
}

export function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `the transcript is larger than the limit of ${maxBytes} bytes`,
    { maxBytes },
  );
}

/** The body as text, refused once it passes maxBytes (the rest is discarded unread). */
function readBody(
  body: Readable,
  maxBytes: number,
): Promise<{ text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder("utf8");
    const pieces: string[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= maxBytes) return void pieces.push(decoder.write(chunk));
      body.off("data", onData);
      body.off("end", onEnd);
      body.resume(); // discard the rest of the upload
      reject(tooLarge(maxBytes));
    };
    const onEnd = () => {
      pieces.push(decoder.end());
      resolve({ text: pieces.join(""), bytes });
    };
    body.on("data", onData);
    body.on("end", onEnd);
    body.once("error", reject);
  });
}

/**
 * Streams a request body into a validated transcript.
 * @param format the declared format, or undefined to detect it from the first lines
 */
export async function readTranscriptUpload(
  body: Readable,
  format: TranscriptFormat | undefined,
  maxBytes: number,
  worker: TranscriptWorker,
): Promise<UploadedTranscript> {
  const { text, bytes } = await readBody(body, maxBytes);
  const checked = await worker.check(text, format);
  if (!checked.ok)
    throw new AppError(
      "validation",
      `line ${checked.error.line}: ${checked.error.message}`,
      { line: checked.error.line, parseError: checked.error.code },
    );
  return {
    text,
    format: checked.format,
    bytes,
    speakers: checked.speakers,
    utterances: checked.utterances,
  };
}
