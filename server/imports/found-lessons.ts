import { $createListNode, $isListItemNode, $isListNode, type ListNode } from "@lexical/list";
import { $isHeadingNode } from "@lexical/rich-text";
import {
  $getRoot,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from "lexical";
import { $createLessonNode } from "../../shared/editor/lesson-node";
import type { LessonKind } from "../../shared/lessons";
import type { FoundLesson } from "../../shared/schemas/imports";

/** Words that open a lesson ("Valkuil: …"), Dutch and English, any case; longest first. */
const LESSON_WORDS: ReadonlyArray<[string, LessonKind]> = [
  ["niet doen", "dont"],
  ["success factor", "success_factor"],
  ["succesfactor", "success_factor"],
  ["bottleneck", "bottleneck"],
  ["knelpunt", "bottleneck"],
  ["valkuil", "pitfall"],
  ["pitfall", "pitfall"],
  ["don't", "dont"],
  ["don’t", "dont"],
  ["dont", "dont"],
  ["doe", "do"],
  ["do", "do"],
];

/** Section headings under which every paragraph and list item is a lesson: the handbook export's own. */
const SECTION_HEADINGS: Record<string, LessonKind> = {
  valkuilen: "pitfall",
  knelpunten: "bottleneck",
  succesfactoren: "success_factor",
  doe: "do",
  "niet doen": "dont",
  pitfalls: "pitfall",
  bottlenecks: "bottleneck",
  "success factors": "success_factor",
  "do's": "do",
  dos: "do",
  "don'ts": "dont",
  "don’ts": "dont",
  donts: "dont",
};

/** The lesson a text opens with ("Valkuil: te laat betrekken" → pitfall, 9 characters of prefix). */
export function lessonPrefix(text: string): { kind: LessonKind; length: number } | undefined {
  const lower = text.toLowerCase();
  const lead = lower.length - lower.trimStart().length;
  for (const [word, kind] of LESSON_WORDS) {
    if (!lower.startsWith(word, lead)) continue;
    const rest = lower.slice(lead + word.length).match(/^\s*:\s*/);
    if (rest) return { kind, length: lead + word.length + rest[0].length };
  }
  return undefined;
}

const sectionKind = (heading: string): LessonKind | undefined =>
  SECTION_HEADINGS[heading.trim().replace(/:$/, "").trim().toLowerCase()];

/**
 * Turns the root's paragraphs and top-level list items that start with a lesson word, or stand in a
 * section headed by a lesson kind ("Valkuilen", as the handbook export writes), into lesson blocks
 * of that kind; a list is split around its lesson items. Returns the lessons it made, in order.
 */
export function $markFoundLessons(): FoundLesson[] {
  const found: FoundLesson[] = [];
  let section: LessonKind | undefined;
  for (const block of $getRoot().getChildren()) {
    if ($isHeadingNode(block)) {
      section = sectionKind(block.getTextContent());
      continue;
    }
    if ($isParagraphNode(block)) {
      const lesson = $lessonFrom(block, section);
      if (lesson) {
        block.replace(lesson.node);
        found.push(lesson.found);
      }
      continue;
    }
    if ($isListNode(block) && block.getListType() !== "check")
      found.push(...$splitListAtLessons(block, section));
  }
  return found;
}

/** A lesson block holding `block`'s content without its lesson word, when it is one. */
function $lessonFrom(
  block: ElementNode,
  section: LessonKind | undefined,
): { node: ElementNode; found: FoundLesson } | undefined {
  const text = block.getTextContent();
  if (text.trim() === "") return undefined;
  const prefix = lessonPrefix(text);
  const kind = prefix?.kind ?? section;
  if (!kind) return undefined;
  if (prefix) $dropLeadingCharacters(block, prefix.length);
  const node = $createLessonNode(kind);
  node.append(...block.getChildren());
  return { node, found: { kind, text: node.getTextContent().trim() } };
}

function $splitListAtLessons(list: ListNode, section: LessonKind | undefined): FoundLesson[] {
  const items = list.getChildren().filter($isListItemNode);
  const lessons = items.map((item) =>
    item.getChildren().some($isListNode) ? undefined : $lessonFrom(item, section),
  );
  if (!lessons.some(Boolean)) return [];
  const found: FoundLesson[] = [];
  const replacement: LexicalNode[] = [];
  let run: ListNode | undefined;
  items.forEach((item, i) => {
    const lesson = lessons[i];
    if (lesson) {
      run = undefined;
      replacement.push(lesson.node);
      found.push(lesson.found);
      return;
    }
    if (!run) {
      run = $createListNode(list.getListType(), list.getStart() + i);
      replacement.push(run);
    }
    run.append(item);
  });
  let anchor: LexicalNode = list;
  for (const node of replacement) {
    anchor.insertAfter(node);
    anchor = node;
  }
  list.remove();
  return found;
}

/** Removes the first `count` characters of an element's text (a bold "Valkuil:" run goes whole). */
function $dropLeadingCharacters(element: ElementNode, count: number): void {
  let left = count;
  const texts: LexicalNode[] = [];
  const collect = (node: LexicalNode) => {
    if ($isTextNode(node)) texts.push(node);
    else if ($isElementNode(node)) for (const child of node.getChildren()) collect(child);
  };
  collect(element);
  for (const node of texts) {
    if (left <= 0 || !$isTextNode(node)) break;
    const content = node.getTextContent();
    if (content.length <= left) {
      left -= content.length;
      node.remove();
    } else {
      node.setTextContent(content.slice(left));
      left = 0;
    }
  }
}
