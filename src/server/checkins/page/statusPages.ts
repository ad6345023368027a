// The pages around the form: confirmation (with the crisis information after a risk answer),
// used, expired or unknown links, unsubscribe, and errors. None shows a previous answer.
import { markup, type Html } from "./html.js";
import type { Translate } from "./messages.js";

export function confirmationPage(
  t: Translate,
  input: { risk: boolean; crisis: Html; progressUrl: string | null },
): Html {
  return markup`<h1 tabindex="-1" id="done">${t("thanksHeading")}</h1>
    ${
      input.risk
        ? markup`<p>${t("riskThanks")}</p>
            <p><strong>${t("riskAdvice")}</strong></p>
            ${input.crisis}`
        : markup`<p>${t("thanks")}</p>`
    }
    ${input.progressUrl ? markup`<p><a href="${input.progressUrl}">${t("progressLink")}</a></p>` : ""}
    <p>${t("sharedDevice")}</p>`;
}

export function messagePage(
  t: Translate,
  heading: "usedHeading" | "expiredHeading" | "unknownHeading" | "errorHeading",
): Html {
  const body = {
    usedHeading: "used",
    expiredHeading: "expired",
    unknownHeading: "unknown",
    errorHeading: "error",
  } as const;
  return markup`<h1>${t(heading)}</h1>
    <p>${t(body[heading])}</p>`;
}

export function unsubscribePage(
  t: Translate,
  input: {
    action: string;
    organisationName: string;
    done: boolean;
    language: string;
  },
): Html {
  if (input.done)
    return markup`<h1>${t("unsubscribeHeading")}</h1>
      <p role="status">${t("unsubscribed")}</p>`;
  return markup`<h1>${t("unsubscribeHeading")}</h1>
    <p>${t("unsubscribe", { org: input.organisationName })}</p>
    <form method="post" action="${input.action}">
      <input type="hidden" name="lang" value="${input.language}" />
      <div class="actions">
        <button type="submit" class="primary">${t("unsubscribeButton")}</button>
      </div>
    </form>`;
}
