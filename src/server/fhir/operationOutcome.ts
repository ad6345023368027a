// At the FHIR edge (and only there) an AppError becomes an OperationOutcome
// (hl7.org/fhir/R4/operationoutcome.html; issue codes from hl7.org/fhir/R4/valueset-issue-type.html).
import type { AppError, ErrorCode } from "../errors.js";

const ISSUE_CODE: Record<ErrorCode, string> = {
  validation: "invalid",
  unauthenticated: "login",
  forbidden: "forbidden",
  not_found: "not-found",
  conflict: "conflict",
  payload_too_large: "too-long",
  rate_limited: "throttled",
  unavailable: "transient",
  internal: "exception",
};

export interface OperationOutcome {
  resourceType: "OperationOutcome";
  issue: {
    severity: "error" | "fatal";
    code: string;
    diagnostics: string;
  }[];
}

export function operationOutcome(error: AppError): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [
      {
        severity: error.code === "internal" ? "fatal" : "error",
        code: ISSUE_CODE[error.code],
        diagnostics: error.message,
      },
    ],
  };
}
