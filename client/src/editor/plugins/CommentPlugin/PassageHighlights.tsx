import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { createDOMRange, createRectsFromDOMRange } from "@lexical/selection";
import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import { $resolvePassage, $textBetween } from "./anchor-mapping";
import type { CommentBridge, PassageState } from "./comment-bridge";

interface HighlightRect {
  threadId: string;
  top: number;
  left: number;
  width: number;
  height: number;
}

/**
 * Draws the open passages as rectangles in a layer over the editor (never inside Lexical's DOM,
 * never in the document), recomputed from the relative positions after every change of the text,
 * and reports which passages are gone. A click on highlighted text focuses its thread.
 */
export function PassageHighlights({ bridge, doc }: { bridge: CommentBridge; doc: Y.Doc | undefined }) {
  const [editor] = useLexicalComposerContext();
  const layerRef = useRef<HTMLDivElement>(null);
  const [rects, setRects] = useState<HighlightRect[]>([]);
  const bridgeRef = useRef(bridge);
  bridgeRef.current = bridge;
  const { passages } = bridge;

  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const layer = layerRef.current;
      if (!layer) return;
      const origin = layer.getBoundingClientRect();
      const next: HighlightRect[] = [];
      const states = new Map<string, PassageState>();
      // "latest": never flush Lexical's pending update from here — committing it mid-way through its
      // own selection handling can drop the selection a keystroke just made.
      editor.read("latest", () => {
        for (const passage of passages) {
          const points = $resolvePassage(doc, passage.start, passage.end);
          const text = points ? $textBetween(points.start, points.end) : null;
          states.set(passage.id, { outdated: text === null, currentQuote: text });
          if (!points || text === null || passage.resolved) continue;
          const range = createDOMRange(
            editor,
            points.start.node,
            points.start.offset,
            points.end.node,
            points.end.offset,
          );
          if (!range) continue;
          for (const rect of createRectsFromDOMRange(editor, range)) {
            next.push({
              threadId: passage.id,
              top: rect.top - origin.top,
              left: rect.left - origin.left,
              width: rect.width,
              height: rect.height,
            });
          }
        }
      });
      setRects(next);
      bridgeRef.current.reportPassages(states);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    const unregister = editor.registerUpdateListener(schedule);
    const root = editor.getRootElement();
    const resize = new ResizeObserver(schedule);
    if (root) resize.observe(root);
    window.addEventListener("resize", schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      unregister();
      resize.disconnect();
      window.removeEventListener("resize", schedule);
    };
  }, [editor, doc, passages]);

  // Highlights let clicks through to the text (editors keep placing the caret); a plain click
  // on highlighted text, without selecting, opens the thread.
  useEffect(() => {
    const root = editor.getRootElement();
    const layer = layerRef.current;
    if (!root || !layer) return;
    const onClick = (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const origin = layer.getBoundingClientRect();
      const x = event.clientX - origin.left;
      const y = event.clientY - origin.top;
      const hit = rects.find(
        (r) => x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height,
      );
      if (hit) bridgeRef.current.focusThread(hit.threadId);
    };
    root.addEventListener("click", onClick);
    return () => root.removeEventListener("click", onClick);
  }, [editor, rects]);

  return (
    <div ref={layerRef} className="comment-highlights" aria-hidden="true">
      {rects.map((rect, index) => (
        <div
          // Rectangles of one passage share its id; their order is stable within a measurement.
          // biome-ignore lint/suspicious/noArrayIndexKey: rectangles have no identity of their own
          key={`${rect.threadId}-${index}`}
          className="comment-highlight"
          data-thread-id={rect.threadId}
          data-active={rect.threadId === bridge.activeThreadId || undefined}
          style={{ top: rect.top, left: rect.left, width: rect.width, height: rect.height }}
        />
      ))}
    </div>
  );
}
