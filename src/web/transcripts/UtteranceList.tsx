// The session's utterances coloured by their first code, each code also written out, with a
// legend that pairs every colour with its name. Long transcripts (a day's recording can hold
// thousands of utterances) are shown a page at a time, so the page stays responsive.
import { useState } from "react";
import type { Utterance } from "../api/transcripts";
import { CODE_LABELS, displayCodes, type DisplayCode } from "./utteranceCodes";

function CodeBadge({ code }: { code: DisplayCode }) {
  return <span className={`code-badge code-${code}`}>{CODE_LABELS[code]}</span>;
}

export function CodeLegend() {
  return (
    <ul className="code-legend" aria-label="Code colours">
      {(Object.keys(CODE_LABELS) as DisplayCode[]).map((code) => (
        <li key={code}>
          <CodeBadge code={code} />
        </li>
      ))}
    </ul>
  );
}

/** Utterances rendered at first and added by each "show more". */
export const UTTERANCE_PAGE = 200;

export function UtteranceList({ utterances }: { utterances: Utterance[] }) {
  const [shown, setShown] = useState(UTTERANCE_PAGE);
  const remaining = utterances.length - shown;
  return (
    <>
      <h4>Utterances</h4>
      <CodeLegend />
      <ol className="utterances" aria-label="Coded utterances">
        {utterances.slice(0, shown).map((u) => {
          const codes = displayCodes(u);
          return (
            <li
              key={u.index}
              className={`utterance ${u.role}${codes[0] ? ` code-${codes[0]}` : ""}`}
            >
              <span className="speaker">
                {u.speaker} ({u.role})
              </span>{" "}
              {codes.map((code) => (
                <CodeBadge key={code} code={code} />
              ))}
              <p>{u.text}</p>
            </li>
          );
        })}
      </ol>
      {remaining > 0 && (
        <p>
          Showing {shown} of {utterances.length} utterances.{" "}
          <button
            type="button"
            onClick={() => setShown((n) => n + UTTERANCE_PAGE)}
          >
            Show {Math.min(remaining, UTTERANCE_PAGE)} more
          </button>
        </p>
      )}
    </>
  );
}
