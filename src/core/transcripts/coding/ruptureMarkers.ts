// Client rupture markers after the 3RS (Eubanks, Muran & Safran 2015, Rupture Resolution Rating
// System manual; clinical-facts §4.3), as lexical rules, not a trained model:
// - withdrawal: moving away from the therapist or the work: minimal responses to an open
//   question, deflecting or avoiding the topic, deferring/appeasing.
// - confrontation: moving against the therapist or the work: complaints about the therapist,
//   rejecting interventions, complaints about progress, pushing back.

export type RuptureMarker = "withdrawal" | "confrontation";

const MINIMAL =
  /^(i don'?t know|dunno|i guess|fine|ok(ay)?|sure|whatever|maybe|not really|nothing|no|yes|yeah|mm+|hm+|uh+|um+|nope)[.!]*$/;
const DEFLECTION =
  /\b(i('d| would) rather not|don'?t (want|wanna) (to )?(talk|get into|go into)|can we (talk about|change) (something|the subject)|(it|that) doesn'?t matter|let'?s (not|move on)|whatever you (say|think)|you'?re the (expert|doctor))\b/;
const CONFRONTATION =
  /\b(you (don'?t|do not|never) (understand|get it|listen|care)|(this|that|therapy|it) (is not|isn'?t|doesn'?t|does not|is never|'?s not) (help|helping|working|going to work|gonna work)|waste of (my )?(time|money)|what'?s the point|why (do|should) i (have to|need to|even)|stop (telling|asking|pushing|lecturing)|you keep (telling|asking|saying|pushing)|i (already )?told you( already)?|that'?s not what i said|you'?re (not listening|judging|wrong|just like)|you always|this is pointless)\b/;

export interface MarkerContext {
  /** Whether the previous therapist utterance asked an open question. */
  afterOpenQuestion: boolean;
}

/**
 * Rupture markers in one client utterance.
 * @example ruptureMarkers("This isn't helping.", { afterOpenQuestion: false }) // ["confrontation"]
 */
export function ruptureMarkers(
  text: string,
  context: MarkerContext,
): RuptureMarker[] {
  const lower = text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .trim();
  const markers: RuptureMarker[] = [];
  const minimal = context.afterOpenQuestion && MINIMAL.test(lower);
  if (minimal || DEFLECTION.test(lower)) markers.push("withdrawal");
  if (CONFRONTATION.test(lower)) markers.push("confrontation");
  return markers;
}
