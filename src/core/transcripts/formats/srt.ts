// SubRip (.srt): numbered cues, "hh:mm:ss,mmm --> hh:mm:ss,mmm", speakers from a Name: prefix.
import type { TranscriptLineParser } from "../transcript.js";
import { CueParser } from "./cueParser.js";

export function createSrtParser(): TranscriptLineParser {
  return new CueParser({
    skipBlock: () => false,
    identifier: (line) => /^\d+$/.test(line.trim()),
  });
}
