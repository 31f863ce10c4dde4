import { useEffect, useEffectEvent, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { carriesFiles } from "./import-files";

/**
 * Takes files dropped anywhere on the screen, and shows "Laat los om te importeren" while they are dragged over
 * it. The listeners sit on the window in the capture phase, so a drop on the editor or on an open dialog's
 * backdrop is ours too, and never makes the browser leave the app to show the file. Text and links dragged
 * inside the page pass untouched. Pointer only: the import dialog's file picker is the keyboard's way.
 */
export function FileDropOverlay({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation("imports");
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every element crossed; the count reaches 0 when the drag leaves the window.
  const depth = useRef(0);
  const dropped = useEffectEvent(onFiles);

  useEffect(() => {
    const onDragEnter = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth.current += 1;
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.stopPropagation();
      depth.current = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length > 0) dropped(files);
    };
    const onDragEnd = () => {
      depth.current = 0;
      setDragging(false);
    };
    const listeners = [
      ["dragenter", onDragEnter],
      ["dragleave", onDragLeave],
      ["dragover", onDragOver],
      ["drop", onDrop],
      ["dragend", onDragEnd],
    ] as const;
    for (const [type, listener] of listeners) window.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener, true);
    };
  }, []);

  if (!dragging) return null;
  // On the body, above everything (an open dialog too); it never takes the pointer, so the drag events reach
  // the elements below it and the window.
  return createPortal(
    <div className="file-drop-overlay">
      <div className="file-drop-overlay__panel">
        <p className="file-drop-overlay__title">{t("drop.release")}</p>
        <p className="file-drop-overlay__formats">{t("drop.formats")}</p>
      </div>
    </div>,
    document.body,
  );
}
