// rapport create-admin: create an organisation's first administrator.
import type { Command } from "commander";
import { isoNow } from "../server/context.js";
import { newId } from "../server/ids.js";
import { createMember } from "../server/members/members.service.js";
import {
  findOrganisationByName,
  insertOrganisation,
} from "../server/organisations/organisations.repository.js";
import { CliError, action, print, withRuntime } from "./runtime.js";

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

export function registerCreateAdmin(program: Command): void {
  program
    .command("create-admin")
    .description(
      'create an administrator (and the organisation if new); reads the password from stdin; prints {"id","email","organisationId"}',
    )
    .requiredOption("--email <email>", "the administrator's email")
    .requiredOption(
      "--organisation <name>",
      "organisation name (created when it does not exist)",
    )
    .option("--name <name>", "display name", "Administrator")
    .action(
      action(
        async (options: {
          email: string;
          organisation: string;
          name: string;
        }) => {
          const password = await readPassword();
          if (password.length < 12)
            throw new CliError(
              "the password (on stdin) must be at least 12 characters",
            );
          await withRuntime(async ({ context }) => {
            let organisation = await findOrganisationByName(
              context.db,
              options.organisation,
            );
            if (!organisation) {
              organisation = {
                id: newId(context.clock()),
                name: options.organisation,
                settings: "{}",
                created_at: isoNow(context),
              };
              await insertOrganisation(context.db, organisation);
            }
            try {
              const member = await createMember(
                context,
                organisation.id,
                { email: options.email, name: options.name, role: "admin" },
                { actorId: null, source: "cli" },
                password,
              );
              print({
                id: member.id,
                email: member.email,
                organisationId: organisation.id,
              });
            } catch (error) {
              throw new CliError((error as Error).message);
            }
          });
        },
      ),
    );
}
