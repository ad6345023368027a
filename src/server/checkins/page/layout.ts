// The frame every client page shares: language switch, the crisis information one tap away
// (the first link on the page), main content, no inline script.
import { markup, lines, type Html } from "./html.js";
import {
  LANGUAGES,
  translator,
  type Language,
  type Translate,
} from "./messages.js";

export interface PageFrame {
  language: Language;
  title: string;
  crisisInformation: string | null;
  /** The path the language links point at (the same page in another language). */
  path: string;
  body: Html;
}

function languageLinks(frame: PageFrame): Html {
  const items = LANGUAGES.map((l) => {
    const name = translator(l)("languageName");
    return l === frame.language
      ? markup`<li><span aria-current="true" lang="${l}">${name}</span></li>`
      : markup`<li>
          <a href="${frame.path}?lang=${l}" lang="${l}" hreflang="${l}"
            >${name}</a
          >
        </li>`;
  });
  return markup`<nav aria-label="${translator(frame.language)("languageNav")}">
    <ul class="langs">
      ${items}
    </ul>
  </nav>`;
}

/** The crisis information: the page's footer section, or a block inside a confirmation. */
export function crisisSection(
  t: Translate,
  crisisInformation: string | null,
  where: "footer" | "inline" = "footer",
): Html {
  const text = markup`<p>
    ${crisisInformation ? lines(crisisInformation) : t("crisisFallback")}
  </p>`;
  return where === "footer"
    ? markup`<section
        id="crisis"
        class="crisis"
        aria-labelledby="crisis-h"
        tabindex="-1"
      >
        <h2 id="crisis-h">${t("crisisHeading")}</h2>
        ${text}
      </section>`
    : markup`<div class="crisis crisis-now">
        <h2>${t("crisisHeading")}</h2>
        ${text}
      </div>`;
}

export function layout(frame: PageFrame): string {
  const t = translator(frame.language);
  return markup`<!doctype html>
    <html lang="${frame.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${frame.title}</title>
        <link rel="stylesheet" href="/c/assets/checkin.css" />
        <script src="/c/assets/checkin.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a class="help" href="#crisis">${t("crisisLink")}</a
          >${languageLinks(frame)}
        </header>
        <main id="main">${frame.body}</main>
        <footer>${crisisSection(t, frame.crisisInformation)}</footer>
      </body>
    </html> `.value;
}
