// Streams a JSON array of entries: a small scanner cuts out each top-level element so memory stays
// bounded by the largest entry and errors carry the line where that entry starts.
import type {
  TranscriptLineParser,
  TranscriptParseError,
  Utterance,
} from "../transcript.js";
import { toUtterance } from "./jsonEntry.js";

type State = "before-array" | "between" | "in-entry" | "after-array";

export class JsonArrayParser implements TranscriptLineParser {
  private state: State = "before-array";
  private lineNumber = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private entry = "";
  private entryLine = 0;
  private expectComma = false;
  private error: TranscriptParseError | undefined;
  private readonly utterances: Utterance[] = [];

  pushLine(raw: string): void {
    this.lineNumber += 1;
    const line = this.lineNumber === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    let segmentStart = this.state === "in-entry" ? 0 : -1;
    for (let i = 0; i < line.length && !this.error; i++) {
      const wasInEntry = this.state === "in-entry";
      if (!wasInEntry) this.scan(line.charAt(i));
      else if (this.scanEntry(line.charAt(i)))
        this.finishEntry(line.slice(segmentStart, i + 1));
      if (!wasInEntry && this.state === "in-entry") segmentStart = i;
    }
    if (this.state === "in-entry")
      this.entry += `${line.slice(segmentStart)}\n`;
  }

  end() {
    if (!this.error && this.state !== "after-array") {
      const message =
        this.state === "before-array"
          ? "Expected a JSON array."
          : "Unexpected end of JSON.";
      this.fail(this.state === "before-array" ? "empty" : "bad-json", message);
    }
    if (this.error) return { ok: false as const, error: this.error };
    if (this.utterances.length === 0)
      return {
        ok: false as const,
        error: {
          code: "empty" as const,
          line: 1,
          message: "No utterances found.",
        },
      };
    return { ok: true as const, utterances: this.utterances };
  }

  private scan(char: string): void {
    if (char === " " || char === "\t" || char === "\r") return;
    if (this.state === "before-array") {
      if (char === "[") this.state = "between";
      else this.fail("bad-json", "Expected a JSON array of utterances.");
    } else if (this.state === "between") {
      this.scanBetween(char);
    } else {
      this.fail("bad-json", "Unexpected text after the array.");
    }
  }

  private scanBetween(char: string): void {
    if (char === "]") this.state = "after-array";
    else if (char === "," && this.expectComma) this.expectComma = false;
    else if (this.expectComma)
      this.fail("bad-json", 'Expected "," or "]" between entries.');
    else if (char === "{") this.openEntry();
    else this.fail("bad-entry", "Each entry must be an object.");
  }

  private openEntry(): void {
    this.state = "in-entry";
    this.entry = "";
    this.entryLine = this.lineNumber;
    this.depth = 1;
  }

  /** Tracks nesting inside an entry; true when this character closes it. */
  private scanEntry(char: string): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === "\\") this.escaped = true;
      else if (char === '"') this.inString = false;
      return false;
    }
    if (char === '"') this.inString = true;
    else if (char === "{" || char === "[") this.depth += 1;
    else if (char === "}" || char === "]") this.depth -= 1;
    return this.depth === 0;
  }

  private finishEntry(lastSegment: string): void {
    this.entry += lastSegment;
    this.state = "between";
    this.expectComma = true;
    let value: unknown;
    try {
      value = JSON.parse(this.entry);
    } catch {
      return this.fail("bad-json", "Entry is not valid JSON.", this.entryLine);
    }
    const result = toUtterance(value, this.entryLine);
    if (result.ok) this.utterances.push(result.utterance);
    else this.fail("bad-entry", result.message, this.entryLine);
  }

  private fail(
    code: TranscriptParseError["code"],
    message: string,
    line = this.lineNumber,
  ): void {
    this.error ??= { code, line, message };
  }
}
