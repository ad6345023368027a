// Where check-in submissions are written. Submissions arriving together are group-committed
// (one transaction, one fsync for many). On a SQLite file that work runs in a thread of its own,
// with its own connection: the writes, alert evaluation and the commit's fsync no longer hold
// the event loop, which keeps parsing, scoring, encrypting and answering requests meanwhile
// (SQLite allows one writer at a time, so every SQLite transaction begins immediate and waits
// its turn; see database.ts). PostgreSQL, and SQLite in memory, commit on the server's own
// connection.
import { Worker } from "node:worker_threads";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import { GroupCommit } from "../db/groupCommit.js";
import type { MasterKey } from "../crypto/envelope.js";
import { AppError, type ErrorCode } from "../errors.js";
import { threadEntry } from "../threads/threadEntry.js";
import {
  storeSubmission,
  type PreparedSubmission,
  type StoredSubmission,
  type WriteContext,
} from "./storeSubmission.js";

export interface SubmissionWriter {
  /**
   * Gets ready ahead of the first submission. The server calls it at start, so the first clients
   * after a restart do not wait for a thread to start (0.9 s from the build).
   */
  start(): void;
  /** Resolves once the submission's transaction has committed. */
  write(submission: PreparedSubmission): Promise<StoredSubmission>;
  /** Drops a client's data key from the writer's cache (the client was erased). */
  forget(clientId: string): void;
  /** Waits for the writes under way, then stops. */
  close(): Promise<void>;
}

/** Group commit on the server's own connection. */
export function groupCommitWriter(
  context: WriteContext,
  db: Db,
): SubmissionWriter {
  const group = new GroupCommit(db);
  return {
    start: () => {},
    write: (submission) =>
      group.run((trx, batch) =>
        storeSubmission(context, trx, batch, submission),
      ),
    forget: (clientId) => context.cipher.forget(clientId),
    close: async () => {},
  };
}

/** What the writer thread is started with (structured-cloned into it). */
export interface SubmissionThreadData {
  config: Config;
  masterKey: MasterKey;
}

export type ThreadRequest =
  | { id: number; submission: PreparedSubmission }
  | { forget: string }
  | { close: true };

export type ThreadReply =
  | { id: number; stored: StoredSubmission }
  | { id: number; error: { code?: ErrorCode; message: string } };

interface Waiting {
  organisationId: string;
  resolve: (stored: StoredSubmission) => void;
  reject: (error: Error) => void;
}

/** Group commit in a thread with its own SQLite connection, started on the first write. */
export class ThreadSubmissionWriter implements SubmissionWriter {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly idle: (() => void)[] = [];

  /** @param committed told of each submission committed by the thread (its audit entries with it) */
  constructor(
    private readonly data: SubmissionThreadData,
    private readonly committed: (organisationId: string) => void = () => {},
  ) {}

  start(): void {
    this.thread();
  }

  write(submission: PreparedSubmission): Promise<StoredSubmission> {
    const worker = this.thread();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      const organisationId = submission.checkin.organisation_id;
      this.waiting.set(id, { organisationId, resolve, reject });
      worker.postMessage({ id, submission } satisfies ThreadRequest);
    });
  }

  forget(clientId: string): void {
    this.worker?.postMessage({ forget: clientId } satisfies ThreadRequest);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    if (this.waiting.size > 0)
      await new Promise<void>((resolve) => this.idle.push(resolve));
    if (this.worker !== worker) return; // another close() ended it meanwhile
    this.worker = undefined;
    // Held while it closes: unreferenced, the process could end before the thread's connection.
    worker.ref();
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage({ close: true } satisfies ThreadRequest);
    await exited;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(
      threadEntry(import.meta.url, "./submissionThread"),
      { workerData: this.data },
    );
    worker.unref();
    worker.on("message", (reply: ThreadReply) => this.settle(worker, reply));
    // The thread died (it should not): every write it held fails, none is acknowledged, and the
    // next write starts a new thread. The clients see "not saved" with their answers kept.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.waiting) {
        this.waiting.delete(id);
        waiting.reject(error);
      }
      this.drained(worker);
    };
    worker.on("error", fail);
    worker.on("exit", (code) =>
      fail(new Error(`the submission writer thread exited with code ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: ThreadReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if ("stored" in reply) {
      this.committed(waiting.organisationId);
      waiting.resolve(reply.stored);
    } else
      waiting.reject(
        reply.error.code
          ? new AppError(reply.error.code, reply.error.message)
          : new Error(reply.error.message),
      );
    this.drained(worker);
  }

  private drained(worker: Worker): void {
    if (this.waiting.size > 0) return;
    worker.unref();
    for (const resolve of this.idle.splice(0)) resolve();
  }
}
