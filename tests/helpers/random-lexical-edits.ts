import {
  $createParagraphNode,
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $setSelection,
  type RangeSelection,
} from "lexical";
import * as prng from "lib0/prng";
import { $applyLessonKind } from "../../client/src/editor/plugins/LessonCommands";
import { $convertLessonToParagraph, $isLessonNode, type LessonNode } from "../../shared/editor/lesson-node";
import { lessonKinds } from "../../shared/lessons";

/**
 * The random numbers one edit uses, all drawn before the edit looks at the document: a seed's stream then never
 * depends on what a client happens to hold, and positions are fractions of whatever text the client has.
 */
export interface EditDraws {
  kind: number;
  a: number;
  b: number;
  c: number;
  d: number;
  word: string;
}

const words = ["raad", "wijk", "budget", "inspraak", "planning", "de", "een", "niet", "wel", " ", " ", "."];

/** Draws one edit's numbers: always the same count from `gen`. */
export function drawEdit(gen: prng.PRNG): EditDraws {
  return {
    kind: prng.real53(gen),
    a: prng.real53(gen),
    b: prng.real53(gen),
    c: prng.real53(gen),
    d: prng.real53(gen),
    word: prng.oneOf(gen, words),
  };
}

interface Point {
  key: string;
  offset: number;
  type: "text" | "element";
}

/** Every caret position in the document's top-level blocks (an empty block has one element point). */
function $caretPoints(): Point[] {
  const points: Point[] = [];
  for (const block of $getRoot().getChildren()) {
    if (!$isElementNode(block)) continue;
    const texts = block.getAllTextNodes();
    if (texts.length === 0) points.push({ key: block.getKey(), offset: 0, type: "element" });
    for (const text of texts) {
      for (let offset = 0; offset <= text.getTextContentSize(); offset++) {
        points.push({ key: text.getKey(), offset, type: "text" });
      }
    }
  }
  return points;
}

function $select(anchor: Point, focus: Point): RangeSelection {
  const selection = $createRangeSelection();
  selection.anchor.set(anchor.key, anchor.offset, anchor.type);
  selection.focus.set(focus.key, focus.offset, focus.type);
  $setSelection(selection);
  return selection;
}

function $lessons(): LessonNode[] {
  return $getRoot().getChildren().filter($isLessonNode);
}

export interface RandomEditOptions {
  /** Text a typing edit inserts (read-only clients pass a marker that must never reach anyone). */
  text: string;
  /** Theme ids a lesson may get. */
  themeIds: readonly string[];
  /** Above this many characters, typing turns into deleting, so the document stays a reasonable size. */
  maxChars: number;
}

/** One edit, decided: what it will do (for the failure trace) and doing it. */
export interface PlannedEdit {
  description: string;
  apply(): void;
}

/**
 * One random edit of the kinds people make — typing, deleting a range (across blocks too), bold/italic on a
 * range, Enter, Backspace, the lesson command, a lesson's kind or themes, a lesson back to a paragraph —
 * through Lexical selections, as the editor's commands do. Runs inside `editor.update`; the description is
 * known before `apply`, so an edit Lexical rejects is still named in the trace.
 */
export function $randomEdit(draws: EditDraws, options: RandomEditOptions): PlannedEdit {
  const root = $getRoot();
  const edit = (description: string, apply: () => void): PlannedEdit => ({ description, apply });
  if (root.getChildrenSize() === 0) {
    return edit("add a paragraph to an empty root", () => root.append($createParagraphNode()));
  }
  const points = $caretPoints();
  const at = (fraction: number) => Math.min(points.length - 1, Math.floor(fraction * points.length));
  const i = at(draws.a);
  const where = `${i}/${points.length}`;
  let kind = draws.kind;
  if (kind < 0.34 && root.getTextContentSize() > options.maxChars) kind = 0.4;
  const lessons = $lessons();
  if (kind >= 0.84 && kind < 0.96 && lessons.length === 0) kind = 0.8;

  if (kind < 0.34) {
    return edit(`type ${JSON.stringify(options.text)} at ${where}`, () =>
      $select(points[i], points[i]).insertText(options.text),
    );
  }
  if (kind < 0.54) {
    const j = Math.min(points.length - 1, i + 1 + Math.floor(draws.b * 12));
    const backward = draws.c >= 0.5;
    return edit(`delete ${i}..${j}/${points.length}${backward ? " (backward selection)" : ""}`, () =>
      (backward ? $select(points[j], points[i]) : $select(points[i], points[j])).removeText(),
    );
  }
  if (kind < 0.66) {
    const j = Math.min(points.length - 1, i + 1 + Math.floor(draws.b * 30));
    const format = draws.c < 0.5 ? "bold" : "italic";
    return edit(`toggle ${format} on ${i}..${j}/${points.length}`, () =>
      $select(points[i], points[j]).formatText(format),
    );
  }
  if (kind < 0.76) {
    return edit(`split at ${where}`, () => $select(points[i], points[i]).insertParagraph());
  }
  if (kind < 0.84) {
    const lessonKind = lessonKinds[Math.floor(draws.b * lessonKinds.length)];
    return edit(`lesson command ${lessonKind} at ${where}`, () => {
      $select(points[i], points[i]);
      $applyLessonKind(lessonKind);
    });
  }
  const lesson = lessons[Math.min(lessons.length - 1, Math.floor(draws.a * lessons.length))];
  if (kind < 0.93) {
    if (draws.c < 0.5) {
      const lessonKind = lessonKinds[Math.floor(draws.b * lessonKinds.length)];
      return edit(`lesson ${lesson.getLessonId()} kind ${lessonKind}`, () => lesson.setKind(lessonKind));
    }
    const bits = Math.floor(draws.d * 2 ** options.themeIds.length);
    const themes = options.themeIds.filter((_, k) => (bits >> k) & 1);
    return edit(`lesson ${lesson.getLessonId()} themes ${themes.length}`, () => lesson.setThemes(themes));
  }
  if (kind < 0.96) {
    return edit(`lesson ${lesson.getLessonId()} back to a paragraph`, () => $convertLessonToParagraph(lesson));
  }
  // Backspace (RangeSelection.deleteCharacter needs a DOM): at a lesson's start the lesson turns into a paragraph,
  // as LessonNode.collapseAtStart does for the editor; elsewhere one position goes, joining blocks at a block start.
  return edit(`backspace at ${where}`, () => {
    const selection = $select(points[i], points[i]);
    const block = selection.anchor.getNode().getTopLevelElement();
    if ($isLessonNode(block) && selection.anchor.offset === 0 && block.getFirstDescendant()?.getKey() === points[i].key) {
      block.collapseAtStart();
    } else {
      $select(points[Math.max(0, i - 1)], points[i]).removeText();
    }
  });
}
