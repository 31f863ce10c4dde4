import type { ErrorCode } from "../../../../shared/errors";
import { ApiError } from "../../api/client";

/** The file name from `Content-Disposition: attachment; filename="…"`, or the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? fallback;
}

/**
 * Fetches an export and hands it to the browser as a download, so the page can show progress while the server
 * renders it (a plain link would give no feedback). Answers the file name.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch {
    throw new ApiError(0, "network_error", "The server could not be reached.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { code?: ErrorCode; message?: string } }
      | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? (response.status >= 500 ? "internal_error" : "validation_failed"),
      body?.error?.message ?? response.statusText,
    );
  }
  const name = fileNameFrom(response.headers.get("Content-Disposition"), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.rel = "noopener";
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; give the browser a moment before the blob goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
