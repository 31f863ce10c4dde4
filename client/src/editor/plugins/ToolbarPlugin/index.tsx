import { $isLinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { $isListNode, ListNode } from "@lexical/list";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $isHeadingNode, $isQuoteNode } from "@lexical/rich-text";
import { $getNearestNodeOfType, mergeRegister } from "@lexical/utils";
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  type TextFormatType,
  UNDO_COMMAND,
} from "lexical";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Toolbar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { $isLessonNode } from "../../../../../shared/editor";
import { type BlockFormat, setBlockFormat } from "../../block-format";
import { LessonToolbarMenu } from "../LessonToolbarMenu";
import { ShortcutsPlugin, shortcutHint } from "../ShortcutsPlugin";
import { LinkDialog } from "./LinkDialog";

interface ToolbarState {
  block: BlockFormat;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  /** The caret is in a lesson block: none of the block buttons is the current format. */
  inLesson: boolean;
}

const initialState: ToolbarState = {
  inLesson: false,
  block: "paragraph",
  bold: false,
  italic: false,
  underline: false,
  link: false,
};

function $readToolbarState(): ToolbarState | undefined {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return undefined;
  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === "root" ? null : anchor.getTopLevelElement();
  let block: BlockFormat = "paragraph";
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === "number" ? "number" : "bullet";
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag();
    block = tag === "h1" || tag === "h2" || tag === "h3" ? tag : "paragraph";
  } else if ($isQuoteNode(top)) {
    block = "quote";
  }
  const parent = anchor.getParent();
  return {
    block,
    inLesson: $isLessonNode(top),
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    underline: selection.hasFormat("underline"),
    link: $isLinkNode(anchor) || $isLinkNode(parent),
  };
}

function ToolButton(props: {
  label: string;
  hint?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={props.label}
      title={props.hint ? `${props.label} (${props.hint})` : props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      // Keep the editor's selection: the click must not move focus away before the command runs.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** The formatting toolbar (labelled buttons) and its keyboard shortcuts; shown to writers only. */
export function ToolbarPlugin() {
  const { t } = useTranslation("editor");
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(initialState);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const blockRef = useRef<BlockFormat>("paragraph");
  blockRef.current = state.block;
  const currentFormat = useCallback(() => blockRef.current, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readToolbarState);
          if (next) setState(next);
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (payload) => {
            setCanUndo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (payload) => {
            setCanRedo(payload);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event: KeyboardEvent) => {
            if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
              event.preventDefault();
              setLinkOpen(true);
              return true;
            }
            return false;
          },
          COMMAND_PRIORITY_NORMAL,
        ),
      ),
    [editor],
  );

  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (target: BlockFormat) => setBlockFormat(editor, target, state.block);
  const blockButton = (target: BlockFormat, label: string, text: string) => (
    <ToolButton
      label={label}
      hint={shortcutHint(target)}
      pressed={state.block === target && !state.inLesson}
      onClick={() => block(target)}
    >
      {text}
    </ToolButton>
  );

  return (
    <>
      {/* A WAI-ARIA toolbar: one Tab stop, the arrow keys move between its buttons (react-aria's Toolbar). */}
      <Toolbar className="toolbar" aria-label={t("toolbar.label")}>
        <ToolButton
          label={t("toolbar.undo")}
          hint="Ctrl+Z"
          disabled={!canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          ↶
        </ToolButton>
        <ToolButton
          label={t("toolbar.redo")}
          hint="Ctrl+Shift+Z"
          disabled={!canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          ↷
        </ToolButton>
        <span className="toolbar__divider" aria-hidden="true" />
        {blockButton("paragraph", t("toolbar.paragraph"), "¶")}
        {blockButton("h1", t("toolbar.h1"), "H1")}
        {blockButton("h2", t("toolbar.h2"), "H2")}
        {blockButton("h3", t("toolbar.h3"), "H3")}
        <span className="toolbar__divider" aria-hidden="true" />
        <ToolButton
          label={t("toolbar.bold")}
          hint="Ctrl+B"
          pressed={state.bold}
          onClick={() => format("bold")}
        >
          <strong>B</strong>
        </ToolButton>
        <ToolButton
          label={t("toolbar.italic")}
          hint="Ctrl+I"
          pressed={state.italic}
          onClick={() => format("italic")}
        >
          <em>I</em>
        </ToolButton>
        <ToolButton
          label={t("toolbar.underline")}
          hint="Ctrl+U"
          pressed={state.underline}
          onClick={() => format("underline")}
        >
          <u>U</u>
        </ToolButton>
        <span className="toolbar__divider" aria-hidden="true" />
        {blockButton("bullet", t("toolbar.bulletList"), "•")}
        {blockButton("number", t("toolbar.numberedList"), "1.")}
        {blockButton("quote", t("toolbar.quote"), "❝")}
        <ToolButton
          label={state.link ? t("toolbar.removeLink") : t("toolbar.link")}
          hint="Ctrl+K"
          pressed={state.link}
          onClick={() => (state.link ? editor.dispatchCommand(TOGGLE_LINK_COMMAND, null) : setLinkOpen(true))}
        >
          <span className="toolbar__link-label">{t("toolbar.link")}</span>
        </ToolButton>
        <span className="toolbar__divider" aria-hidden="true" />
        <LessonToolbarMenu />
      </Toolbar>
      <ShortcutsPlugin currentFormat={currentFormat} />
      <LinkDialog
        isOpen={linkOpen}
        onClose={() => {
          setLinkOpen(false);
          editor.focus();
        }}
        onApply={(url) => {
          setLinkOpen(false);
          editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
          editor.focus();
        }}
      />
    </>
  );
}
