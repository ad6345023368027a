// Public API of the FHIR R4 edge: pure builders and the response-vs-questionnaire check.
export {
  toFhirQuestionnaire,
  questionnaireUrl,
  totalLinkId,
  CALCULATED_EXPRESSION_URL,
  type ExportOptions,
} from "./questionnaireExport.js";
export {
  toFhirQuestionnaireResponse,
  type StoredResponse,
} from "./questionnaireResponse.js";
export {
  searchsetBundle,
  collectionBundle,
  type BundleOptions,
} from "./bundle.js";
export { checkResponseAgainstQuestionnaire } from "./checkResponse.js";
export { totalExpression } from "./totalExpression.js";
export type * from "./types.js";
