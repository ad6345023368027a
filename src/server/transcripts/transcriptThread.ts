// Worker-thread entry for transcript work: checks uploads and analyses transcripts, one task at a
// time in the order sent, so a large or hostile file never blocks the server's event loop. The
// models are compiled once, on the first analysis (a thread that only checks never loads them).
import { parentPort } from "node:worker_threads";
import { checkTranscript } from "./checkTranscript.js";
import { runAnalysis } from "./runAnalysis.js";
import { bundledTranscriptModels } from "./transcriptModels.js";
import type { ThreadReply, ThreadTask } from "./transcriptWorker.js";

const port = parentPort;
if (!port) throw new Error("transcriptThread.ts runs only as a worker thread");

let queue: Promise<void> = Promise.resolve();

async function perform(task: ThreadTask): Promise<ThreadReply> {
  if (task.kind === "check")
    return { id: task.id, outcome: checkTranscript(task.text, task.format) };
  return {
    id: task.id,
    outcome: runAnalysis(task.job, await bundledTranscriptModels()),
  };
}

port.on("message", (task: ThreadTask) => {
  queue = queue
    .then(() => perform(task))
    .then(
      (reply) => port.postMessage(reply),
      (error: unknown) =>
        port.postMessage({
          id: task.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies ThreadReply),
    );
});
