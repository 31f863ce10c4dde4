import { type ResourceLimits, Worker } from "node:worker_threads";
import type { ImportFormat } from "../../shared/schemas/imports";
import type { DocumentDiff } from "../../shared/version-diff/diff";
import type { ImportConversion } from "../imports/convert-import";
import type { Logger } from "../logger";
import type { RestoreBuild } from "./restore-update";
import type { ExtractedText } from "./text-extraction";
import { TextExtractionError, type TextExtractor } from "./text-extractor";

/** A job as the worker receives it. */
export interface ExtractionJob {
  id: number;
  state: Uint8Array;
  /** Instead of reading the state: build the edit that restores this version (see buildRestoreUpdate). */
  restore?: RestoreRequest;
  /** Instead of reading the state: compare two Lexical states (see diffDocuments). */
  diff?: { from: unknown; to: unknown };
  /** Instead of reading the state: read an imported file as a Lexical state (see convertImport). */
  importFile?: ImportRequest;
}

/** A file to import and the reader it goes to. */
export interface ImportRequest {
  format: ImportFormat;
  bytes: Uint8Array;
}

/** What a job answers. */
type JobValue = ExtractedText | RestoreBuild | DocumentDiff | ImportConversion;

/** A version's Lexical JSON, and the one top-level block of it to restore (all when absent). */
export interface RestoreRequest {
  versionJson: unknown;
  blockIndex?: number;
}

/** What the worker posts back: once `ready` after loading, then one `result` per job. */
export type ExtractionReply =
  | { type: "ready" }
  | { type: "result"; id: number; ok: true; value: JobValue }
  | { type: "result"; id: number; ok: false; error: string };

export interface WorkerTextExtractorOptions {
  /** A job running longer is abandoned: its worker is terminated and a fresh one takes the next job. */
  timeoutMs?: number;
  /** Heap limits of the worker: a document that needs more takes down the worker, not the server. */
  resourceLimits?: ResourceLimits;
  logger?: Logger;
}

interface Job extends ExtractionJob {
  resolve(value: JobValue): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** The job the worker is running; jobs are handed over one at a time. */
  running?: { job: Job; timer: NodeJS.Timeout };
  /** Set by the worker's 'error' event, reported when it exits. */
  failure?: Error;
}

const workerEntry = new URL("./text-extraction.worker.mjs", import.meta.url);

/**
 * The text extractor on a worker thread: jobs wait in a queue and go to the worker one at a time.
 * The worker starts with the first job. A job that runs past the timeout terminates the worker; a
 * worker that dies (an uncaught error, out of memory) rejects the job it was running. Either way the
 * next job gets a new worker. A worker that dies before it is ready rejects every waiting job, so a
 * broken installation fails loudly instead of restarting in a loop.
 */
export class WorkerTextExtractor implements TextExtractor {
  private readonly timeoutMs: number;
  private readonly queue: Job[] = [];
  private thread: Thread | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerTextExtractorOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  extract(state: Uint8Array): Promise<ExtractedText> {
    return this.run({ state }) as Promise<ExtractedText>;
  }

  /** Builds, on the worker, the forward edit that restores a version on top of `state` (buildRestoreUpdate). */
  buildRestore(state: Uint8Array, restore: RestoreRequest): Promise<RestoreBuild> {
    return this.run({ state, restore }) as Promise<RestoreBuild>;
  }

  /** Compares two Lexical states on the worker (diffDocuments: a fully rewritten 1 MB text takes about half a second). */
  diff(from: unknown, to: unknown): Promise<DocumentDiff> {
    return this.run({ state: new Uint8Array(), diff: { from, to } }) as Promise<DocumentDiff>;
  }

  /** Reads an imported file (DOCX or Markdown) as a Lexical state on the worker, or says why it will not (convertImport). */
  convertImport(request: ImportRequest): Promise<ImportConversion> {
    return this.run({ state: new Uint8Array(), importFile: request }) as Promise<ImportConversion>;
  }

  private run(spec: Omit<ExtractionJob, "id">): Promise<JobValue> {
    if (this.closed) return Promise.reject(new TextExtractionError("closed", "the text extractor is closed"));
    return new Promise<JobValue>((resolve, reject) => {
      this.queue.push({ ...spec, id: this.nextId++, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const closedError = () =>
      new TextExtractionError("closed", "the text extractor closed before the job ran");
    for (const job of this.queue.splice(0)) job.reject(closedError());
    const thread = this.thread;
    this.thread = undefined;
    if (!thread) return;
    if (thread.running) {
      clearTimeout(thread.running.timer);
      thread.running.job.reject(closedError());
    }
    await thread.worker.terminate();
  }

  /** Hands the next job to the worker when it is free, starting a worker when there is none. */
  private pump(): void {
    if (this.closed || this.queue.length === 0) return;
    const thread = this.thread ?? this.start();
    if (!thread.ready || thread.running) return;
    const job = this.queue.shift() as Job;
    const timer = setTimeout(() => this.timeOut(thread), this.timeoutMs);
    thread.running = { job, timer };
    thread.worker.ref();
    thread.worker.postMessage({
      id: job.id,
      state: job.state,
      restore: job.restore,
      diff: job.diff,
      importFile: job.importFile,
    } satisfies ExtractionJob);
  }

  private start(): Thread {
    // The entry registers tsx itself; inheriting the parent's loader flags would register it twice.
    const worker = new Worker(workerEntry, {
      execArgv: [],
      resourceLimits: this.options.resourceLimits,
      name: "text-extraction",
    });
    const thread: Thread = { worker, ready: false };
    this.thread = thread;
    worker.on("message", (reply: ExtractionReply) => this.onReply(thread, reply));
    worker.on("error", (error) => {
      thread.failure = error;
    });
    worker.on("exit", (code) => this.onExit(thread, code));
    return thread;
  }

  private onReply(thread: Thread, reply: ExtractionReply): void {
    if (thread !== this.thread) return;
    if (reply.type === "ready") {
      thread.ready = true;
      this.pump();
      return;
    }
    const running = thread.running;
    if (!running || running.job.id !== reply.id) return;
    clearTimeout(running.timer);
    thread.running = undefined;
    if (reply.ok) running.job.resolve(reply.value);
    else running.job.reject(new TextExtractionError("failed", reply.error));
    // An idle worker must not keep the process alive (a script or test that never calls close()).
    if (this.queue.length === 0) thread.worker.unref();
    this.pump();
  }

  private timeOut(thread: Thread): void {
    if (thread !== this.thread || !thread.running) return;
    const { job } = thread.running;
    thread.running = undefined;
    this.thread = undefined;
    this.options.logger?.warn("text extraction timed out; restarting its worker", {
      timeoutMs: this.timeoutMs,
    });
    job.reject(
      new TextExtractionError(
        "timeout",
        `text extraction took longer than ${this.timeoutMs} ms; its worker was restarted`,
      ),
    );
    void thread.worker.terminate();
    this.pump();
  }

  private onExit(thread: Thread, code: number): void {
    if (thread !== this.thread) return;
    this.thread = undefined;
    const cause = thread.failure ? `${thread.failure.message}` : `exit code ${code}`;
    this.options.logger?.error("text extraction worker stopped", { cause, ready: thread.ready });
    if (thread.running) {
      clearTimeout(thread.running.timer);
      thread.running.job.reject(
        new TextExtractionError("crashed", `the text extraction worker stopped during this job (${cause})`),
      );
    }
    if (!thread.ready) {
      for (const job of this.queue.splice(0))
        job.reject(new TextExtractionError("crashed", `the text extraction worker did not start (${cause})`));
      return;
    }
    this.pump();
  }
}
