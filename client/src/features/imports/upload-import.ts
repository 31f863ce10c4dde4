import type { CreateDocumentRequest } from "../../../../shared/schemas/documents";
import { type ImportResponse, importResponse } from "../../../../shared/schemas/imports";
import { ApiError, apiErrorOf, parseJsonText } from "../../api/client";

/** Where an upload is: sending the file (with the part sent, 0..1), then waiting while the server reads it. */
export type ImportProgress = { stage: "uploading"; fraction: number } | { stage: "processing" };

/** The form fields beside the file: the kind and its metadata as for a new document; the title is optional. */
export type ImportFields = Omit<CreateDocumentRequest, "title"> & { title?: string };

export interface ImportUpload {
  workspaceId: string;
  file: File;
  fields: ImportFields;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

export const importsPath = (workspaceId: string) =>
  `/api/workspaces/${encodeURIComponent(workspaceId)}/imports`;

/** The multipart body of one import: the file, then the fields as text (`isCentreCity` as "true"/"false"). */
export function importFormData(file: File, fields: ImportFields): FormData {
  const form = new FormData();
  form.append("file", file, file.name);
  for (const [name, value] of Object.entries(fields)) {
    // An empty optional text (a meeting without a place) is left out rather than sent as "".
    if (value === undefined || value === "") continue;
    form.append(name, typeof value === "boolean" ? String(value) : value);
  }
  return form;
}

/**
 * Uploads one file as a new document. XMLHttpRequest rather than fetch, because only it reports upload
 * progress. Resolves with the parsed answer; rejects with an ApiError (its `reason` says why a file was
 * refused), or with an AbortError when `signal` aborts.
 */
export function uploadImport({
  workspaceId,
  file,
  fields,
  onProgress,
  signal,
}: ImportUpload): Promise<ImportResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("The import was aborted.", "AbortError"));
      return;
    }
    const xhr = new XMLHttpRequest();
    const path = importsPath(workspaceId);
    xhr.open("POST", path);
    // Same origin: the session cookie travels, and the browser adds the Origin header the server requires.
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");

    // Upload listeners must be in place before send(), or the browser reports no upload progress at all.
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress?.({ stage: "uploading", fraction: Math.min(1, event.loaded / event.total) });
      }
    });
    xhr.upload.addEventListener("load", () => onProgress?.({ stage: "processing" }));

    const onAbort = () => xhr.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => signal?.removeEventListener("abort", onAbort);

    xhr.addEventListener("load", () => {
      settle();
      const json = parseJsonText(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(
          apiErrorOf(
            {
              status: xhr.status,
              statusText: xhr.statusText,
              retryAfter: xhr.getResponseHeader("Retry-After"),
            },
            json,
          ),
        );
        return;
      }
      const parsed = importResponse.safeParse(json);
      if (!parsed.success) {
        reject(new ApiError(xhr.status, "invalid_response", `Unexpected answer from POST ${path}.`));
        return;
      }
      resolve(parsed.data);
    });
    xhr.addEventListener("error", () => {
      settle();
      reject(new ApiError(0, "network_error", "The server could not be reached."));
    });
    xhr.addEventListener("abort", () => {
      settle();
      reject(new DOMException("The import was aborted.", "AbortError"));
    });

    onProgress?.({ stage: "uploading", fraction: 0 });
    xhr.send(importFormData(file, fields));
  });
}
