import { type LessonKind, lessonKinds } from "../lessons";
import type { DiffBlockType } from "../schemas/versions";

/** The part of a serialized Lexical node the diff looks at. */
export interface SerializedNode {
  type?: string;
  text?: string;
  tag?: string;
  listType?: string;
  checked?: boolean;
  kind?: string;
  lessonId?: string;
  children?: SerializedNode[];
}

/** One line of a document as the diff compares it: a paragraph, heading, quote, lesson, list item, table row or divider. */
export interface DiffLine {
  type: DiffBlockType;
  text: string;
  level?: number;
  lessonKind?: LessonKind;
  lessonId?: string;
  /** Index of the top-level block (root child) the line belongs to. */
  topIndex: number;
  /** What equality compares: type, level, lesson identity and text. */
  key: string;
}

/** The top-level blocks of a serialized editor state (its root's children). */
export function topLevelNodes(lexicalJson: unknown): SerializedNode[] {
  const root = (lexicalJson as { root?: SerializedNode } | null | undefined)?.root;
  return Array.isArray(root?.children) ? root.children : [];
}

function textOf(node: SerializedNode): string {
  if (node.type === "linebreak") return "\n";
  if (node.type === "tab") return "\t";
  if (typeof node.text === "string") return node.text;
  return (node.children ?? []).map(textOf).join("");
}

function line(type: DiffBlockType, text: string, topIndex: number, extra: Partial<DiffLine> = {}): DiffLine {
  const identity = extra.lessonId ? `${extra.lessonKind}:${extra.lessonId}` : (extra.level ?? "");
  return { type, text, topIndex, ...extra, key: `${type}|${identity}|${text}` };
}

function linesOfList(list: SerializedNode, topIndex: number): DiffLine[] {
  const check = list.listType === "check";
  return (list.children ?? []).flatMap((item) => {
    const nested = (item.children ?? []).filter((c) => c.type === "list");
    const own = textOf({ children: (item.children ?? []).filter((c) => c.type !== "list") }).trim();
    const mine = own
      ? [
          check
            ? line("checkItem", `${item.checked === true ? "☑" : "☐"} ${own}`, topIndex)
            : line("listItem", own, topIndex),
        ]
      : [];
    return [...mine, ...nested.flatMap((n) => linesOfList(n, topIndex))];
  });
}

function linesOf(node: SerializedNode, topIndex: number): DiffLine[] {
  switch (node.type) {
    case "list":
      return linesOfList(node, topIndex);
    case "table":
      return (node.children ?? [])
        .map((row) =>
          (row.children ?? []).map((cell) => textOf(cell).replace(/\s+/g, " ").trim()).join(" · "),
        )
        .filter((text) => text.replace(/[ ·]/g, "") !== "")
        .map((text) => line("table", text, topIndex));
    case "horizontalrule":
      return [line("rule", "———", topIndex)];
    case "heading": {
      const text = textOf(node).trim();
      const level = Number(/^h([1-6])$/.exec(node.tag ?? "")?.[1] ?? 2);
      return text ? [line("heading", text, topIndex, { level })] : [];
    }
    case "quote": {
      const text = textOf(node).trim();
      return text ? [line("quote", text, topIndex)] : [];
    }
    case "lesson": {
      const text = textOf(node).trim();
      const lessonKind = lessonKinds.find((k) => k === node.kind) ?? "do";
      return [line("lesson", text, topIndex, { lessonKind, lessonId: node.lessonId || undefined })];
    }
    default: {
      const text = textOf(node).trim();
      return text ? [line("paragraph", text, topIndex)] : [];
    }
  }
}

/** A document's lines in reading order: list items and table rows each a line, empty paragraphs left out. */
export function documentLines(lexicalJson: unknown): DiffLine[] {
  return topLevelNodes(lexicalJson).flatMap((node, index) => linesOf(node, index));
}
