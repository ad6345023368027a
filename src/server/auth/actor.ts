// Who is making a request, established once by the authentication hook.
import type { Role } from "../db/schema.js";

export type TokenScope = "read" | "write";
export const TOKEN_SCOPES: readonly TokenScope[] = ["read", "write"];

export interface Actor {
  memberId: string;
  organisationId: string;
  role: Role;
  /** Where the request came from (IP address), for the audit trail. */
  source: string | null;
  /** How the request authenticated: a session cookie (CSRF applies) or an API token. */
  via: "session" | "token";
  /** Session cookie hash, to end "other" sessions; null for tokens. */
  sessionHash: string | null;
  /** When the request arrived (the server clock), for time-limited grants. */
  at: string;
  /** Token scopes; null means "whatever the member's role may do". */
  scopes: TokenScope[] | null;
}
