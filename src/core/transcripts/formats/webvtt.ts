// WebVTT (W3C WebVTT, https://www.w3.org/TR/webvtt1/): speakers from <v Name> spans or a Name: prefix.
import type { TranscriptLineParser } from "../transcript.js";
import { CueParser } from "./cueParser.js";

export function createWebVttParser(): TranscriptLineParser {
  return new CueParser({
    header: (line) =>
      /^WEBVTT(?:[ \t].*)?$/.test(line)
        ? undefined
        : 'A WebVTT file must start with "WEBVTT".',
    skipBlock: (line) => /^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(line),
    identifier: () => true,
  });
}
