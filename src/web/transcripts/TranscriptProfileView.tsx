// A session's communication profile: classifier estimates of the MITI 4 summary scores against
// their fair and good thresholds, talk time (described, never judged), empathy rates and
// plain-language feedback. Always labelled an automated estimate, never a MITI rating.
import type {
  CodeWithF1,
  MechanismRate,
  ThresholdLevel,
  ThresholdedScore,
  TranscriptProfile,
} from "../api/transcripts";

const LEVEL: Record<ThresholdLevel, string> = {
  "below-fair": "Below fair",
  fair: "Fair",
  good: "Good",
};

const pct = (value: number | null) =>
  value === null ? "—" : `${Math.round(value)}%`;
const share = (value: number | null) =>
  value === null ? "—" : `${Math.round(value * 100)}%`;
const ratio = (value: number | null) =>
  value === null ? "—" : `${value.toFixed(2)}:1`;

function ScoreRow({
  name,
  score,
  show,
}: {
  name: string;
  score: ThresholdedScore;
  show: (value: number | null) => string;
}) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{show(score.value)}</td>
      <td>{show(score.fair)}</td>
      <td>{show(score.good)}</td>
      <td className={score.level ? `level-${score.level}` : undefined}>
        {score.level ? LEVEL[score.level] : "Not enough to score"}
      </td>
    </tr>
  );
}

function SummaryScores({ profile }: { profile: TranscriptProfile }) {
  return (
    <table>
      <caption>
        Estimated MITI 4 summary scores against the MITI 4 thresholds
      </caption>
      <thead>
        <tr>
          <th scope="col">Score</th>
          <th scope="col">This session</th>
          <th scope="col">Fair</th>
          <th scope="col">Good</th>
          <th scope="col">Level</th>
        </tr>
      </thead>
      <tbody>
        <ScoreRow
          name="Reflections to questions"
          score={profile.reflectionToQuestion}
          show={ratio}
        />
        <ScoreRow
          name="Complex reflections"
          score={profile.percentComplexReflections}
          show={pct}
        />
      </tbody>
    </table>
  );
}

const MECHANISMS: [keyof TranscriptProfile["empathy"], string][] = [
  ["emotionalReaction", "Emotional reaction"],
  ["interpretation", "Interpretation"],
  ["exploration", "Exploration"],
];

function EmpathyRates({ empathy }: { empathy: TranscriptProfile["empathy"] }) {
  const row = ([key, name]: (typeof MECHANISMS)[number]) => {
    const rate: MechanismRate = empathy[key];
    return (
      <tr key={key}>
        <th scope="row">{name}</th>
        <td>{share(rate.any)}</td>
        <td>{share(rate.strong)}</td>
      </tr>
    );
  };
  return (
    <table>
      <caption>
        Empathy: share of therapist utterances at each level (rules, not a
        validated measure)
      </caption>
      <thead>
        <tr>
          <th scope="col">Mechanism</th>
          <th scope="col">Any</th>
          <th scope="col">Strong</th>
        </tr>
      </thead>
      <tbody>{MECHANISMS.map(row)}</tbody>
    </table>
  );
}

const CODE_NAMES: [CodeWithF1, string][] = [
  ["reflection", "reflection"],
  ["question", "question"],
  ["simpleReflection", "simple reflection"],
  ["complexReflection", "complex reflection"],
  ["changeTalk", "change talk"],
  ["sustainTalk", "sustain talk"],
];

/** How sure the estimate is: each code's cross-validated F1, as recorded for the models used. */
function HowSure({ codeF1 }: { codeF1: TranscriptProfile["codeF1"] }) {
  if (!codeF1) return null;
  const parts = CODE_NAMES.filter(([code]) => codeF1[code] !== undefined).map(
    ([code, name]) => `${name} ${codeF1[code]!.toFixed(2)}`,
  );
  return (
    <p>
      How sure (cross-validated F1 of each code, 1 is perfect):{" "}
      {parts.join(", ")}.
    </p>
  );
}

function TalkTime({ talk }: { talk: TranscriptProfile["talkTime"] }) {
  return (
    <p>
      Talk time (by {talk.basis === "timestamps" ? "time" : "words"}): therapist{" "}
      {share(talk.therapistShare)}, client {share(talk.clientShare)}. There is
      no validated threshold for talk time.
    </p>
  );
}

export function TranscriptProfileView({
  profile,
}: {
  profile: TranscriptProfile;
}) {
  return (
    <div className="transcript-profile">
      <p className="estimate-label">
        <strong>Automated estimate, not a MITI rating.</strong> Every code here
        comes from classifiers trained on AnnoMI transcripts, not from a trained
        MITI coder; feedback that rests on weakly recognised codes is hedged or
        withheld.
      </p>
      <HowSure codeF1={profile.codeF1} />
      <div className="table-scroll">
        <SummaryScores profile={profile} />
      </div>
      <p>
        Open questions: {pct(profile.percentOpenQuestions)}. Change talk:{" "}
        {pct(profile.percentChangeTalk)} of change and sustain talk.
        {profile.rolesInferred &&
          " The therapist was recognised from the transcript."}
      </p>
      <TalkTime talk={profile.talkTime} />
      <div className="table-scroll">
        <EmpathyRates empathy={profile.empathy} />
      </div>
      {profile.feedback && profile.feedback.length > 0 && (
        <>
          <h4>Feedback (automated estimate)</h4>
          <ul>
            {profile.feedback.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
