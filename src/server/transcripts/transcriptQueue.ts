// The analysis queue: an in-process worker that takes queued transcripts one at a time. The
// queue is the table itself, so it survives a restart: at start (and every 30 s, for rows queued
// by another server or left "analysing" by a worker that died) it claims what is waiting.
import type { FastifyBaseLogger } from "fastify";
import { appendAudit } from "../audit/audit.repository.js";
import type { AppContext } from "../context.js";
import type { SealedField } from "../crypto/envelope.js";
import { inTransaction, isoNow } from "../context.js";
import type { TranscriptTable } from "../db/transcriptsSchema.js";
import type { AnalysisRunner } from "./analysisRunner.js";
import type { AnalysisOutcome } from "./runAnalysis.js";
import { sealAnalysis } from "./storedAnalysis.js";
import {
  claimNextTranscript,
  finishTranscript,
  requeueTranscript,
} from "./transcripts.repository.js";

const POLL_MS = 30_000;
/** How long a claim holds; the largest allowed file analyses in well under a minute. */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 3;

export class TranscriptQueue {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: AppContext,
    private readonly runner: AnalysisRunner,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Looks for work now (after an upload); returns at once. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) =>
        this.log.error({ err: error }, "transcript queue failed"),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when no analysis is running (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops taking work, lets the analysis in progress finish, ends the thread. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.idle();
    await this.runner.close();
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const now = this.context.clock();
      const row = await claimNextTranscript(
        this.context.db,
        now.toISOString(),
        new Date(now.getTime() + LEASE_MS).toISOString(),
      );
      if (!row) return;
      await this.process(row);
    }
  }

  private async process(row: TranscriptTable): Promise<void> {
    if (row.attempts > MAX_ATTEMPTS)
      return this.finish(row, { ok: false, error: "gave-up" });
    try {
      await this.finish(row, await this.analyse(row));
    } catch (error) {
      this.log.error(
        { err: error, transcriptId: row.id },
        "transcript analysis failed",
      );
      if (row.attempts >= MAX_ATTEMPTS)
        await this.finish(row, { ok: false, error: "internal" });
      else await requeueTranscript(this.context.db, row);
    }
  }

  private async analyse(row: TranscriptTable): Promise<AnalysisOutcome> {
    const { cipher, db } = this.context;
    const decrypt = (field: SealedField, value: string) =>
      cipher.decrypt(db, row.organisation_id, row.client_id, field, value);
    const therapist =
      row.therapist_speaker_enc === null
        ? null
        : await decrypt(
            "transcripts.therapist_speaker",
            row.therapist_speaker_enc,
          );
    return this.runner.analyse(
      {
        text: await decrypt("transcripts.text", row.text_enc),
        format: row.format,
        therapist,
      },
      row.byte_size,
    );
  }

  private async finish(
    row: TranscriptTable,
    outcome: AnalysisOutcome,
  ): Promise<void> {
    const { cipher, db } = this.context;
    const at = isoNow(this.context);
    const set = outcome.ok
      ? {
          status: "done" as const,
          error: null,
          analysis_enc: await sealAnalysis(cipher, db, row, outcome.document),
          profile: JSON.stringify(outcome.profile),
          analysed_at: at,
        }
      : {
          status: "failed" as const,
          error: outcome.error,
          analysis_enc: null,
          profile: null,
          analysed_at: at,
        };
    await inTransaction(db, async (trx) => {
      if (!(await finishTranscript(trx, row, set))) return; // deleted, or taken over
      await appendAudit(trx, {
        organisationId: row.organisation_id,
        actorId: null,
        clientId: row.client_id,
        action: `transcript.${set.status === "done" ? "analyse" : "fail"}`,
        source: "worker",
        at,
      });
    });
  }
}
