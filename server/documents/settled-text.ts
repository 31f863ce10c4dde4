import type { Logger } from "../logger";
import { yieldToEventLoop } from "../work-slices";
import type { ExtractedText } from "./text-extraction";
import type { TextExtractor } from "./text-extractor";

/** What every consumer of a settled document gets: the text read once, shared by all. */
export interface SettledDocument {
  documentId: string;
  lastEditorUserId: string;
  extracted: ExtractedText;
}

/** A consumer of settled documents (saving the text for listings, lessons, the search index …). */
export type SettledDocumentConsumer = (settled: SettledDocument) => Promise<void>;

interface Settle {
  state: Uint8Array;
  lastEditorUserId: string;
}

/**
 * The single hook behind the collaboration server's debounced `onDocumentSettled`: has the stored
 * state read once by the text extractor (off the event loop) and hands the result to each
 * registered consumer in order, yielding to the event loop between them. One consumer failing is
 * logged and does not stop the others.
 *
 * Settles of one document run one after another, and a settle still waiting is replaced by a newer
 * one: every settle carries the whole document, so only the latest matters, and an older state can
 * never overwrite a newer one.
 */
export class DocumentSettledPipeline {
  private readonly consumers: Array<{ name: string; consume: SettledDocumentConsumer }> = [];
  private readonly documents = new Map<string, { waiting: Settle | undefined; done: Promise<void> }>();

  constructor(
    private readonly logger: Logger,
    private readonly extractor: TextExtractor,
  ) {}

  /** Adds a consumer; later issues (lessons, search) register theirs here. */
  use(name: string, consume: SettledDocumentConsumer): this {
    this.consumers.push({ name, consume });
    return this;
  }

  /** Matches the collaboration server's DocumentSettledListener signature; resolves once this state (or a newer one) is handled. */
  readonly handle = (documentId: string, state: Uint8Array, lastEditorUserId: string): Promise<void> => {
    const current = this.documents.get(documentId);
    if (current) {
      current.waiting = { state, lastEditorUserId };
      return current.done;
    }
    const entry: { waiting: Settle | undefined; done: Promise<void> } = {
      waiting: { state, lastEditorUserId },
      done: Promise.resolve(),
    };
    entry.done = (async () => {
      try {
        for (let next = entry.waiting; next; next = entry.waiting) {
          entry.waiting = undefined;
          await this.run(documentId, next);
        }
      } finally {
        this.documents.delete(documentId);
      }
    })();
    this.documents.set(documentId, entry);
    return entry.done;
  };

  private async run(documentId: string, { state, lastEditorUserId }: Settle): Promise<void> {
    let extracted: ExtractedText;
    try {
      extracted = await this.extractor.extract(state);
    } catch (error) {
      this.logger.error("text extraction failed", { documentId, error: (error as Error).message });
      return;
    }
    for (const { name, consume } of this.consumers) {
      // With SQLite every query resolves without returning to the event loop: without this, all
      // consumers would run as one long synchronous span.
      await yieldToEventLoop();
      try {
        await consume({ documentId, lastEditorUserId, extracted });
      } catch (error) {
        this.logger.error("settled-document consumer failed", {
          documentId,
          consumer: name,
          error: (error as Error).message,
        });
      }
    }
  }
}
