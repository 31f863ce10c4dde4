import { useTranslation } from "react-i18next";
import { lessonKinds } from "../../../../shared/lessons";
import type { Theme } from "../../../../shared/schemas/themes";
import { LessonKindBadge } from "./LessonKindBadge";

/** How many of the shown lessons there are per kind and per theme. */
export function LessonCounts({
  byKind,
  byTheme,
  themes,
}: {
  byKind: Record<string, number>;
  byTheme: Record<string, number>;
  themes: Theme[];
}) {
  const { t } = useTranslation("lessons");
  const themeRows = themes.filter((theme) => (byTheme[theme.id] ?? 0) > 0);
  return (
    <div className="lesson-counts">
      <section className="lesson-counts__group" aria-labelledby="lesson-counts-kind">
        <h2 id="lesson-counts-kind" className="lesson-counts__title">
          {t("page.countsByKind")}
        </h2>
        <ul className="lesson-counts__list">
          {lessonKinds.map((kind) => (
            <li key={kind} data-kind={kind}>
              <LessonKindBadge kind={kind} />
              <span className="lesson-counts__number">{byKind[kind] ?? 0}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="lesson-counts__group" aria-labelledby="lesson-counts-theme">
        <h2 id="lesson-counts-theme" className="lesson-counts__title">
          {t("page.countsByTheme")}
        </h2>
        {themeRows.length === 0 ? (
          <p className="muted">{t("page.noThemes")}</p>
        ) : (
          <ul className="lesson-counts__list">
            {themeRows.map((theme) => (
              <li key={theme.id} data-theme-id={theme.id}>
                <span className="lesson-card__theme">{theme.name}</span>
                <span className="lesson-counts__number">{byTheme[theme.id]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
