// A client's export as a FHIR R4 collection Bundle (Patient, EpisodeOfCare, Encounter, Goal,
// QuestionnaireResponse).
import type { FhirQuestionnaireResponse } from "../../core/fhir/types.js";
import type { ClientExport } from "./subjectAccess.service.js";

type Resource = Record<string, unknown> & { resourceType: string; id: string };

const ENCOUNTER_STATUS: Record<string, string> = {
  scheduled: "planned",
  attended: "finished",
  cancelled: "cancelled",
  "no-show": "cancelled",
};
const GOAL_STATUS: Record<string, string> = {
  active: "active",
  achieved: "completed",
  dropped: "cancelled",
};

export function clientBundle(
  data: ClientExport,
  questionnaireResponses: readonly FhirQuestionnaireResponse[] = [],
): Record<string, unknown> {
  const patientRef = { reference: `Patient/${data.client.id}` };
  const resources: Resource[] = [
    {
      resourceType: "Patient",
      id: data.client.id,
      active: data.client.status === "active",
      name: [{ text: data.client.name }],
    },
    ...data.episodes.map((e) => ({
      resourceType: "EpisodeOfCare",
      id: e.id,
      status: e.dischargedAt ? "finished" : "active",
      patient: patientRef,
      period: {
        start: e.openedAt,
        ...(e.dischargedAt ? { end: e.dischargedAt } : {}),
      },
    })),
    ...data.sessions.map((s) => ({
      resourceType: "Encounter",
      id: s.id,
      status: ENCOUNTER_STATUS[s.status] ?? "unknown",
      class: {
        system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
        code: "AMB",
        display: "ambulatory",
      },
      subject: patientRef,
      period: { start: s.startsAt },
      ...(s.episodeId
        ? { episodeOfCare: [{ reference: `EpisodeOfCare/${s.episodeId}` }] }
        : {}),
    })),
    ...data.goals.map((g) => ({
      resourceType: "Goal",
      id: g.id,
      lifecycleStatus: GOAL_STATUS[g.status] ?? "active",
      description: { text: g.text },
      subject: patientRef,
    })),
    ...questionnaireResponses.map((qr) => ({ ...qr, id: qr.id ?? "" })),
  ];
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: data.exportedAt,
    entry: resources.map((resource) => ({
      fullUrl: `urn:uuid:${resource.id}`,
      resource,
    })),
  };
}
