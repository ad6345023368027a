// Parses answers typed on a command line: a JSON object {linkId: value} or comma-separated
// values in the form's item order ("1,2,,0" leaves the third item unanswered).
import type { Pack } from "./packSchema.js";
import type { RawAnswers } from "./answerCheck.js";
import { answerableItems } from "./itemValues.js";

export type ParsedAnswers =
  { ok: true; answers: RawAnswers } | { ok: false; problems: string[] };

function parseJson(text: string): ParsedAnswers {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`answers are not valid JSON: ${(error as Error).message}`],
    };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      problems: ['answers must be a JSON object such as {"q1": 2}'],
    };
  }
  return { ok: true, answers: parsed as RawAnswers };
}

function parseList(pack: Pack, text: string): ParsedAnswers {
  const items = answerableItems(pack);
  const cells = text.split(",").map((c) => c.trim());
  if (cells.length > items.length) {
    return {
      ok: false,
      problems: [
        `${cells.length} values given; ${pack.id} has ${items.length} questions`,
      ],
    };
  }
  const answers: Record<string, unknown> = {};
  cells.forEach((cell, i) => {
    const linkId = items[i]?.linkId;
    // A cell that is not a number is passed on as text, so scoring reports it as a wrong type.
    if (linkId && cell !== "")
      answers[linkId] = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(cell)
        ? Number(cell)
        : cell;
  });
  return { ok: true, answers };
}

/**
 * Reads CLI-style answers for a pack; values are option positions, reverse-scored items too.
 * @example parseAnswers(phq9, "1,2,0,1,0,1,0,0,0") // { ok: true, answers: { q1: 1, q2: 2, ... } }
 */
export function parseAnswers(pack: Pack, text: string): ParsedAnswers {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, problems: ["no answers given"] };
  return /^[[{]/.test(trimmed) ? parseJson(trimmed) : parseList(pack, trimmed);
}
