import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  type EditorState,
  KEY_BACKSPACE_COMMAND,
} from "lexical";
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button, type Key, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { $isLessonNode, type LessonNode } from "../../../../../shared/editor/lesson-node";
import { type LessonKind, lessonKinds } from "../../../../../shared/lessons";
import { LessonKindIcon } from "../../../features/lessons/LessonKindIcon";
import { useThemes } from "../../../features/themes/theme-queries";
import { $lessonOf } from "../LessonCommands";
import { ConfirmToParagraph } from "../LessonCommands/ConfirmToParagraph";
import "./lesson-controls.css";

interface ActiveLesson {
  key: string;
  kind: LessonKind;
  themes: string[];
}

/** The lesson the caret is in; while the editor has no selection (focus in this bar), the last one stays. */
function readActiveLesson(state: EditorState, previous: ActiveLesson | null): ActiveLesson | null {
  return state.read(() => {
    const selection = $getSelection();
    const lesson = $isRangeSelection(selection)
      ? $lessonOf(selection.anchor.getNode())
      : previous
        ? $getNodeByKey(previous.key)
        : null;
    if (!$isLessonNode(lesson)) return null;
    return { key: lesson.getKey(), kind: lesson.getKind(), themes: lesson.getThemes() };
  });
}

const same = (a: ActiveLesson | null, b: ActiveLesson | null) =>
  a === b ||
  (a !== null && b !== null && a.key === b.key && a.kind === b.kind && a.themes.join() === b.themes.join());

/**
 * A small labelled toolbar over the lesson the caret is in: change its kind, pick its themes from the workspace's
 * list, or make it plain text again. Changes are node updates, so they reach everyone through Yjs. Tab from the
 * text reaches it; Escape returns to the text. Writers only.
 */
export function LessonControlsPlugin() {
  const { t } = useTranslation("lessons");
  const [editor] = useLexicalComposerContext();
  const { workspaceId = "" } = useParams();
  const themes = useThemes(workspaceId, true);
  const [active, setActive] = useState<ActiveLesson | null>(null);
  const [top, setTop] = useState(0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const barRef = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        setActive((previous) => {
          const next = readActiveLesson(editorState, previous);
          return same(previous, next) ? previous : next;
        });
      }),
    [editor],
  );

  // Backspace at the very start of a lesson with text would make it plain text without a word (Lexical's
  // collapseAtStart): it asks first, as the menu does. An empty lesson goes the usual way.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_BACKSPACE_COMMAND,
        (event) => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.offset !== 0)
            return false;
          const anchor = selection.anchor.getNode();
          const lesson = $lessonOf(anchor);
          if (!lesson || lesson.getTextContent().trim() === "") return false;
          const first = lesson.getFirstDescendant();
          if (!anchor.is(lesson) && !(first && anchor.is(first))) return false;
          event?.preventDefault();
          setConfirming(lesson.getKey());
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );

  const place = useCallback(() => {
    const bar = barRef.current;
    const block = active ? editor.getElementByKey(active.key) : null;
    const surface = bar?.offsetParent;
    if (!bar || !block || !surface) return;
    setTop(block.getBoundingClientRect().top - surface.getBoundingClientRect().top + 3);
  }, [editor, active]);
  useLayoutEffect(() => {
    place();
    const unregister = editor.registerUpdateListener(place);
    window.addEventListener("resize", place);
    return () => {
      unregister();
      window.removeEventListener("resize", place);
    };
  }, [editor, place]);

  // The question outlives the bar: the bar goes when the editor loses focus to the dialog.
  const confirm = confirming && (
    <ConfirmToParagraph editor={editor} lessonKey={confirming} onClose={() => setConfirming(null)} />
  );
  if (!active) return confirm || null;
  const update = (change: (lesson: LessonNode) => void) =>
    editor.update(() => {
      const node = $getNodeByKey(active.key);
      if ($isLessonNode(node)) change(node);
    });
  const all = themes.data ?? [];
  const pickable = all.filter((theme) => !theme.archived || active.themes.includes(theme.id));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      // Back into this lesson's text. A remote edit that arrived while the bar had focus can clear the
      // selection, and a bare focus() would then put the caret at the top of the document.
      editor.update(() => {
        const selection = $getSelection();
        const inside =
          $isRangeSelection(selection) && $lessonOf(selection.anchor.getNode())?.getKey() === active.key;
        const node = $getNodeByKey(active.key);
        if (!inside && $isLessonNode(node)) node.selectEnd();
      });
      editor.focus();
    }
  };

  return (
    <>
      {confirm}
      <div
        ref={barRef}
        className="lesson-controls"
        role="toolbar"
        aria-label={t("editor.controls")}
        style={{ top }}
        onKeyDown={onKeyDown}
      >
        <Select
          className="lesson-controls__select"
          aria-label={t("editor.kind")}
          value={active.kind}
          onChange={(key: Key | null) => {
            const kind = lessonKinds.find((k) => k === key);
            if (kind) update((node) => node.setKind(kind));
          }}
        >
          <Button className="lesson-controls__button" data-kind={active.kind}>
            <LessonKindIcon kind={active.kind} />
            <SelectValue>{() => t(`kinds.${active.kind}`)}</SelectValue>
            <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="popover">
            <ListBox className="listbox">
              {lessonKinds.map((kind) => (
                <ListBoxItem
                  key={kind}
                  id={kind}
                  textValue={t(`kinds.${kind}`)}
                  className="listbox__item lesson-controls__option"
                  data-kind={kind}
                >
                  <span className="listbox__label">
                    <LessonKindIcon kind={kind} /> {t(`kinds.${kind}`)}
                  </span>
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        <Select
          className="lesson-controls__select"
          aria-label={t("editor.themes")}
          selectionMode="multiple"
          value={active.themes.filter((id) => pickable.some((theme) => theme.id === id))}
          onChange={(keys: Key[]) => update((node) => node.setThemes(keys.map(String)))}
          placeholder={t("editor.themesPlaceholder")}
          isDisabled={pickable.length === 0}
        >
          <Button className="lesson-controls__button lesson-controls__themes">
            <SelectValue className="lesson-controls__themes-value" />
            <span aria-hidden="true">▾</span>
          </Button>
          <Popover className="popover">
            <ListBox className="listbox">
              {pickable.map((theme) => (
                <ListBoxItem key={theme.id} id={theme.id} textValue={theme.name} className="listbox__item">
                  <span className="listbox__label">{theme.name}</span>
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
        <Button
          className="lesson-controls__button"
          aria-label={t("editor.toParagraph")}
          onPress={() => setConfirming(active.key)}
        >
          <span aria-hidden="true" title={t("editor.toParagraph")}>
            ¶
          </span>
        </Button>
      </div>
    </>
  );
}
