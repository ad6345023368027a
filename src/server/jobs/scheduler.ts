// Runs the scheduled jobs: each on its interval, on one server at a time (database lease), and
// due again after a restart if its interval has passed since the last run.
import crypto from "node:crypto";
import type { AppContext } from "../context.js";
import { acquireLease, finishLease, lastRun } from "./lease.js";

export interface Job {
  name: string;
  everySeconds: number;
  run(context: AppContext): Promise<void>;
}

export interface Scheduler {
  /** Runs every due job once (what the timer does); for tests and the CLI. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const TICK_MS = 30_000;

export function startScheduler(
  context: AppContext,
  jobs: readonly Job[],
  options: { timer?: boolean } = {},
): Scheduler {
  const holder = crypto.randomUUID();
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const runDue = async () => {
    try {
      await runEachDue();
    } catch (error) {
      // The database is down (a restart, a failover): skip this tick, try again at the next.
      context.log?.error({ err: error }, "scheduled jobs skipped");
    }
  };
  const runEachDue = async () => {
    for (const job of jobs) {
      if (stopped) return;
      const now = context.clock();
      const last = await lastRun(context.db, job.name);
      if (
        last &&
        now.getTime() - new Date(last).getTime() < job.everySeconds * 1000
      )
        continue;
      if (
        !(await acquireLease(
          context.db,
          job.name,
          holder,
          now,
          Math.max(60, job.everySeconds),
        ))
      )
        continue;
      try {
        await job.run(context);
      } catch (error) {
        context.log?.error(
          { err: error, job: job.name },
          "scheduled job failed",
        );
      } finally {
        await finishLease(context.db, job.name, holder, context.clock());
      }
    }
  };
  const tick = () => (running = running.then(runDue, runDue));
  const timer =
    options.timer === false
      ? undefined
      : setInterval(() => void tick(), TICK_MS);
  timer?.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
