import type { ExtractedText } from "./text-extraction";

/**
 * Reads stored documents as text, away from the event loop that serves the sockets: the settled
 * pipeline and the handbook's live chapter text go through it.
 */
export interface TextExtractor {
  /** Reads a document's stored state (Y.encodeStateAsUpdate) as the client would see it. */
  extract(state: Uint8Array): Promise<ExtractedText>;
  /** Stops the extractor; jobs still waiting or running reject. */
  close(): Promise<void>;
}

/** Why a job did not give a result: the extraction threw, ran too long, took its worker down, or the extractor closed. */
export type TextExtractionFailure = "failed" | "timeout" | "crashed" | "closed";

/** A job of the text extractor that gave no result. */
export class TextExtractionError extends Error {
  constructor(
    readonly reason: TextExtractionFailure,
    message: string,
  ) {
    super(message);
    this.name = "TextExtractionError";
  }
}
