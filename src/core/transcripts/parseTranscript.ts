// Entry points for reading transcripts: pick a format, then feed a whole string or line by line.
import type {
  TranscriptFormat,
  TranscriptLineParser,
  TranscriptParseResult,
} from "./transcript.js";
import { createWebVttParser } from "./formats/webvtt.js";
import { createSrtParser } from "./formats/srt.js";
import { createPlainTextParser } from "./formats/plainText.js";
import { JsonArrayParser } from "./formats/jsonArray.js";

/** A fresh incremental parser; call pushLine for each line (no terminator), then end(). */
export function createTranscriptParser(
  format: TranscriptFormat,
): TranscriptLineParser {
  switch (format) {
    case "vtt":
      return createWebVttParser();
    case "srt":
      return createSrtParser();
    case "text":
      return createPlainTextParser();
    case "json":
      return new JsonArrayParser();
  }
}

/**
 * Parses a whole transcript held in memory.
 * @example parseTranscript("Therapist: How are you?\nClient: Fine.", "text")
 */
export function parseTranscript(
  content: string,
  format: TranscriptFormat,
): TranscriptParseResult {
  const parser = createTranscriptParser(format);
  for (const line of content.split(/\r?\n/)) parser.pushLine(line);
  return parser.end();
}

/** Guesses the format from the file name, then from the first non-blank text of the file. */
export function detectFormat(fileName: string, head: string): TranscriptFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === "vtt") return "vtt";
  if (extension === "srt") return "srt";
  if (extension === "json") return "json";
  const start = head.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("WEBVTT")) return "vtt";
  if (start.startsWith("[") && /^\[\s*(?:\{|\])/.test(start)) return "json";
  if (/^\d+\r?\n\d{1,2}:\d{2}:\d{2},\d{3}\s*-->/.test(start)) return "srt";
  return "text";
}
