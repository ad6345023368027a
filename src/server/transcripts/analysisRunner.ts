// Runs analyses: small transcripts on the main thread (a 9,000-word session takes about 20 ms),
// larger ones in one long-lived worker thread. One job at a time: the queue is sequential.
import { Worker } from "node:worker_threads";
import type { AnalysisJob, AnalysisOutcome } from "./runAnalysis.js";
import { runAnalysis } from "./runAnalysis.js";
import { threadEntry } from "../threads/threadEntry.js";
import {
  bundledTranscriptModels,
  transcriptModelFile,
} from "./transcriptModels.js";

export class AnalysisRunner {
  private worker: Worker | undefined;

  /** @param threadBytes transcripts larger than this many bytes are analysed in the thread */
  constructor(private readonly threadBytes: number) {}

  async analyse(job: AnalysisJob, bytes: number): Promise<AnalysisOutcome> {
    if (bytes <= this.threadBytes)
      return runAnalysis(job, await bundledTranscriptModels());
    return this.inThread(job);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private async thread(): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = new Worker(
      threadEntry(import.meta.url, "./analysisThread"),
      {
        workerData: { modelFile: await transcriptModelFile() },
      },
    );
    worker.unref();
    worker.once("exit", () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private async inThread(job: AnalysisJob): Promise<AnalysisOutcome> {
    const worker = await this.thread();
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const onMessage = (outcome: AnalysisOutcome) => {
        cleanup();
        resolve(outcome);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`analysis thread exited with code ${code}`));
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }
}
