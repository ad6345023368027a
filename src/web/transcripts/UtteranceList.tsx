// The session's utterances coloured by their first code, each code also written out, with a
// legend that pairs every colour with its name.
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

export function UtteranceList({ utterances }: { utterances: Utterance[] }) {
  return (
    <>
      <h4>Utterances</h4>
      <CodeLegend />
      <ol className="utterances" aria-label="Coded utterances">
        {utterances.map((u) => {
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
    </>
  );
}
