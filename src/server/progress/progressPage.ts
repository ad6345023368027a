// The client's own progress page: one server-rendered SVG line chart per measure (an image with
// a text alternative) and the same numbers as a table.
import { markup, type Html } from "../checkins/page/html.js";
import type { Translate } from "../checkins/page/messages.js";
import type { ProgressSeries } from "./progressSeries.js";

const W = 320;
const H = 160;
const PAD = 28;

function day(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(
    language === "de" ? "de-DE" : "en-GB",
    {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    },
  );
}

function chart(s: ProgressSeries, t: Translate, id: string): Html {
  const span = Math.max(1, s.max - s.min);
  const x = (i: number) =>
    PAD +
    (s.points.length === 1
      ? (W - 2 * PAD) / 2
      : (i * (W - 2 * PAD)) / (s.points.length - 1));
  const y = (v: number) => H - PAD - ((v - s.min) / span) * (H - 2 * PAD);
  const path = s.points
    .map(
      (p, i) =>
        `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`,
    )
    .join(" ");
  const dots = s.points.map(
    (p, i) =>
      markup`<circle
        cx="${x(i).toFixed(1)}"
        cy="${y(p.total).toFixed(1)}"
        r="4"
        fill="#0b4f8a"
      ></circle>`,
  );
  return markup`<svg
    class="chart"
    viewBox="0 0 ${W} ${H}"
    role="img"
    aria-labelledby="${id}-t"
    focusable="false"
  >
    <title id="${id}-t">
      ${t("progressChartLabel", { instrument: s.title })}:
      ${s.points.map((p) => p.total).join(", ")}
    </title>
    <line
      x1="${PAD}"
      y1="${H - PAD}"
      x2="${W - PAD}"
      y2="${H - PAD}"
      stroke="#595959"
    ></line>
    <line
      x1="${PAD}"
      y1="${PAD}"
      x2="${PAD}"
      y2="${H - PAD}"
      stroke="#595959"
    ></line>
    <text x="4" y="${y(s.max) + 4}" font-size="11" fill="#1a1a1a">
      ${s.max}
    </text>
    <text x="4" y="${y(s.min) + 4}" font-size="11" fill="#1a1a1a">
      ${s.min}
    </text>
    <path d="${path}" fill="none" stroke="#0b4f8a" stroke-width="2"></path>
    ${dots}
  </svg>`;
}

function table(s: ProgressSeries, t: Translate, language: string): Html {
  const rows = s.points.map(
    (p) =>
      markup`<tr>
        <td>${day(p.at, language)}</td>
        <td>${p.total}</td>
      </tr>`,
  );
  return markup`<table>
    <caption>
      ${t("tableCaption", { instrument: s.title })}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t("date")}</th>
        <th scope="col">${t("score")}</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}

export function progressPage(
  t: Translate,
  series: readonly ProgressSeries[],
  language: string,
): Html {
  if (series.length === 0)
    return markup`<h1>${t("progressTitle")}</h1>
      <p>${t("noScores")}</p>`;
  const block = (s: ProgressSeries, i: number) =>
    markup`<section aria-labelledby="s${i}-h">
      <h2 id="s${i}-h" lang="en">${s.title}</h2>
      <p>
        ${s.higherIsBetter ? t("progressDirectionBetter") : t("progressDirectionWorse")}
      </p>
      ${chart(s, t, `s${i}`)} ${table(s, t, language)}
    </section>`;
  const outcome = series.filter((s) => s.kind === "outcome");
  const alliance = series.filter((s) => s.kind === "alliance");
  return markup`<h1>${t("progressTitle")}</h1>
    <p>${t("progressIntro")}</p>
    ${outcome.map((s, i) => block(s, i))}
    ${
      alliance.length > 0
        ? markup`<h2>${t("allianceHeading")}</h2>
            ${alliance.map((s, i) => block(s, outcome.length + i))}`
        : ""
    }`;
}
