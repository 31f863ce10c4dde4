import { HorizontalRuleNode } from "@lexical/extension";
import { AutoLinkNode, LinkNode } from "@lexical/link";
import { ListItemNode, ListNode } from "@lexical/list";
import { HeadingNode, QuoteNode } from "@lexical/rich-text";
import { TableCellNode, TableNode, TableRowNode } from "@lexical/table";
import type { Klass, LexicalNode } from "lexical";
import { LessonNode } from "./lesson-node";
import { UnknownDecoratorNode } from "./unknown-decorator-node";
import { UnknownElementNode } from "./unknown-element-node";
import { UnknownTextNode } from "./unknown-text-node";

/**
 * Every node class a Themawerk document may contain, registered by the client editor AND the
 * server's headless editor: both sides must list the same classes or a Y.Doc written by one
 * throws "Node X is not registered" on the other. Our own nodes (a LessonNode …) live one per
 * file in this folder and are appended here. The Unknown… placeholders stand in for nodes of a type
 * this list lacks (server/documents/unknown-nodes.ts puts them in), so such a document still opens.
 */
export const editorNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  // Checklists are ListNodes of type "check"; tables and the divider are Lexical's own nodes.
  TableNode,
  TableRowNode,
  TableCellNode,
  HorizontalRuleNode,
  LessonNode,
  UnknownElementNode,
  UnknownTextNode,
  UnknownDecoratorNode,
];
