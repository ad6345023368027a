// The check-in form: every instrument's items in their pack's official wording, fieldset and
// legend per item, errors linked to their question, answers kept, progress shown.
import crypto from "node:crypto";
import {
  answerableItems,
  optionValue,
} from "../../../core/instruments/itemValues.js";
import type { Pack } from "../../../core/instruments/packSchema.js";
import type { QuestionnaireItem } from "../../../core/instruments/questionnaireSchema.js";
import { fieldName, FEEDBACK_MAX } from "../checkinForm.js";
import type { DraftContent } from "../openCheckin.js";
import { markup, type Html } from "./html.js";
import type { Translate } from "./messages.js";

export interface FormPageInput {
  t: Translate;
  action: string;
  organisationName: string;
  packs: readonly Pack[];
  draft: DraftContent;
  errors: ReadonlyMap<string, "missing" | "invalid">;
  /** A banner above the form: saved, or not saved. */
  notice?: { kind: "saved" | "failed"; text: string };
  language: string;
}

function domId(name: string): string {
  return "f-" + name.replace(/[^A-Za-z0-9-]/g, "-");
}

function itemField(
  input: FormPageInput,
  pack: Pack,
  item: QuestionnaireItem,
  n: number,
  total: number,
): Html {
  const name = fieldName(pack.id, item.linkId);
  const id = domId(name);
  const error = input.errors.get(name);
  const chosen = input.draft.answers[pack.id]?.[item.linkId];
  const options = (item.answerOption ?? []).map((option, i) => {
    const value = optionValue(option);
    const label = option.valueCoding?.display ?? String(value);
    const checked = chosen === value ? markup` checked` : "";
    return markup`<label class="opt"><input type="radio" name="${name}" value="${value ?? ""}" id="${id}-${i}"${checked}> <span lang="en">${label}</span></label>`;
  });
  const described = error ? markup` aria-describedby="${id}-e"` : "";
  const message = error
    ? markup`<p class="error" id="${id}-e">${input.t(error)}</p>`
    : "";
  return markup`<fieldset id="${id}" class="item${error ? " has-error" : ""}"${described}>
<legend><span class="qn">${input.t("questionOf", { n, total })}</span> <span lang="en">${item.text ?? ""}</span></legend>
${message}<div class="opts${options.length > 5 ? " scale" : ""}">${options}</div>
</fieldset>`;
}

function errorSummary(
  input: FormPageInput,
  numbers: Map<string, number>,
  total: number,
): Html {
  if (input.errors.size === 0) return markup``;
  const links = [...input.errors.keys()].map(
    (name) =>
      markup`<li>
        <a href="#${domId(name)}"
          >${input.t("questionOf", { n: numbers.get(name) ?? 0, total })}</a
        >
      </li>`,
  );
  return markup`<div class="summary" role="alert" id="errors" tabindex="-1">
    <h2>${input.t("errorSummary")}</h2>
    <ul>
      ${links}
    </ul>
  </div>`;
}

export function formPage(input: FormPageInput): Html {
  const { t } = input;
  const items = input.packs.flatMap((p) =>
    answerableItems(p).map((item) => ({ pack: p, item })),
  );
  const total = items.length;
  const numbers = new Map(
    items.map((x, i) => [fieldName(x.pack.id, x.item.linkId), i + 1]),
  );
  const answered = items.filter(
    (x) => input.draft.answers[x.pack.id]?.[x.item.linkId] !== undefined,
  ).length;
  const sections = input.packs.map((pack) => {
    const stems = pack.questionnaire.item.filter((i) => i.type === "display");
    const fields = answerableItems(pack).map((item) =>
      itemField(
        input,
        pack,
        item,
        numbers.get(fieldName(pack.id, item.linkId)) ?? 0,
        total,
      ),
    );
    return markup`<section class="instrument" aria-labelledby="h-${pack.id}">
      <h2 id="h-${pack.id}" lang="en">
        ${pack.questionnaire.title ?? pack.id}
      </h2>
      ${stems.map((s) => markup`<p class="stem" lang="en">${s.text ?? ""}</p>`)}
      ${fields}
      <p class="attribution" lang="en">${pack.attribution}</p>
    </section>`;
  });
  const note = t("itemsLanguageNote");
  return markup`<h1>${t("title")}</h1>
    <p>${t("intro")}</p>
    <p class="watch">
      ${t("notWatched")} <a href="#crisis">${t("crisisHeading")}</a>
    </p>
    ${note ? markup`<p class="note">${note}</p>` : ""}
    ${input.notice ? markup`<p class="notice ${input.notice.kind}" role="status">${input.notice.text}</p>` : ""}
    ${errorSummary(input, numbers, total)}
    <form
      method="post"
      action="${input.action}"
      autocomplete="off"
      data-checkin
      data-total="${total}"
      data-progress="${t("progress", { answered: "{answered}", total: "{total}" })}"
      data-saved="${t("savedStatus")}"
    >
      <input type="hidden" name="submissionId" value="${crypto.randomUUID()}" />
      <input type="hidden" name="lang" value="${input.language}" />
      <div class="progress">
        <p id="progress-text">${t("progress", { answered, total })}</p>
        <progress
          id="progress"
          max="${total}"
          value="${answered}"
          aria-labelledby="progress-text"
        ></progress>
      </div>
      ${sections}
      <div class="field">
        <label for="feedback">${t("feedbackLabel")}</label>
        <p class="hint" id="feedback-hint">${t("feedbackHint")}</p>
        <textarea
          id="feedback"
          name="feedback"
          rows="4"
          maxlength="${FEEDBACK_MAX}"
          aria-describedby="feedback-hint"
        >
${input.draft.feedback}</textarea>
      </div>
      <section class="privacy" aria-labelledby="privacy-h">
        <h2 id="privacy-h">${t("privacyHeading")}</h2>
        <p>${t("privacy", { org: input.organisationName })}</p>
      </section>
      <div class="actions">
        <button type="submit" name="action" value="submit" class="primary">
          ${t("submit")}
        </button>
        <button type="submit" name="action" value="save" class="secondary">
          ${t("save")}
        </button>
      </div>
      <p id="save-status" class="status" role="status" aria-live="polite"></p>
    </form>`;
}
