// Who is making a request, established once by the authentication hook.
import type { Role } from "../db/schema.js";

export interface Actor {
  memberId: string;
  organisationId: string;
  role: Role;
  /** Where the request came from (IP address), for the audit trail. */
  source: string | null;
}
