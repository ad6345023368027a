// Finds who is speaking in a caption or text line: `<v Name>` voice spans or a `Name:` prefix.
// Hand-written scanners, not regular expressions: every search resumes where the last one ended,
// so the work is linear in the input. The regular expressions they replace backtracked over
// unbounded input and were quadratic (40,000 hostile characters took 2–3 s; issue #15).

export interface SpokenText {
  speaker: string | undefined;
  text: string;
}

/** Longer "prefixes" are sentences with a colon ("The thing I noticed: ..."), not names. */
const MAX_NAME_WORDS = 4;
const MAX_NAME_CHARS = 48;
/** A name may not start with these, nor contain the second set anywhere. */
const NOT_FIRST = new Set([..."<>[]()?!.,"]);
const NOT_IN_NAME = new Set([..."<>?!"]);

/** JavaScript's `\s` for one character. */
function isSpace(char: string | undefined): boolean {
  return char !== undefined && char !== "" && char.trim() === "";
}

/** Splits `Name: text`; a line without a plausible name prefix keeps speaker undefined. */
export function splitNamePrefix(line: string): SpokenText {
  const none = { speaker: undefined, text: line.trim() };
  const start = line.length - line.trimStart().length;
  const colon = line.indexOf(":", start);
  if (colon < 0) return none;
  const name = line.slice(start, colon).trimEnd();
  if (
    name === "" ||
    name.length > MAX_NAME_CHARS ||
    NOT_FIRST.has(name.charAt(0)) ||
    [...name].some((char) => NOT_IN_NAME.has(char)) ||
    !isSpace(line.charAt(colon + 1)) ||
    /^\d+$/.test(name) ||
    name.split(/\s+/).length > MAX_NAME_WORDS
  )
    return none;
  return { speaker: name, text: line.slice(colon + 1).trim() };
}

/** Removes `<...>` tags (at least one character between the brackets). */
export function stripTags(text: string): string {
  let out = "";
  let from = 0;
  for (let open = text.indexOf("<"); open >= 0;) {
    const close = text.indexOf(">", open + 1);
    if (close < 0) break; // no later "<" can close either
    if (close === open + 1) {
      open = text.indexOf("<", close);
      continue;
    }
    out += text.slice(from, open);
    from = close + 1;
    open = text.indexOf("<", from);
  }
  return out + text.slice(from);
}

interface VoiceTag {
  /** Where the tag's "<" is and where its ">" is. */
  start: number;
  end: number;
  speaker: string;
}

/**
 * The next `<v Name>` or `<v.class Name>` tag at or after `from`, or undefined when none follows.
 * Each failed candidate resumes the search past the characters it examined.
 */
function nextVoiceTag(payload: string, from: number): VoiceTag | undefined {
  for (let at = payload.indexOf("<v", from); at >= 0;) {
    let p = at + 2;
    if (payload.charAt(p) === ".")
      while (p < payload.length && !isSpace(payload[p]) && payload[p] !== ">")
        p += 1;
    if (p >= payload.length) return undefined;
    if (!isSpace(payload[p])) {
      at = payload.indexOf("<v", Math.max(p, at + 1));
      continue;
    }
    const end = payload.indexOf(">", p);
    if (end < 0) return undefined; // no later tag can close either
    if (end === p + 1) {
      at = payload.indexOf("<v", end);
      continue;
    }
    return { start: at, end, speaker: payload.slice(p, end).trim() };
  }
  return undefined;
}

/** Where a voice span's text ends: at the next "<v" followed by a space or "." (or the end). */
function spanTextEnd(payload: string, from: number): number {
  for (let at = payload.indexOf("<v", from); at >= 0;) {
    const next = payload.charAt(at + 2);
    if (next === "." || isSpace(next)) return at;
    at = payload.indexOf("<v", at + 2);
  }
  return payload.length;
}

/** Splits a WebVTT cue payload into one piece per voice span, or falls back to a name prefix. */
export function splitVoices(payload: string): SpokenText[] {
  const pieces: SpokenText[] = [];
  for (let tag = nextVoiceTag(payload, 0); tag;) {
    const textEnd = spanTextEnd(payload, tag.end + 1);
    pieces.push({
      speaker: tag.speaker,
      text: stripTags(payload.slice(tag.end + 1, textEnd)).trim(),
    });
    tag = nextVoiceTag(payload, textEnd);
  }
  if (pieces.length > 0) return pieces;
  return [splitNamePrefix(stripTags(payload))];
}
