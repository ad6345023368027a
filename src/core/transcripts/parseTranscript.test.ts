import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createTranscriptParser,
  detectFormat,
  parseTranscript,
} from "./parseTranscript.js";
import type { TranscriptFormat } from "./transcript.js";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

const SAM =
  "Honestly not great. I keep drinking more than I want to. I really want to cut down.";

describe.each<[string, TranscriptFormat]>([
  ["session.vtt", "vtt"],
  ["session.srt", "srt"],
  ["session.txt", "text"],
])("%s", (name, format) => {
  it("yields three turns with speakers, merging consecutive lines by one speaker", () => {
    const result = parseTranscript(fixture(name), format);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.utterances.map((u) => u.speaker)).toEqual([
      "Dr Lee",
      "Sam",
      "Dr Lee",
    ]);
    expect(result.utterances[1]?.text).toBe(SAM);
    expect(result.utterances[2]?.text).toBe(
      "You're worried that it's getting out of hand.",
    );
  });
});

describe("timestamps", () => {
  it("keeps cue start and end, extending a merged turn", () => {
    const result = parseTranscript(fixture("session.vtt"), "vtt");
    if (!result.ok) throw new Error(result.error.message);
    expect(result.utterances[1]).toMatchObject({ start: 5, end: 11, line: 10 });
  });
});

describe("json", () => {
  it("maps each entry to one utterance, in order, with braces inside strings", () => {
    const result = parseTranscript(fixture("session.json"), "json");
    if (!result.ok) throw new Error(result.error.message);
    expect(result.utterances).toHaveLength(4);
    expect(result.utterances[3]).toMatchObject({ speaker: "Dr Lee", line: 20 });
    expect(result.utterances[3]?.text).toContain('{brace} "quoted"');
    expect(result.utterances[0]).toMatchObject({ start: 1, end: 4.5 });
  });

  it("streams a single-line array", () => {
    const result = parseTranscript(
      '[{"speaker":"A","text":"x"},{"speaker":"B","text":"y"}]',
      "json",
    );
    expect(result.ok && result.utterances.map((u) => u.text)).toEqual([
      "x",
      "y",
    ]);
  });
});

describe.each<[string, TranscriptFormat, string, number]>([
  ["broken-timing.vtt", "vtt", "bad-timing", 6],
  ["broken-header.vtt", "vtt", "bad-header", 1],
  ["broken-index.srt", "srt", "bad-index", 5],
  ["broken-speaker.txt", "text", "missing-speaker", 2],
  ["broken-entry.json.txt", "json", "bad-entry", 3],
  ["broken-syntax.json.txt", "json", "bad-json", 3],
])("broken %s", (name, format, code, line) => {
  it(`reports ${code} at line ${line}`, () => {
    const result = parseTranscript(fixture(name), format);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code, line });
  });
});

describe("edge cases", () => {
  it("reports an empty file", () => {
    for (const format of ["vtt", "srt", "text", "json"] as const) {
      const result = parseTranscript("", format);
      expect(result.ok ? "ok" : result.error.code).toMatch(/empty|bad-header/);
    }
  });

  it("reports a VTT cue with no speaker before anyone has spoken", () => {
    const result = parseTranscript(
      "WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n",
      "vtt",
    );
    expect(!result.ok && result.error).toMatchObject({
      code: "missing-speaker",
      line: 3,
    });
  });

  it("accepts the same input line by line as whole", () => {
    const parser = createTranscriptParser("text");
    for (const line of fixture("session.txt").split("\n"))
      parser.pushLine(line);
    expect(parser.end()).toEqual(
      parseTranscript(fixture("session.txt"), "text"),
    );
  });

  it("reads a leading time in plain text", () => {
    const result = parseTranscript(
      "[00:01:05] Ana: Hello.\n(01:10) Ben: Hi.",
      "text",
    );
    expect(result.ok && result.utterances.map((u) => u.start)).toEqual([
      65, 70,
    ]);
  });
});

describe("detectFormat", () => {
  it("uses the extension, then the content", () => {
    expect(detectFormat("a.VTT", "")).toBe("vtt");
    expect(detectFormat("a", "WEBVTT\n")).toBe("vtt");
    expect(detectFormat("a", '[\n {"speaker"')).toBe("json");
    expect(detectFormat("a", "1\n00:00:01,000 --> 00:00:02,000")).toBe("srt");
    expect(detectFormat("a.txt", "Ana: hi")).toBe("text");
  });
});

describe("more edge cases", () => {
  it("reads JSON entries with nested values, escapes and several entries per line", () => {
    const json =
      '[{"speaker":"A","text":"say \\"}\\" \\\\","meta":{"tags":[1,{"x":"]"}]}},\n{"speaker":"B","text":"ok","start":1.5,"end":2}]';
    const result = parseTranscript(json, "json");
    if (!result.ok) throw new Error(result.error.message);
    expect(result.utterances.map((u) => [u.speaker, u.text, u.line])).toEqual([
      ["A", 'say "}" \\', 1],
      ["B", "ok", 2],
    ]);
  });

  it("does not take a long sentence with a colon for a speaker", () => {
    const result = parseTranscript(
      "Ana: I told him\nthe thing I noticed last week was this: nothing changed\n",
      "text",
    );
    expect(result.ok && result.utterances).toEqual([
      {
        speaker: "Ana",
        text: "I told him the thing I noticed last week was this: nothing changed",
        line: 1,
      },
    ]);
  });

  it("rejects JSON whose end time precedes its start", () => {
    const result = parseTranscript(
      '[\n{"speaker":"A","text":"x","start":5,"end":1}\n]',
      "json",
    );
    expect(!result.ok && result.error).toMatchObject({
      code: "bad-entry",
      line: 2,
    });
  });
});
