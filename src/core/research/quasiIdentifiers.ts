// The quasi-identifiers a research export releases and how each one generalises, level by level.
// The bands are a design choice of Rapport (clinical-facts.md gives none), stated in the README.

/** Age bands a therapist may record (design choice: the ONS's adult bands, 16-17 split off). */
export const AGE_BANDS = [
  "16-17",
  "18-24",
  "25-34",
  "35-44",
  "45-54",
  "55-64",
  "65+",
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Genders a therapist may record (design choice; "not recorded" is a value in the export). */
export const GENDERS = [
  "woman",
  "man",
  "non-binary",
  "another gender",
  "prefers not to say",
] as const;
export type Gender = (typeof GENDERS)[number];

export const NOT_RECORDED = "not recorded";
export const SUPPRESSED = "*";

export interface QuasiIdentifiers {
  therapist: string;
  ageBand: string;
  gender: string;
  episodeLength: string;
}
export type QuasiIdentifier = keyof QuasiIdentifiers;

const WIDE_AGE: Record<string, string> = {
  "16-17": "16-34",
  "18-24": "16-34",
  "25-34": "16-34",
  "35-44": "35-54",
  "45-54": "35-54",
  "55-64": "55+",
  "65+": "55+",
};

/** Episode length in weeks, banded (design choice: roughly 6, 12 and 26 weeks of weekly care). */
export function episodeLengthBand(days: number): string {
  const weeks = Math.floor(days / 7);
  if (weeks <= 6) return "0-6 weeks";
  if (weeks <= 12) return "7-12 weeks";
  if (weeks <= 26) return "13-26 weeks";
  return "27+ weeks";
}

const WIDE_LENGTH: Record<string, string> = {
  "0-6 weeks": "0-12 weeks",
  "7-12 weeks": "0-12 weeks",
  "13-26 weeks": "13+ weeks",
  "27+ weeks": "13+ weeks",
};

/** Each quasi-identifier's levels: 0 is the value as recorded, the last is suppressed. */
export const HIERARCHIES: Record<
  QuasiIdentifier,
  readonly ((value: string) => string)[]
> = {
  therapist: [(v) => v, () => SUPPRESSED],
  ageBand: [(v) => v, (v) => WIDE_AGE[v] ?? v, () => SUPPRESSED],
  gender: [(v) => v, () => SUPPRESSED],
  episodeLength: [(v) => v, (v) => WIDE_LENGTH[v] ?? v, () => SUPPRESSED],
};

/** What each level means, for the export's README. */
export const LEVEL_NAMES: Record<QuasiIdentifier, readonly string[]> = {
  therapist: ["released", "suppressed"],
  ageBand: ["released", "generalised to 16-34 / 35-54 / 55+", "suppressed"],
  gender: ["released", "suppressed"],
  episodeLength: ["released", "generalised to 0-12 / 13+ weeks", "suppressed"],
};
