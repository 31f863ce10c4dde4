import type { Logger } from "../logger";
import { type ExtractedText, extractDocumentText } from "./text-extraction";

/** What every consumer of a settled document gets: the text read once, shared by all. */
export interface SettledDocument {
  documentId: string;
  lastEditorUserId: string;
  extracted: ExtractedText;
}

/** A consumer of settled documents (saving the text for listings, lessons, the search index …). */
export type SettledDocumentConsumer = (settled: SettledDocument) => Promise<void>;

/**
 * The single hook behind the collaboration server's debounced `onDocumentSettled`: reads the
 * Y.Doc once with the headless editor and hands the result to each registered consumer in order.
 * One consumer failing is logged and does not stop the others.
 */
export class DocumentSettledPipeline {
  private readonly consumers: Array<{ name: string; consume: SettledDocumentConsumer }> = [];

  constructor(private readonly logger: Logger) {}

  /** Adds a consumer; later issues (lessons, search) register theirs here. */
  use(name: string, consume: SettledDocumentConsumer): this {
    this.consumers.push({ name, consume });
    return this;
  }

  /** Matches the collaboration server's DocumentSettledListener signature. */
  readonly handle = async (documentId: string, state: Uint8Array, lastEditorUserId: string): Promise<void> => {
    let extracted: ExtractedText;
    try {
      extracted = extractDocumentText(state);
    } catch (error) {
      this.logger.error("text extraction failed", { documentId, error: (error as Error).message });
      return;
    }
    for (const { name, consume } of this.consumers) {
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
  };
}
