import { CLOSE_CODES } from "../../shared/close-codes";
import { MalformedFrameError } from "./protocol";
import { MissingDependenciesError } from "./update-check";

/** Raised when an update would make the document larger than allowed. */
export class DocumentTooLargeError extends Error {
  override name = "DocumentTooLargeError";
}

/** Raised for work on a room whose document no longer matches the store (it is being reloaded). */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
}

/** How a socket is closed when its update failed: each failure with its documented close code. */
export function closeFor(error: unknown): { code: number; reason: string } {
  if (error instanceof DocumentTooLargeError)
    return { code: CLOSE_CODES.documentTooLarge, reason: "document too large" };
  if (error instanceof MalformedFrameError)
    return { code: CLOSE_CODES.malformed, reason: "malformed update" };
  if (error instanceof MissingDependenciesError)
    return { code: CLOSE_CODES.resyncNeeded, reason: "update depends on missing content" };
  if (error instanceof StoreUnavailableError)
    return { code: CLOSE_CODES.storeUnavailable, reason: "update could not be stored" };
  return { code: 1011, reason: "update could not be stored" };
}
