import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from "react-aria-components";
import { lessonKinds } from "../../../../../shared/lessons";
import { LessonKindIcon } from "../../../features/lessons/LessonKindIcon";
import "./toolbar-menu.css";
import { $applyLessonKind, $selectedLesson } from "../LessonCommands";
import { ConfirmToParagraph } from "../LessonCommands/ConfirmToParagraph";

const toParagraph = "to-paragraph";

/** The toolbar's "Lesson" menu: make the current block a lesson of a kind, or a lesson plain text again. */
export function LessonToolbarMenu() {
  const { t } = useTranslation("lessons");
  const [editor] = useLexicalComposerContext();
  const [inLesson, setInLesson] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        setInLesson(editorState.read(() => $selectedLesson() !== null));
      }),
    [editor],
  );

  const onAction = (key: React.Key) => {
    if (key === toParagraph) {
      setConfirming(editor.getEditorState().read(() => $selectedLesson()?.getKey() ?? null));
      return;
    }
    const kind = lessonKinds.find((k) => k === key);
    if (!kind) return;
    editor.update(() => $applyLessonKind(kind));
    editor.focus();
  };

  return (
    <>
      {confirming && (
        <ConfirmToParagraph editor={editor} lessonKey={confirming} onClose={() => setConfirming(null)} />
      )}
      <MenuTrigger>
        <Button
          className="toolbar__button lesson-toolbar-menu__button"
          aria-label={t("editor.toolbarMenuLabel")}
          data-active={inLesson || undefined}
        >
          <LessonKindIcon kind="pitfall" />
          <span>{t("editor.toolbarMenu")}</span>
          <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="popover lesson-toolbar-menu__popover" placement="bottom start">
          <Menu className="lesson-toolbar-menu" onAction={onAction} aria-label={t("editor.toolbarMenuLabel")}>
            {lessonKinds.map((kind) => (
              <MenuItem key={kind} id={kind} className="lesson-toolbar-menu__item" data-kind={kind}>
                <LessonKindIcon kind={kind} />
                {t(`kinds.${kind}`)}
              </MenuItem>
            ))}
            {inLesson && <Separator className="lesson-toolbar-menu__separator" />}
            {inLesson && (
              <MenuItem id={toParagraph} className="lesson-toolbar-menu__item">
                {t("editor.toParagraph")}
              </MenuItem>
            )}
          </Menu>
        </Popover>
      </MenuTrigger>
    </>
  );
}
