// The export's README.md: the only file that may carry a calendar date (the export's own day).
import type { Dataset } from "./dataset.js";
import { LEVEL_NAMES, type QuasiIdentifier } from "./quasiIdentifiers.js";

export interface ReadmeFacts {
  exportedOn: string; // YYYY-MM-DD
  k: number;
  stableSecret: boolean;
  leftOut: Readonly<Record<string, number>>;
  anonymity: Dataset["anonymity"];
  files: readonly string[];
}

const QI_NAMES: Record<QuasiIdentifier, string> = {
  therapist: "therapist pseudonym",
  ageBand: "age band",
  gender: "gender",
  episodeLength: "latest episode length",
};

export function researchReadme(facts: ReadmeFacts): string {
  const levels = (Object.keys(QI_NAMES) as QuasiIdentifier[]).map(
    (qi) => `- ${QI_NAMES[qi]}: ${LEVEL_NAMES[qi][facts.anonymity.levels[qi]]}`,
  );
  const leftOut = Object.entries(facts.leftOut).map(
    ([reason, n]) => `- ${reason}: ${n}`,
  );
  return [
    "# Rapport de-identified research export",
    "",
    `Exported on ${facts.exportedOn}. Files: ${facts.files.join(", ")}; codebook.csv describes every column.`,
    "",
    "No names, emails, notes, feedback, goals or transcript text; no calendar dates (days since the episode opened instead); no database ids.",
    facts.stableSecret
      ? "Pseudonyms use the organisation's stable research secret: they match other exports made with it (longitudinal linkage), and anyone holding the server's data key can recompute them."
      : "Pseudonyms use a secret made for this export only and never stored: they match no other export unless the secret was kept.",
    "",
    `## k-anonymity (k = ${facts.k})`,
    "",
    "Every combination of therapist, age band, gender and latest episode length in clients.csv covers at least k clients.",
    ...levels,
    `- clients with every quasi-identifier suppressed: ${facts.anonymity.suppressed.length}`,
    `- clients left out because even full suppression left fewer than k: ${facts.anonymity.dropped.length}`,
    "",
    "## Clients left out, by reason",
    "",
    ...(leftOut.length > 0 ? leftOut : ["- none"]),
    "",
  ].join("\n");
}
