// Shared start-up for commands: config and database problems become one clear line on stderr.
import { ConfigError, loadConfig, type Config } from "../server/config.js";
import { DatabaseUnavailableError } from "../server/db/database.js";
import { startRuntime, type Runtime } from "../server/runtime.js";

export class CliError extends Error {}

export function say(line: string): void {
  process.stderr.write(line + "\n");
}

export function print(data: unknown): void {
  process.stdout.write(
    (typeof data === "string" ? data : JSON.stringify(data, null, 2)) + "\n",
  );
}

export function config(): Config {
  return loadConfig();
}

/** Runs fn with an open runtime, closing it afterwards whatever happens. */
export async function withRuntime<T>(
  fn: (runtime: Runtime) => Promise<T>,
  cfg: Config = config(),
  options: { anchorAtStart?: boolean } = {},
): Promise<T> {
  const runtime = await startRuntime(cfg, options);
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

/** Wraps a command action: expected failures print one line and set a non-zero exit code. */
export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      if (
        error instanceof ConfigError ||
        error instanceof DatabaseUnavailableError ||
        error instanceof CliError
      ) {
        say(`rapport: ${error.message}`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  };
}
