import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuRenderFn,
  useBasicTypeaheadTriggerMatch,
} from "@lexical/react/LexicalTypeaheadMenuPlugin";
import { $getSelection, $isRangeSelection, $isTextNode, type TextNode } from "lexical";
import { useCallback, useEffect, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { type LessonKind, lessonKinds, lessonSlashWords } from "../../../../../shared/lessons";
import { LessonKindIcon } from "../../../features/lessons/LessonKindIcon";
import { $applyLessonKind, $selectedLesson } from "../LessonCommands";
import { applySlashBlock, blockSlashWords, type SlashBlock, slashBlocks } from "./block-options";
import "./slash-menu.css";

/** One choice of the `/` menu: a lesson of a kind, or a block. */
/** What a block option shows in front of its label (the toolbar's glyphs). */
const blockGlyph: Record<SlashBlock, string> = {
  h1: "H1",
  h2: "H2",
  h3: "H3",
  bullet: "•",
  number: "1.",
  check: "☑",
  quote: "❝",
  table: "▦",
  divider: "―",
};

class SlashOption extends MenuOption {
  constructor(
    readonly choice: { lesson: LessonKind } | { block: SlashBlock },
    readonly label: string,
    readonly words: readonly string[],
  ) {
    super("lesson" in choice ? `lesson-${choice.lesson}` : `block-${choice.block}`);
  }

  /** Matches when the typed word starts one of the option's slash words (Dutch or English) or its label. */
  matches(query: string): boolean {
    const q = query.toLowerCase();
    return [...this.words, this.label.toLowerCase()].some((word) => word.startsWith(q));
  }
}

/**
 * Removes what is left of a slash word before the caret. When Enter comes right after fast typing, the menu's match
 * can be one keystroke behind, so the part it removes may leave the "/" (or a letter) behind.
 */
function $removeSlashLeftover(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return;
  const offset = selection.anchor.offset;
  const leftover = /(?:^|\s|\()(\/[^\s/]*)$/.exec(node.getTextContent().slice(0, offset))?.[1];
  if (!leftover) return;
  node.spliceText(offset - leftover.length, leftover.length, "", true);
}

/**
 * Slash commands for lessons: `/valkuil`, `/doe`, `/niet`, `/knelpunt`, `/succesfactor` (and the English words)
 * open a menu, operated with the arrow keys, Enter and Escape, that turns the current block into a lesson.
 */
export function LessonSlashPlugin() {
  const { t, i18n } = useTranslation("lessons");
  const [editor] = useLexicalComposerContext();
  // The hint names the slash word of the interface's language (both always work).
  const wordIndex = i18n.language === "en" ? 1 : 0;
  const [query, setQuery] = useState<string | null>(null);
  const triggerFn = useBasicTypeaheadTriggerMatch("/", { minLength: 0, maxLength: 20 });
  const [menuParent, setMenuParent] = useState<HTMLElement>();
  useEffect(
    () =>
      editor.registerRootListener((root) =>
        setMenuParent(root?.closest<HTMLElement>(".editor__surface") ?? undefined),
      ),
    [editor],
  );
  const nameListbox = useCallback((menu: HTMLElement | null) => {
    menu?.parentElement?.setAttribute("aria-labelledby", "lesson-slash-menu-title");
  }, []);
  const [inLesson, setInLesson] = useState(false);
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) =>
        setInLesson(editorState.read(() => $selectedLesson() !== null)),
      ),
    [editor],
  );
  const allOptions = useMemo(
    () => [
      ...lessonKinds.map(
        (kind) => new SlashOption({ lesson: kind }, t(`kinds.${kind}`), lessonSlashWords[kind]),
      ),
      // Inside a lesson only lesson kinds are offered: making the block a heading or list would drop the lesson.
      ...(inLesson
        ? []
        : slashBlocks.map(
            (block) => new SlashOption({ block }, t(`editor.slashBlocks.${block}`), blockSlashWords[block]),
          )),
    ],
    [t, inLesson],
  );
  const options = useMemo(
    () => (query === null ? allOptions : allOptions.filter((o) => o.matches(query))),
    [allOptions, query],
  );

  const onSelectOption = useCallback(
    (option: SlashOption, textNode: TextNode | null, closeMenu: () => void) => {
      const { choice } = option;
      editor.update(() => {
        // The "/valkuil" text goes; the rest of the block stays and becomes the lesson's (or block's) text.
        textNode?.remove();
        $removeSlashLeftover();
        if ("lesson" in choice) $applyLessonKind(choice.lesson);
      });
      if ("block" in choice) applySlashBlock(editor, choice.block);
      closeMenu();
    },
    [editor],
  );

  const renderOption = (
    option: SlashOption,
    index: number,
    selectedIndex: number | null,
    select: (option: SlashOption) => void,
    highlight: (index: number) => void,
  ) => (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys (arrows, Enter, Escape) are handled in the editor, which points at the option with aria-activedescendant.
    <div
      key={option.key}
      id={`typeahead-item-${index}`}
      ref={option.setRefElement}
      role="option"
      tabIndex={-1}
      aria-selected={selectedIndex === index}
      className="lesson-slash-menu__item"
      data-kind={"lesson" in option.choice ? option.choice.lesson : undefined}
      data-block={"block" in option.choice ? option.choice.block : undefined}
      onMouseEnter={() => highlight(index)}
      onClick={() => {
        highlight(index);
        select(option);
      }}
    >
      <span className="lesson-slash-menu__icon">
        {"lesson" in option.choice ? (
          <LessonKindIcon kind={option.choice.lesson} />
        ) : (
          <span aria-hidden="true">{blockGlyph[option.choice.block]}</span>
        )}
      </span>
      <span className="lesson-slash-menu__label">{option.label}</span>
      <span className="lesson-slash-menu__hint">
        {t("editor.slashHint", { word: option.words[wordIndex] })}
      </span>
    </div>
  );

  const renderMenu: MenuRenderFn<SlashOption> = (
    anchor,
    { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex },
  ) => {
    if (!anchor.current) return null;
    const groups = [
      { id: "lessons", label: t("editor.slashLessons"), items: options.filter((o) => "lesson" in o.choice) },
      {
        id: "blocks",
        label: t("editor.slashBlocksGroup"),
        items: options.filter((o) => "block" in o.choice),
      },
    ].filter((g) => g.items.length > 0);
    return createPortal(
      // Lexical's anchor is the listbox (role, id and the editor's aria-controls are set by the plugin, which
      // also names it in English): the title names it instead, and the options sit in labelled groups.
      <div className="lesson-slash-menu" role="presentation" ref={nameListbox}>
        <p className="lesson-slash-menu__title" id="lesson-slash-menu-title" role="presentation">
          {t("editor.slashMenu")}
        </p>
        {groups.map((group) => (
          // biome-ignore lint/a11y/useSemanticElements: an option group of a listbox, not a form's fieldset.
          <div key={group.id} role="group" aria-labelledby={`lesson-slash-menu-${group.id}`}>
            <p className="lesson-slash-menu__group" id={`lesson-slash-menu-${group.id}`} role="presentation">
              {group.label}
            </p>
            {group.items.map((option) =>
              renderOption(
                option,
                options.indexOf(option),
                selectedIndex,
                selectOptionAndCleanUp,
                setHighlightedIndex,
              ),
            )}
          </div>
        ))}
      </div>,
      anchor.current,
    );
  };

  return (
    <LexicalTypeaheadMenuPlugin<SlashOption>
      // Inside the page's main landmark (the default is the end of <body>, outside every landmark).
      parent={menuParent}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      options={options}
      // Without matches the default renderer (nothing) lets arrow keys move the caret as usual.
      menuRenderFn={options.length > 0 ? renderMenu : undefined}
      anchorClassName="lesson-slash-anchor"
    />
  );
}
