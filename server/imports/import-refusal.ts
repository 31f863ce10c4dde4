import type { ImportRefusal } from "../../shared/schemas/imports";

/** A file the import will not read, and why: nothing is created for it. */
export class ImportRefusedError extends Error {
  override name = "ImportRefusedError";
  constructor(
    readonly reason: ImportRefusal,
    /** What is wrong, in words for the API caller (the file name is added by the caller). */
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The HTTP status of a refusal: too large 413, not a type we read 415, the rest 422. */
export function refusalStatus(reason: ImportRefusal): 413 | 415 | 422 {
  if (reason === "too_large") return 413;
  if (reason === "unsupported_type") return 415;
  return 422;
}
