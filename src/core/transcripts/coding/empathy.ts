// Empathy levels 0 (none), 1 (weak), 2 (strong) for the three EPITOME mechanisms, written as lexical
// rules from their published definitions (Sharma et al. 2020, EMNLP, "A computational approach to
// understanding empathy expressed in text-based mental health support", §3), NOT fitted to data:
// - emotional reaction: the responder expresses emotions such as warmth, compassion, concern;
//   weak = alludes to them without naming ("everything will be fine"), strong = names them.
// - interpretation: communicates an understanding of the other's feelings or experiences;
//   weak = generic ("I understand how you feel"), strong = specifies the inferred feeling or
//   experience ("this must be terrifying") or shares a similar experience.
// - exploration: explores feelings and experiences not yet stated; weak = generic question
//   ("what happened?"), strong = specific question about the person's feelings or situation.

export interface EmpathyLevels {
  emotionalReaction: 0 | 1 | 2;
  interpretation: 0 | 1 | 2;
  exploration: 0 | 1 | 2;
}

const EMOTION =
  "sad|sorry|heartbroken|worried|concerned|glad|happy|proud|upset|angry|scared|afraid|hurt|moved|touched|sympathy|compassion";
const FELT =
  "hard|difficult|tough|painful|frustrating|scary|terrifying|overwhelming|exhausting|lonely|confusing|stressful|upsetting|heartbreaking|awful";
const FEELING_WORDS =
  "feel|feeling|felt|emotion|mood|cope|coping|going through|handle|handling|affect|mean to you|like for you";

const STRONG_REACTION = new RegExp(
  `\\b(i am|i'm|i feel|i felt|i was|makes me|made me)\\s+(so |really |very |truly |deeply )*(${EMOTION})\\b|my heart (goes|breaks|hurts)|breaks my heart|i care about you`,
);
const WEAK_REACTION =
  /\b(hugs?|sending (love|hugs|strength)|hope (you|things|it) (feel|get|gets|will)|(it|everything|things) (will|is going to|'ll) (be )?(ok|okay|fine|alright|better)|that sucks|oh no|aw+)\b|<3|\u2764/;
const STRONG_INTERPRETATION = new RegExp(
  `\\b(it |that )?(sounds|seems|must be|must have been|must feel|can imagine|can only imagine)\\b.*\\b(${FELT}|you('re| are)? (feel|feeling|felt)|alone|like you)|\\byou (seem|sound|must|might) (be )?(feel|feeling|${FELT}|${EMOTION})|\\bi('ve| have)? (been there|been through|went through|had the same|felt the same|know what it's like)|\\bsame (thing )?happened to me\\b`,
);
const WEAK_INTERPRETATION =
  /\b(i (understand|get it|hear you|see where you)|i know (how|what) you|that makes sense|it makes sense|you're not alone|you are not alone|it sounds like|you seem)\b/;
const SPECIFIC_EXPLORATION = new RegExp(
  `\\b(how|what|why|when|do|did|does|are|have|has|would|could)\\b[^?]*\\b(you|your)\\b[^?]*\\b(${FEELING_WORDS}|${EMOTION}|${FELT})`,
);

function questions(text: string): string[] {
  if (!text.includes("?")) return [];
  return text
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => sentence.endsWith("?"));
}

function explorationLevel(lower: string): 0 | 1 | 2 {
  const asked = questions(lower).filter(
    (q) => /\b(you|your|you're)\b/.test(q) || q.trim().split(/\s+/).length <= 4,
  );
  if (asked.length === 0) return 0;
  const specific = asked.some(
    (q) => SPECIFIC_EXPLORATION.test(q) || q.trim().split(/\s+/).length >= 8,
  );
  return specific ? 2 : 1;
}

/**
 * Rule-based empathy levels of a response.
 * @example empathyLevels("That must be so frightening. How are you coping?") // { emotionalReaction: 0, interpretation: 2, exploration: 2 }
 */
export function empathyLevels(text: string): EmpathyLevels {
  const lower = text.toLowerCase().replace(/\u2019/g, "'");
  const emotionalReaction = STRONG_REACTION.test(lower)
    ? 2
    : WEAK_REACTION.test(lower)
      ? 1
      : 0;
  const interpretation = STRONG_INTERPRETATION.test(lower)
    ? 2
    : WEAK_INTERPRETATION.test(lower)
      ? 1
      : 0;
  return {
    emotionalReaction,
    interpretation,
    exploration: explorationLevel(lower),
  };
}
