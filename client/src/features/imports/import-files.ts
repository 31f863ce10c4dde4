import {
  IMPORT_LIMITS,
  type ImportRefusal,
  importExtensions,
  importRefusals,
} from "../../../../shared/schemas/imports";
import { ApiError } from "../../api/client";

/** For a file input's `accept`: ".docx,.md,.markdown". */
export const importAccept = importExtensions.join(",");

/**
 * Why a file is refused before it is sent, if it is: a name without an accepted extension, or more bytes than the
 * server takes. The server checks both again (and the content); this spares the upload and gives the same words.
 */
export function refusalBeforeUpload(file: { name: string; size: number }): ImportRefusal | undefined {
  const name = file.name.toLowerCase();
  if (!importExtensions.some((extension) => name.endsWith(extension))) return "unsupported_type";
  if (file.size > IMPORT_LIMITS.maxFileBytes) return "too_large";
  return undefined;
}

const isRefusal = (value: unknown): value is ImportRefusal =>
  typeof value === "string" && (importRefusals as readonly string[]).includes(value);

/**
 * The refusal a failed upload carries: the server's `reason`, else what a 413 or 415 without one means (a proxy
 * in front of the server may answer those itself). Undefined for other failures (no access, no network…).
 */
export function refusalOf(error: unknown): ImportRefusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (isRefusal(error.reason)) return error.reason;
  if (error.status === 413) return "too_large";
  if (error.status === 415) return "unsupported_type";
  return undefined;
}

/** Whether a drag carries files (and not text or a link dragged inside the page). */
export function carriesFiles(dataTransfer: DataTransfer | null): boolean {
  return Boolean(dataTransfer && Array.from(dataTransfer.types).includes("Files"));
}
