import { useTranslation } from "react-i18next";
import type { LessonKind } from "../../../../shared/lessons";
import { LessonKindIcon } from "./LessonKindIcon";

/** A lesson's kind as colour, icon and label together, so it reads without colour too. */
export function LessonKindBadge({ kind }: { kind: LessonKind }) {
  const { t } = useTranslation("lessons");
  return (
    <span className="lesson-kind-badge" data-kind={kind}>
      <LessonKindIcon kind={kind} />
      {t(`kinds.${kind}`)}
    </span>
  );
}
