// One analysed utterance, as the CLI's JSON and the server store it.
import type { Behaviour, Talk } from "./coding/codeUtterance.js";
import type { EmpathyLevels } from "./coding/empathy.js";
import type { RuptureMarker } from "./coding/ruptureMarkers.js";
import type { Role } from "./transcript.js";

export interface CodedUtterance {
  index: number;
  speaker: string;
  role: Role;
  text: string;
  start?: number;
  end?: number;
  words: number;
  behaviour: Behaviour | null;
  reflection: "simple" | "complex" | null;
  question: "open" | "closed" | null;
  talk: Talk | null;
  empathy: EmpathyLevels | null;
  markers: RuptureMarker[];
  confidence: Record<string, number>;
}
