import { $createLinkNode } from "@lexical/link";
import { $createListItemNode, $createListNode } from "@lexical/list";
import { $createHeadingNode, $createQuoteNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot, type ElementNode } from "lexical";
import * as Y from "yjs";
import type { Themawerk } from "../../server/compose";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { insertTheme } from "../../server/modules/themes/themes.repo";
import { lessonKinds } from "../../shared/lessons";
import { $createLessonNode } from "../../shared/editor";

const words = (
  "gemeente werkgroep dienstenwijzer inwoners regio aanpak budget wethouder ambtenaren uitvoering " +
  "samenwerking buurgemeenten centrumstad expertise beleid casus knelpunt ervaring overleg planning " +
  "wijkteam jeugdzorg schuldhulp participatie evaluatie toezicht bestuur contract inkoop loket"
).split(" ");

/** A seeded pseudo-random source (same seed, same document). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function sentence(next: () => number): string {
  const n = 8 + Math.floor(next() * 12);
  const picked = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]);
  const text = picked.join(" ");
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export interface RealisticDocument {
  /** The document as one Y.Doc update, written by a headless Lexical editor with the shared node list. */
  update: Uint8Array;
  /** The lesson ids, in document order. */
  lessonIds: string[];
}

/**
 * A case document as a working group writes one: a title, section headings, paragraphs of a few
 * sentences with bold, italic and links, bullet lists, quotes, and lesson blocks with themes.
 */
export function realisticDocument(
  options: { paragraphs?: number; lessons?: number; themeIds?: string[]; seed?: number } = {},
): RealisticDocument {
  const paragraphs = options.paragraphs ?? 300;
  const lessons = options.lessons ?? 50;
  const themeIds = options.themeIds ?? [];
  const next = random(options.seed ?? 7);
  const lessonIds: string[] = [];
  const lessonEvery = Math.max(1, Math.floor(paragraphs / Math.max(1, lessons)));
  const update = encodeDocumentUpdate(() => {
    const root = $getRoot().clear();
    root.append($createHeadingNode("h1").append($createTextNode("Casus Teststad: de dienstenwijzer")));
    let lessonCount = 0;
    for (let p = 0; p < paragraphs; p++) {
      if (p % 25 === 0) root.append($createHeadingNode("h2").append($createTextNode(sentence(next))));
      const paragraph = $createParagraphNode();
      appendSentences(paragraph, next);
      root.append(paragraph);
      if (p % 40 === 20) {
        const list = $createListNode("bullet");
        for (let i = 0; i < 4; i++) list.append($createListItemNode().append($createTextNode(sentence(next))));
        root.append(list);
      }
      if (p % 60 === 30) root.append($createQuoteNode().append($createTextNode(`“${sentence(next)}”`)));
      if (lessonCount < lessons && p % lessonEvery === lessonEvery - 1) {
        const themes = themeIds.length ? [themeIds[lessonCount % themeIds.length]] : [];
        const lesson = $createLessonNode(lessonKinds[lessonCount % lessonKinds.length], themes);
        lesson.append($createTextNode(`${sentence(next)} ${sentence(next)}`));
        root.append(lesson);
        lessonIds.push(lesson.getLessonId());
        lessonCount++;
      }
    }
  });
  return { update, lessonIds };
}

function appendSentences(block: ElementNode, next: () => number): void {
  const count = 2 + Math.floor(next() * 4);
  for (let s = 0; s < count; s++) {
    const roll = next();
    const text = `${sentence(next)} `;
    if (roll < 0.1) block.append($createTextNode(text).toggleFormat("bold"));
    else if (roll < 0.15) block.append($createTextNode(text).toggleFormat("italic"));
    else if (roll < 0.18)
      block.append($createLinkNode("https://example.org/casus").append($createTextNode(text)));
    else block.append($createTextNode(text));
  }
}

/**
 * The Y.XmlText of the `index`-th block of a type ("paragraph", "lesson" …) that ends in plain text,
 * in a document bound the way @lexical/yjs binds it: what a keystroke at the end of that block changes.
 */
export function blockText(doc: Y.Doc, type: string, index: number): Y.XmlText {
  const root = doc.get("root", Y.XmlText);
  const blocks = (root.toDelta() as Array<{ insert: unknown }>)
    .map((op) => op.insert)
    .filter((block): block is Y.XmlText => block instanceof Y.XmlText)
    .filter((block) => block.getAttribute("__type") === type && endsInText(block));
  const block = blocks[index];
  if (!block) throw new Error(`the document has no ${type} ${index}`);
  return block;
}

/** Types `text` at the end of a block's last text node, as Lexical does for keystrokes at the end of a line. */
export function typeAtBlockEnd(block: Y.XmlText, text: string): void {
  if (!endsInText(block)) throw new Error("the block does not end in a text node");
  block.insert(block.length, text);
}

/** A text node is a property map followed by its text; a block ending in a link ends in an element. */
function endsInText(block: Y.XmlText): boolean {
  const delta = block.toDelta() as Array<{ insert: unknown }>;
  return typeof delta[delta.length - 1]?.insert === "string";
}

/**
 * Five themes and a realistic document (see realisticDocument) written into a workspace through the
 * collaboration server, as a trusted server-side update by `authorId`.
 */
export async function seedRealisticDocument(
  t: Themawerk,
  input: { workspaceId: string; documentId: string; authorId: string },
  options: { paragraphs?: number; lessons?: number } = {},
): Promise<RealisticDocument & { themeIds: string[] }> {
  const themeIds: string[] = [];
  for (const name of ["Dienstenwijzer", "Kleine gemeenten", "Regionale samenwerking", "Inkoop", "Jeugdzorg"])
    themeIds.push(await insertTheme(t.database.db, input.workspaceId, { name }));
  const document = realisticDocument({ ...options, themeIds });
  await t.collab.applyServerUpdate(input.documentId, document.update, input.authorId);
  return { ...document, themeIds };
}
