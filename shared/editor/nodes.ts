import { AutoLinkNode, LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import type { Klass, LexicalNode } from "lexical";
import { LessonNode } from "./lesson-node";

/**
 * Every node class a Themawerk document may contain, registered by the client editor AND the
 * server's headless editor: both sides must list the same classes or a Y.Doc written by one
 * throws "Node X is not registered" on the other. Our own nodes (a LessonNode …) live one per
 * file in this folder and are appended here.
 */
export const editorNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  LessonNode,
];
