import type { LexicalEditor } from "lexical";
import { useTranslation } from "react-i18next";
import { Button } from "../../../ui/Button";
import { Modal } from "../../../ui/Modal";
import { turnLessonIntoParagraph } from ".";

/**
 * Asks before a lesson block becomes plain text: the lesson leaves Lessen and the handbook with its status,
 * endorsements and objections (they come back with the block: Ctrl+Z undoes the conversion).
 */
export function ConfirmToParagraph({
  editor,
  lessonKey,
  onClose,
}: {
  editor: LexicalEditor;
  lessonKey: string;
  onClose: () => void;
}) {
  const { t } = useTranslation(["lessons", "common"]);
  return (
    <Modal
      title={t("editor.toParagraphTitle")}
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
    >
      <p>{t("editor.toParagraphBody")}</p>
      <div className="form__actions">
        <Button slot="close" variant="quiet" autoFocus>
          {t("common:actions.cancel")}
        </Button>
        <Button
          variant="danger"
          onPress={() => {
            onClose();
            turnLessonIntoParagraph(editor, lessonKey);
          }}
        >
          {t("editor.toParagraphConfirm")}
        </Button>
      </div>
    </Modal>
  );
}
