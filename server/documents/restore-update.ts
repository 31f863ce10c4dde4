import {
  $createParagraphNode,
  $getRoot,
  $parseSerializedNode,
  type LexicalNode,
  type SerializedLexicalNode,
} from "lexical";
import * as Y from "yjs";
import { alignedHunks, alignSequences } from "../../shared/version-diff/align";
import { type SerializedNode, topLevelNodes } from "../../shared/version-diff/lines";
import { bindHeadlessEditor, flushEditor } from "./headless-binding";
import { type ExtractedText, extractDocumentText } from "./text-extraction";

export interface RestoreBuild {
  /** The forward edit: a Yjs update on top of the state it was built from (empty when nothing changes). */
  update: Uint8Array;
  /** Whether the edit changes anything. */
  changed: boolean;
  /** The document as it reads after the edit. */
  after: ExtractedText;
}

/** Asked for a block the version does not have. */
export class RestoreBlockError extends Error {
  override name = "RestoreBlockError";
}

/**
 * Builds the edit that brings a document back to a version's text — the whole version, or only its
 * top-level block `blockIndex` — as a Yjs update on top of the document's current `state`, made by a
 * headless editor bound the way the client binds. Top-level blocks the current text shares with the
 * version are left alone (their comments' anchors and cursors stay); the others are removed and the
 * version's are inserted in their place. Lesson blocks come back with their ids, so the lesson keeps
 * its status and stances. Runs headless Lexical: call it off the event loop that serves sockets.
 */
export function buildRestoreUpdate(
  state: Uint8Array,
  versionJson: unknown,
  blockIndex?: number,
): RestoreBuild {
  const headless = bindHeadlessEditor();
  try {
    Y.applyUpdate(headless.doc, state);
    flushEditor(headless.editor);
    const current = topLevelNodes(headless.editor.getEditorState().toJSON());
    const version = topLevelNodes(versionJson);
    if (blockIndex !== undefined && blockIndex >= version.length)
      throw new RestoreBlockError(`the version has no block ${blockIndex} (it has ${version.length})`);
    const before = Y.encodeStateVector(headless.doc);
    let changed = false;
    headless.editor.update(
      () => {
        changed =
          blockIndex === undefined
            ? $restoreWhole(current, version)
            : $restoreBlock(current, version, blockIndex);
        const root = $getRoot();
        if (root.getChildrenSize() === 0) root.append($createParagraphNode());
      },
      { discrete: true },
    );
    const update = changed ? Y.encodeStateAsUpdate(headless.doc, before) : new Uint8Array();
    return { update, changed, after: extractDocumentText(Y.encodeStateAsUpdate(headless.doc)) };
  } finally {
    headless.dispose();
  }
}

const keyOf = (node: SerializedNode) => JSON.stringify(node);

function $parse(node: SerializedNode): LexicalNode {
  return $parseSerializedNode(node as SerializedLexicalNode);
}

/** Puts `node` at the start of the root, before whatever comes first now. */
function $prepend(node: LexicalNode): void {
  const first = $getRoot().getFirstChild();
  if (first) first.insertBefore(node);
  else $getRoot().append(node);
}

function $restoreWhole(current: SerializedNode[], version: SerializedNode[]): boolean {
  const nodes = $getRoot().getChildren();
  let anchor: LexicalNode | undefined;
  let changed = false;
  for (const run of alignSequences(current.map(keyOf), version.map(keyOf))) {
    if (run.op === "same") {
      anchor = nodes[run.oldStart + run.count - 1];
      continue;
    }
    changed = true;
    if (run.op === "removed") {
      for (let i = 0; i < run.count; i++) nodes[run.oldStart + i].remove();
      continue;
    }
    for (let i = 0; i < run.count; i++) {
      const node = $parse(version[run.newStart + i]);
      if (anchor) anchor.insertAfter(node);
      else $prepend(node);
      anchor = node;
    }
  }
  return changed;
}

function $restoreBlock(current: SerializedNode[], version: SerializedNode[], index: number): boolean {
  const nodes = $getRoot().getChildren();
  const wanted = version[index];
  const runs = alignSequences(current.map(keyOf), version.map(keyOf));
  const hunk = alignedHunks(runs).find((h) => index >= h.newStart && index < h.newStart + h.newCount);
  if (!hunk || hunk.kind === "same") return false;
  const restored = $parse(wanted);
  // A lesson is one block wherever it went: bring its text back where it is now.
  const sameLesson =
    wanted.type === "lesson" && wanted.lessonId
      ? current.findIndex((node) => node.type === "lesson" && node.lessonId === wanted.lessonId)
      : -1;
  if (sameLesson >= 0) {
    nodes[sameLesson].replace(restored);
    return true;
  }
  const offset = index - hunk.newStart;
  const counterpart = hunk.oldStart + offset;
  if (offset < hunk.oldCount) {
    // Never over another lesson: that one keeps its block.
    const replaceable = current[counterpart].type === wanted.type && wanted.type !== "lesson";
    if (replaceable) nodes[counterpart].replace(restored);
    else nodes[counterpart].insertBefore(restored);
  } else if (hunk.oldStart + hunk.oldCount > 0) {
    nodes[hunk.oldStart + hunk.oldCount - 1].insertAfter(restored);
  } else {
    $prepend(restored);
  }
  return true;
}
