import { useTranslation } from "react-i18next";
import type { SearchResponse } from "../../../../shared/schemas/search";
import { LessonKindIcon } from "../lessons/LessonKindIcon";

/**
 * The kinds the server read from the words ("valkuil regisseur" → only pitfalls, about "regisseur"), as
 * chips. Taking one away searches every word as text instead (`literal`).
 */
export function UnderstoodKinds({
  understood,
  onRemove,
}: {
  understood: SearchResponse["understood"] | undefined;
  onRemove: () => void;
}) {
  const { t } = useTranslation(["search", "lessons"]);
  if (!understood || understood.lessonKinds.length === 0) return null;
  return (
    <div className="understood-kinds">
      <ul className="understood-kinds__list" aria-label={t("search:understood.label")}>
        {understood.lessonKinds.map((kind) => (
          <li key={kind} className="understood-kinds__chip" data-kind={kind}>
            <LessonKindIcon kind={kind} />
            {t(`lessons:kinds.${kind}`)}
            <button
              type="button"
              className="understood-kinds__remove"
              aria-label={t("search:understood.remove", { kind: t(`lessons:kinds.${kind}`) })}
              // In the top-bar popover, pressing must not blur the field (which would close the popover).
              onMouseDown={(event) => event.preventDefault()}
              onClick={onRemove}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {understood.q && (
        <span className="understood-kinds__about">{t("search:understood.about", { q: understood.q })}</span>
      )}
    </div>
  );
}
