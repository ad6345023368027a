// Who may see which client. A client the actor may not see is "not found" (no existence leak).
import type { Actor } from "../auth/actor.js";
import type { AppContext } from "../context.js";
import type { Db } from "../db/database.js";
import type { ClientTable } from "../db/schema.js";
import { AppError, notFound } from "../errors.js";
import { hasBreakGlass } from "./breakGlass.js";

export type AccessMode = "read" | "write";

/** Loads a client the actor may access in the given mode, or throws. */
export async function loadClientFor(
  context: Pick<AppContext, "db" | "clock">,
  actor: Actor,
  clientId: string,
  mode: AccessMode,
): Promise<ClientTable> {
  const client = await context.db
    .selectFrom("clients")
    .selectAll()
    .where("organisation_id", "=", actor.organisationId)
    .where("id", "=", clientId)
    .executeTakeFirst();
  if (!client) throw notFound("client");
  const access = await accessTo(context.db, actor, client, context.clock());
  if (access === "none") throw notFound("client");
  if (mode === "write" && access !== "write")
    throw new AppError("forbidden", "read-only access to this client");
  return client;
}

async function accessTo(
  db: Db,
  actor: Actor,
  client: ClientTable,
  now: Date,
): Promise<"none" | "read" | "write"> {
  switch (actor.role) {
    case "therapist": {
      if (client.therapist_id === actor.memberId) return "write";
      const share = await db
        .selectFrom("client_shares")
        .select("member_id")
        .where("organisation_id", "=", actor.organisationId)
        .where("client_id", "=", client.id)
        .where("member_id", "=", actor.memberId)
        .executeTakeFirst();
      return share ? "write" : "none";
    }
    case "supervisor": {
      const link = await db
        .selectFrom("supervisions")
        .select("therapist_id")
        .where("organisation_id", "=", actor.organisationId)
        .where("supervisor_id", "=", actor.memberId)
        .where("therapist_id", "=", client.therapist_id)
        .executeTakeFirst();
      return link ? "read" : "none";
    }
    case "admin":
      // Administrators reach client data only through audited, time-limited break-glass.
      return (await hasBreakGlass(db, actor, client.id, now.toISOString()))
        ? "read"
        : "none";
  }
}

/** The therapist ids whose caseloads the actor may list, plus explicitly shared clients. */
export async function visibleScope(
  db: Db,
  actor: Actor,
): Promise<{ therapistIds: string[]; sharedWithMe: boolean }> {
  switch (actor.role) {
    case "therapist":
      return { therapistIds: [actor.memberId], sharedWithMe: true };
    case "supervisor": {
      const rows = await db
        .selectFrom("supervisions")
        .select("therapist_id")
        .where("organisation_id", "=", actor.organisationId)
        .where("supervisor_id", "=", actor.memberId)
        .execute();
      return {
        therapistIds: rows.map((r) => r.therapist_id),
        sharedWithMe: false,
      };
    }
    case "admin":
      throw new AppError(
        "forbidden",
        "administrators see client data only through break-glass access",
      );
  }
}
