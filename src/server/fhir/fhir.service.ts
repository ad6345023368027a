// FHIR R4 reads: Questionnaires from the catalogue, a client's QuestionnaireResponses (authorised
// and audited exactly like /api/clients/:id/responses).
import { searchsetBundle } from "../../core/fhir/bundle.js";
import { toFhirQuestionnaire } from "../../core/fhir/questionnaireExport.js";
import type { FhirBundle, FhirQuestionnaire } from "../../core/fhir/types.js";
import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import { AppError } from "../errors.js";
import { resolvePack } from "../instruments/instrumentCatalogue.js";
import { listResponses } from "../responses/responses.service.js";
import { fhirBase, questionnaireResponses } from "./questionnaireResponses.js";

export async function fhirQuestionnaire(
  context: AppContext,
  actor: Actor,
  id: string,
  version?: string,
): Promise<FhirQuestionnaire> {
  const { pack } = await resolvePack(
    context.db,
    actor.organisationId,
    id,
    version,
  );
  return toFhirQuestionnaire(pack, { baseUrl: fhirBase(context) });
}

/** `subject` is "Patient/<client id>" or the bare client id. */
export async function searchQuestionnaireResponses(
  context: AppContext,
  actor: Actor,
  subject: string,
): Promise<FhirBundle> {
  const clientId = /^(?:Patient\/)?([A-Za-z0-9-]{1,64})$/.exec(subject)?.[1];
  if (!clientId)
    throw new AppError(
      "validation",
      "subject must be a client id or Patient/<client id>",
    );
  const views = await listResponses(context, actor, clientId, {});
  const resources = await questionnaireResponses(
    context,
    actor.organisationId,
    views,
  );
  const baseUrl = fhirBase(context);
  return searchsetBundle(resources, {
    baseUrl,
    selfUrl: `${baseUrl}/QuestionnaireResponse?subject=${encodeURIComponent(subject)}`,
  });
}
