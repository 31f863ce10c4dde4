import { parentPort } from "node:worker_threads";
import { extractDocumentText } from "./text-extraction";
import type { ExtractionJob, ExtractionReply } from "./worker-text-extractor";

/** The extraction worker: one job at a time from WorkerTextExtractor, answered in order. */
const port = parentPort;
if (!port) throw new Error("text-extraction.worker runs as a worker thread only");

port.on("message", (job: ExtractionJob) => {
  let reply: ExtractionReply;
  try {
    reply = { type: "result", id: job.id, ok: true, extracted: extractDocumentText(job.state) };
  } catch (error) {
    reply = {
      type: "result",
      id: job.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
  port.postMessage(reply);
});
port.postMessage({ type: "ready" } satisfies ExtractionReply);
