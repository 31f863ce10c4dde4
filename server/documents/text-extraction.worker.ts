import { parentPort } from "node:worker_threads";
import { diffDocuments } from "../../shared/version-diff/diff";
import { buildRestoreUpdate } from "./restore-update";
import { extractDocumentText } from "./text-extraction";
import type { ExtractionJob, ExtractionReply } from "./worker-text-extractor";

/** The import readers (mammoth, marked, a DOM) load on the first import only: a worker that never imports starts without them. */
let imports: Promise<typeof import("../imports/convert-import")> | undefined;
const importReader = () => {
  imports ??= import("../imports/convert-import");
  return imports;
};

/** The extraction worker: one job at a time from WorkerTextExtractor, answered in order. */
const port = parentPort;
if (!port) throw new Error("text-extraction.worker runs as a worker thread only");

port.on("message", async (job: ExtractionJob) => {
  let reply: ExtractionReply;
  try {
    const importFile = job.importFile;
    const value = importFile
      ? await importReader().then((reader) => reader.convertImport(importFile.format, importFile.bytes))
      : job.diff
        ? diffDocuments(job.diff.from, job.diff.to)
        : job.restore
          ? buildRestoreUpdate(job.state, job.restore.versionJson, job.restore.blockIndex)
          : extractDocumentText(job.state);
    reply = { type: "result", id: job.id, ok: true, value };
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
