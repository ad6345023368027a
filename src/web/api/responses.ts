// A client's scored instrument responses (GET /api/clients/:id/responses), read defensively:
// the instrument engine's API is being built alongside, so unknown shapes are skipped, not guessed.
import { firstNumber, firstString, isObject, itemsOf } from "./fields";
import { ApiError, api } from "./http";

export interface ScoredResponse {
  id: string;
  instrumentId: string;
  /** When the client answered (ISO 8601). */
  at: string;
  total: number;
  band?: string;
  /** Item answers by linkId (empty when the server sends none). */
  answers: Record<string, number>;
  /** Subscale scores, e.g. the alliance check-in's goals, tasks and bond. */
  subscales: Record<string, number>;
  /** Answers the pack flags for further assessment, in words (e.g. a WHO-5 item at 0 or 1). */
  flags: string[];
}

function flagsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((flag: unknown) => {
    if (!isObject(flag)) return [];
    const linkId = firstString(flag, ["linkId"]);
    const answer = firstNumber(flag, ["value"]);
    const message = firstString(flag, ["message"]);
    return linkId && answer !== undefined && message
      ? [`${linkId} answered ${answer}: ${message}`]
      : [];
  });
}

function numbersOf(value: unknown): Record<string, number> {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (e): e is [string, number] =>
        typeof e[1] === "number" && Number.isFinite(e[1]),
    ),
  );
}

function parseOne(raw: unknown): ScoredResponse | null {
  if (!isObject(raw)) return null;
  const score = isObject(raw.score)
    ? raw.score
    : isObject(raw.scores)
      ? raw.scores
      : {};
  const id = firstString(raw, ["id"]);
  const instrumentId = firstString(raw, ["instrumentId", "instrument"]);
  const at = firstString(raw, [
    "completedAt",
    "submittedAt",
    "answeredAt",
    "createdAt",
    "at",
  ]);
  const total = firstNumber(raw, ["total"]) ?? firstNumber(score, ["total"]);
  if (!id || !instrumentId || !at || total === undefined) return null;
  const band = firstString(raw, ["band"]) ?? firstString(score, ["band"]);
  return {
    id,
    instrumentId,
    at,
    total,
    ...(band ? { band } : {}),
    answers: numbersOf(raw.answers),
    subscales: numbersOf(raw.subscales),
    flags: flagsOf(raw.flags),
  };
}

/** The scored responses in a response list, oldest first; malformed entries are left out. */
export function parseResponses(body: unknown): ScoredResponse[] {
  return itemsOf(body)
    .map(parseOne)
    .filter((r): r is ScoredResponse => r !== null)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The client's responses, or null while the server has no responses API. */
export async function fetchResponses(
  clientId: string,
): Promise<ScoredResponse[] | null> {
  try {
    return parseResponses(
      await api<unknown>(
        "GET",
        `/api/clients/${encodeURIComponent(clientId)}/responses`,
      ),
    );
  } catch (error) {
    if (error instanceof ApiError && error.routeMissing) return null;
    throw error;
  }
}
