// The check-in form's fields, parsed from a form post (or the script's autosave) and checked
// against the packs. Field names: a:<instrument>:<linkId>, feedback, submissionId, action.
import { answerableItems } from "../../core/instruments/itemValues.js";
import type { Pack } from "../../core/instruments/packSchema.js";
import { score } from "../../core/instruments/score.js";
import type { CheckinAnswers } from "./openCheckin.js";

export const FEEDBACK_MAX = 2_000;

export type FormBody = Record<string, string | string[] | undefined>;

export interface CheckinForm {
  answers: CheckinAnswers;
  feedback: string;
  submissionId: string;
  action: "submit" | "save";
}

export function fieldName(instrumentId: string, linkId: string): string {
  return `a:${instrumentId}:${linkId}`;
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value.at(-1) : value) ?? "";
}

/** Keeps only answers to items of these packs; anything else in the body is ignored. */
export function parseCheckinForm(
  body: FormBody,
  packs: readonly Pack[],
): CheckinForm {
  const answers: CheckinAnswers = {};
  for (const pack of packs) {
    const own: Record<string, number> = {};
    for (const item of answerableItems(pack)) {
      const raw = single(body[fieldName(pack.id, item.linkId)]).trim();
      if (raw !== "" && Number.isFinite(Number(raw)))
        own[item.linkId] = Number(raw);
    }
    answers[pack.id] = own;
  }
  const submissionId = single(body.submissionId);
  return {
    answers,
    feedback: single(body.feedback).slice(0, FEEDBACK_MAX),
    submissionId: /^[A-Za-z0-9-]{8,64}$/.test(submissionId) ? submissionId : "",
    action: single(body.action) === "save" ? "save" : "submit",
  };
}

/** Items the client must answer: every scored, risk or required item (the rest are optional). */
export function isAsked(pack: Pack, linkId: string): boolean {
  return (
    pack.scoring.items.includes(linkId) ||
    (pack.scoring.risk ?? []).some((r) => r.item === linkId) ||
    answerableItems(pack).some(
      (i) => i.linkId === linkId && i.required === true,
    )
  );
}

/**
 * The fields that stop the answers from scoring, keyed by field name. Every scored item is
 * asked, so an unanswered one is an error (prorating is for paper forms, not this one).
 */
export function formErrors(
  answers: CheckinAnswers,
  packs: readonly Pack[],
): Map<string, "missing" | "invalid"> {
  const errors = new Map<string, "missing" | "invalid">();
  for (const pack of packs) {
    const given = answers[pack.id] ?? {};
    for (const item of answerableItems(pack))
      if (given[item.linkId] === undefined && isAsked(pack, item.linkId))
        errors.set(fieldName(pack.id, item.linkId), "missing");
    const result = score(pack, given);
    for (const reason of result.reasons ?? [])
      if (reason.linkId && reason.code !== "required-missing")
        errors.set(fieldName(pack.id, reason.linkId), "invalid");
  }
  return errors;
}
