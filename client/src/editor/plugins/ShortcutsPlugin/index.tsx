import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from "lexical";
import { useEffect } from "react";
import { type BlockFormat, setBlockFormat } from "../../block-format";

/** Ctrl/⌘+Alt+0–3: paragraph and headings; Ctrl/⌘+Shift+7/8/9: numbered list, bullets, quote. */
const shortcuts: Array<{ alt: boolean; shift: boolean; code: string; format: BlockFormat }> = [
  { alt: true, shift: false, code: "Digit0", format: "paragraph" },
  { alt: true, shift: false, code: "Digit1", format: "h1" },
  { alt: true, shift: false, code: "Digit2", format: "h2" },
  { alt: true, shift: false, code: "Digit3", format: "h3" },
  { alt: false, shift: true, code: "Digit7", format: "number" },
  { alt: false, shift: true, code: "Digit8", format: "bullet" },
  { alt: false, shift: true, code: "Digit9", format: "quote" },
];

/** Keyboard shortcuts for block formats (bold, italic, underline, undo and redo are Lexical's own). */
export function ShortcutsPlugin({ currentFormat }: { currentFormat: () => BlockFormat }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event: KeyboardEvent) => {
          if (!(event.ctrlKey || event.metaKey)) return false;
          const match = shortcuts.find(
            (s) => s.code === event.code && s.alt === event.altKey && s.shift === event.shiftKey,
          );
          if (!match) return false;
          event.preventDefault();
          setBlockFormat(editor, match.format, currentFormat());
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, currentFormat],
  );
  return null;
}

/** The shortcut hint shown in a toolbar button's tooltip. */
export function shortcutHint(format: BlockFormat): string | undefined {
  const match = shortcuts.find((s) => s.format === format);
  if (!match) return undefined;
  return `Ctrl+${match.alt ? "Alt+" : ""}${match.shift ? "Shift+" : ""}${match.code.replace("Digit", "")}`;
}
