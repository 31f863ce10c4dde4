import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import type { ImportRefusal, ImportResponse } from "../../../../shared/schemas/imports";
import { documentKeys } from "../documents/document-queries";
import { lessonKeys } from "../lessons/lesson-queries";
import { refusalBeforeUpload, refusalOf } from "./import-files";
import { type ImportFields, uploadImport } from "./upload-import";

/** Where one file of an import is. */
export type ImportItemState =
  | { status: "waiting" }
  | { status: "uploading"; fraction: number }
  | { status: "processing" }
  | { status: "imported"; result: ImportResponse }
  /** Refused before upload or by the server: nothing was created. */
  | { status: "refused"; refusal: ImportRefusal }
  /** Failed for another reason (no access, no network, a server error). */
  | { status: "failed"; error: unknown };

export interface ImportItem {
  id: string;
  file: File;
  state: ImportItemState;
}

export type ImportRun = "idle" | "running" | "stopping";

let nextItemId = 0;

/**
 * The files of an import and their states. `run` imports the waiting files one after another (one request
 * each, as the server takes one file per request); `stop` lets the current file finish and leaves the rest
 * waiting. Each created document refreshes the sidebar's document list and the lessons.
 */
export function useImportQueue(workspaceId: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<ImportItem[]>([]);
  const [run, setRun] = useState<ImportRun>("idle");
  const [stopped, setStopped] = useState(false);
  /** Whether an import has run since the last clear (before one, refusals are only the picker's). */
  const [ran, setRan] = useState(false);
  /** Which file of the running import is being sent or read (1-based), of how many. */
  const [position, setPosition] = useState<{ current: number; total: number }>();
  const stopRequested = useRef(false);
  const running = useRef(false);

  const update = useCallback((id: string, state: ImportItemState) => {
    setItems((current) => current.map((item) => (item.id === id ? { ...item, state } : item)));
  }, []);

  /** Adds files; one the server would refuse by its name or size is refused at once, without a request. */
  const add = useCallback((files: readonly File[]) => {
    const added = files.map((file): ImportItem => {
      const refusal = refusalBeforeUpload(file);
      nextItemId += 1;
      return {
        id: `import-${nextItemId}`,
        file,
        state: refusal ? { status: "refused", refusal } : { status: "waiting" },
      };
    });
    setItems((current) => [...current, ...added]);
  }, []);

  const remove = useCallback((id: string) => {
    setItems((current) => current.filter((item) => item.id !== id || item.state.status !== "waiting"));
  }, []);

  /** Forgets every file, unless an import is running. */
  const clear = useCallback(() => {
    if (running.current) return;
    setItems([]);
    setStopped(false);
    setRan(false);
  }, []);

  const importOne = async (item: ImportItem, fields: ImportFields) => {
    try {
      const result = await uploadImport({
        workspaceId,
        file: item.file,
        fields,
        onProgress: (progress) =>
          update(
            item.id,
            progress.stage === "uploading"
              ? { status: "uploading", fraction: progress.fraction }
              : { status: "processing" },
          ),
      });
      update(item.id, { status: "imported", result });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists(workspaceId) });
      if (result.lessonsFound.length > 0)
        void queryClient.invalidateQueries({ queryKey: lessonKeys.all(workspaceId) });
    } catch (error) {
      const refusal = refusalOf(error);
      update(item.id, refusal ? { status: "refused", refusal } : { status: "failed", error });
    }
  };

  /** Imports the files waiting now, in order, with the same kind and metadata for each. */
  const start = async (fields: ImportFields) => {
    if (running.current) return;
    const waiting = items.filter((item) => item.state.status === "waiting");
    if (waiting.length === 0) return;
    running.current = true;
    stopRequested.current = false;
    setStopped(false);
    setRan(true);
    setRun("running");
    let left = waiting.length;
    try {
      for (const [index, item] of waiting.entries()) {
        if (stopRequested.current) break;
        setPosition({ current: index + 1, total: waiting.length });
        await importOne(item, fields);
        left -= 1;
      }
    } finally {
      running.current = false;
      // "Stopped" only when files were left waiting, not when the stop came during the last one.
      setStopped(left > 0);
      setPosition(undefined);
      setRun("idle");
    }
  };

  const stop = useCallback(() => {
    if (!running.current) return;
    stopRequested.current = true;
    setRun("stopping");
  }, []);

  return { items, run, position, stopped, ran, add, remove, clear, start, stop };
}

export type ImportQueue = ReturnType<typeof useImportQueue>;
