// Runs analyses: small transcripts on the main thread (a 9,000-word session takes about 20 ms),
// larger ones in the transcript thread. One job at a time: the queue is sequential.
import type { AnalysisJob, AnalysisOutcome } from "./runAnalysis.js";
import { runAnalysis } from "./runAnalysis.js";
import { bundledTranscriptModels } from "./transcriptModels.js";
import { TranscriptWorker } from "./transcriptWorker.js";

export class AnalysisRunner {
  private readonly worker = new TranscriptWorker();

  /** @param threadBytes transcripts larger than this many bytes are analysed in the thread */
  constructor(private readonly threadBytes: number) {}

  async analyse(job: AnalysisJob, bytes: number): Promise<AnalysisOutcome> {
    if (bytes <= this.threadBytes)
      return runAnalysis(job, await bundledTranscriptModels());
    return this.worker.analyse(job);
  }

  close(): Promise<void> {
    return this.worker.close();
  }
}
