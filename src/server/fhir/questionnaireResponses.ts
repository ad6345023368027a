// Stored responses as FHIR R4 QuestionnaireResponses, each pointing at the pack version it was
// scored with (falling back to an earlier version when a re-score left answers it cannot carry).
import { toFhirQuestionnaireResponse } from "../../core/fhir/questionnaireResponse.js";
import type { FhirQuestionnaireResponse } from "../../core/fhir/types.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { packsByVersion } from "../instruments/instrumentCatalogue.js";
import type { ResponseView } from "../responses/responseView.js";

/** The public FHIR base of this server, e.g. https://clinic.example/fhir/R4. */
export function fhirBase(context: AppContext): string {
  return `${context.config.publicUrl.replace(/\/$/, "")}/fhir/R4`;
}

export async function questionnaireResponses(
  context: AppContext,
  organisationId: string,
  views: readonly ResponseView[],
): Promise<FhirQuestionnaireResponse[]> {
  const packs = await packsByVersion(context.db, organisationId);
  const baseUrl = fhirBase(context);
  return views.map((view) => {
    const versions = [
      view.instrumentVersion,
      ...view.history.map((h) => h.instrumentVersion).reverse(),
    ];
    for (const version of versions) {
      const pack = packs.get(`${view.instrumentId}|${version}`);
      if (!pack) continue;
      try {
        const qr = toFhirQuestionnaireResponse(
          pack,
          {
            id: view.id,
            answers: view.answers,
            authored: view.submittedAt,
            subject: { reference: `Patient/${view.clientId}` },
            total: version === view.instrumentVersion ? view.total : null,
          },
          { baseUrl },
        );
        return view.sessionId
          ? { ...qr, encounter: { reference: `Encounter/${view.sessionId}` } }
          : qr;
      } catch {
        continue; // answers this version cannot carry: try the version it was first scored with
      }
    }
    throw new AppError(
      "internal",
      `response ${view.id} cannot be expressed with any version of ${view.instrumentId}`,
    );
  });
}
