// Finds who is speaking in a caption or text line: `<v Name>` voice spans or a `Name:` prefix.

export interface SpokenText {
  speaker: string | undefined;
  text: string;
}

const NAME_PREFIX = /^\s*([^\s:<>[\]()?!.,][^:<>?!]{0,47}?)\s*:\s+(.*)$/;
const VOICE_SPAN = /<v(?:\.[^\s>]*)?\s+([^>]+)>([^<]*(?:<(?!v[\s.])[^<]*)*)/g;
const TAG = /<\/?[^>]+>/g;
/** Longer "prefixes" are sentences with a colon ("The thing I noticed: ..."), not names. */
const MAX_NAME_WORDS = 4;

/** Splits `Name: text`; a line without a plausible name prefix keeps speaker undefined. */
export function splitNamePrefix(line: string): SpokenText {
  const match = NAME_PREFIX.exec(line);
  const name = (match?.[1] ?? "").trim();
  if (
    !match ||
    /^\d+$/.test(name) ||
    name.split(/\s+/).length > MAX_NAME_WORDS
  ) {
    return { speaker: undefined, text: line.trim() };
  }
  return { speaker: name, text: (match[2] ?? "").trim() };
}

/** Splits a WebVTT cue payload into one piece per voice span, or falls back to a name prefix. */
export function splitVoices(payload: string): SpokenText[] {
  const spans = [...payload.matchAll(VOICE_SPAN)];
  if (spans.length === 0) {
    const prefixed = splitNamePrefix(payload.replace(TAG, ""));
    return [prefixed];
  }
  return spans.map((span) => ({
    speaker: (span[1] ?? "").trim(),
    text: (span[2] ?? "").replace(TAG, "").trim(),
  }));
}
