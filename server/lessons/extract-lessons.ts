import { type LessonKind, lessonKinds } from "../../shared/lessons";

/** A lesson block as found in a document's Lexical JSON. */
export interface ExtractedLesson {
  id: string;
  kind: LessonKind;
  themeIds: string[];
  text: string;
  /** Order of the block in the document, from 0. */
  position: number;
}

interface JsonNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
  lessonId?: unknown;
  kind?: unknown;
  themes?: unknown;
}

const validId = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * Walks a serialized Lexical editor state and returns its lesson blocks in document order.
 * Blocks with a malformed id or kind are skipped; a repeated id (a pasted copy) keeps its first block.
 */
export function extractLessons(editorState: unknown): ExtractedLesson[] {
  const root = (editorState as { root?: JsonNode } | null)?.root;
  const found: ExtractedLesson[] = [];
  const seen = new Set<string>();
  const visit = (node: JsonNode) => {
    if (node.type === "lesson") {
      const id = typeof node.lessonId === "string" ? node.lessonId : "";
      const kind = lessonKinds.find((k) => k === node.kind);
      if (validId.test(id) && kind && !seen.has(id)) {
        seen.add(id);
        const themeIds = Array.isArray(node.themes) ? node.themes.filter((t): t is string => typeof t === "string") : [];
        found.push({ id, kind, themeIds: [...new Set(themeIds)], text: textOf(node).trim(), position: found.length });
      }
      return;
    }
    if (Array.isArray(node.children)) for (const child of node.children) visit(child as JsonNode);
  };
  if (root) visit(root);
  return found;
}

function textOf(node: JsonNode): string {
  if (typeof node.text === "string") return node.text;
  if (node.type === "linebreak") return "\n";
  if (!Array.isArray(node.children)) return "";
  return node.children.map((c) => textOf(c as JsonNode)).join("");
}
