// Worker-thread entry: compiles the models once from the file text it is given, then analyses
// one job per message, so a large transcript never blocks the server's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { loadTranscriptModels } from "../../core/transcripts/index.js";
import { runAnalysis, type AnalysisJob } from "./runAnalysis.js";

const port = parentPort;
if (!port) throw new Error("analysisThread.ts runs only as a worker thread");
const models = loadTranscriptModels(
  JSON.parse((workerData as { modelFile: string }).modelFile),
);
port.on("message", (job: AnalysisJob) => {
  port.postMessage(runAnalysis(job, models));
});
