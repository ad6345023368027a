// A worker thread for transcript work (transcriptThread.ts). Tasks carry ids, so several callers
// can wait at once; the thread runs them in order. It is started on the first task, held only
// while tasks are waiting, and restarted by the next task if it dies (the tasks it held fail).
import { Worker } from "node:worker_threads";
import type { TranscriptFormat } from "../../core/transcripts/index.js";
import { threadEntry } from "../threads/threadEntry.js";
import type { CheckOutcome } from "./checkTranscript.js";
import type { AnalysisJob, AnalysisOutcome } from "./runAnalysis.js";

export type ThreadTask =
  | {
      id: number;
      kind: "check";
      text: string;
      format: TranscriptFormat | undefined;
    }
  | { id: number; kind: "analyse"; job: AnalysisJob };

export type ThreadReply =
  | { id: number; outcome: CheckOutcome | AnalysisOutcome }
  | { id: number; error: string };

interface Waiting {
  resolve: (outcome: CheckOutcome | AnalysisOutcome) => void;
  reject: (error: Error) => void;
}

/** Distributes a task over the union of task kinds without losing the caller's kind. */
type Task = ThreadTask extends infer T
  ? T extends ThreadTask
    ? Omit<T, "id">
    : never
  : never;

export class TranscriptWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  /** Parses an upload; the outcome says whether and where it is malformed. */
  async check(
    text: string,
    format: TranscriptFormat | undefined,
  ): Promise<CheckOutcome> {
    return (await this.send({ kind: "check", text, format })) as CheckOutcome; // a check's reply
  }

  async analyse(job: AnalysisJob): Promise<AnalysisOutcome> {
    return (await this.send({ kind: "analyse", job })) as AnalysisOutcome; // an analysis's reply
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private send(task: Task): Promise<CheckOutcome | AnalysisOutcome> {
    const worker = this.thread();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...task, id } satisfies ThreadTask);
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(
      threadEntry(import.meta.url, "./transcriptThread"),
    );
    worker.unref();
    worker.on("message", (reply: ThreadReply) => this.settle(worker, reply));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.waiting) {
        this.waiting.delete(id);
        waiting.reject(error);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) =>
      fail(new Error(`the transcript thread exited with code ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: ThreadReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if ("outcome" in reply) waiting.resolve(reply.outcome);
    else waiting.reject(new Error(reply.error));
    if (this.waiting.size === 0) worker.unref();
  }
}
