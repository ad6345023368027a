// rapport token create / revoke: API tokens for scripts and integrations.
import type { Command } from "commander";
import {
  createApiToken,
  revokeApiToken,
} from "../server/auth/tokens.service.js";
import { AppError } from "../server/errors.js";
import { CliError, action, print, say, withRuntime } from "./runtime.js";

const asCli = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
};

export function registerToken(program: Command): void {
  const token = program
    .command("token")
    .description("API tokens (sent as Authorization: Bearer <token>)");
  token
    .command("create")
    .description(
      "create a token; prints its id and expiry on stderr and the token alone on the last line of stdout",
    )
    .requiredOption("--member <email>", "the member the token acts for")
    .option(
      "--scope <scope...>",
      "read or write (default: whatever the member's role may do)",
    )
    .option("--expires <days>", "days until it expires (default 90)", (v) =>
      Number(v),
    )
    .action(
      action(
        async (options: {
          member: string;
          scope?: string[];
          expires?: number;
        }) => {
          await withRuntime(async ({ context }) => {
            const created = await asCli(() =>
              createApiToken(context, {
                email: options.member,
                scopes: options.scope ?? [],
                ...(options.expires !== undefined
                  ? { expiresInDays: options.expires }
                  : {}),
              }),
            );
            say(
              `rapport: token ${created.id} for ${options.member}, scopes ${created.scopes.length > 0 ? created.scopes.join(",") : "(role)"}, expires ${created.expiresAt}`,
            );
            print(created.token);
          });
        },
      ),
    );
  token
    .command("revoke <id>")
    .description('revoke a token by id; prints {"revoked": id}')
    .action(
      action(async (id: string) => {
        await withRuntime(async ({ context }) => {
          await asCli(() => revokeApiToken(context, id));
          print({ revoked: id });
        });
      }),
    );
}
