import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  type MenuRenderFn,
  useBasicTypeaheadTriggerMatch,
} from "@lexical/react/LexicalTypeaheadMenuPlugin";
import { $getSelection, $isRangeSelection, $isTextNode, type TextNode } from "lexical";
import { useCallback, useMemo, useState } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { type LessonKind, lessonKinds, lessonSlashWords } from "../../../../../shared/lessons";
import { LessonKindIcon } from "../../../features/lessons/LessonKindIcon";
import { $applyLessonKind } from "../LessonCommands";
import "./slash-menu.css";

class LessonOption extends MenuOption {
  constructor(
    readonly kind: LessonKind,
    readonly label: string,
  ) {
    super(kind);
  }

  /** Matches when the typed word starts one of the kind's slash words (Dutch or English) or its label. */
  matches(query: string): boolean {
    const q = query.toLowerCase();
    return [...lessonSlashWords[this.kind], this.label.toLowerCase()].some((word) => word.startsWith(q));
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
  const { t } = useTranslation("lessons");
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const triggerFn = useBasicTypeaheadTriggerMatch("/", { minLength: 0, maxLength: 20 });
  const allOptions = useMemo(
    () => lessonKinds.map((kind) => new LessonOption(kind, t(`kinds.${kind}`))),
    [t],
  );
  const options = useMemo(
    () => (query === null ? allOptions : allOptions.filter((o) => o.matches(query))),
    [allOptions, query],
  );

  const onSelectOption = useCallback(
    (option: LessonOption, textNode: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        // The "/valkuil" text goes; the rest of the block stays and becomes the lesson's text.
        textNode?.remove();
        $removeSlashLeftover();
        $applyLessonKind(option.kind);
      });
      closeMenu();
    },
    [editor],
  );

  const renderMenu: MenuRenderFn<LessonOption> = (
    anchor,
    { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex },
  ) =>
    anchor.current
      ? createPortal(
          <div className="lesson-slash-menu">
            <p className="lesson-slash-menu__title" id="lesson-slash-menu-title">
              {t("editor.slashMenu")}
            </p>
            <div role="listbox" id="typeahead-menu" aria-labelledby="lesson-slash-menu-title">
              {options.map((option, index) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keys (arrows, Enter, Escape) are handled in the editor, which points at the option with aria-activedescendant.
                <div
                  key={option.key}
                  id={`typeahead-item-${index}`}
                  ref={option.setRefElement}
                  role="option"
                  tabIndex={-1}
                  aria-selected={selectedIndex === index}
                  className="lesson-slash-menu__item"
                  data-kind={option.kind}
                  onMouseEnter={() => setHighlightedIndex(index)}
                  onClick={() => {
                    setHighlightedIndex(index);
                    selectOptionAndCleanUp(option);
                  }}
                >
                  <span className="lesson-slash-menu__icon">
                    <LessonKindIcon kind={option.kind} />
                  </span>
                  <span className="lesson-slash-menu__label">{option.label}</span>
                  <span className="lesson-slash-menu__hint">
                    {t("editor.slashHint", { word: lessonSlashWords[option.kind][0] })}
                  </span>
                </div>
              ))}
            </div>
          </div>,
          anchor.current,
        )
      : null;

  return (
    <LexicalTypeaheadMenuPlugin<LessonOption>
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
