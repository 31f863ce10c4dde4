import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ComparisonMatrix } from "../../../../shared/schemas/comparisons";
import { LessonKindBadge } from "../lessons/LessonKindBadge";
import { CitingRecommendations } from "../recommendations/CitingRecommendations";
import { CaseFacts } from "./CaseHeading";
import { CrucialMarker } from "./CrucialMarker";

/** Themes as rows, cases as columns; candidate crucial elements first and marked; a lesson opens at its block. */
export function ComparisonMatrixTable({
  workspaceId,
  matrix,
}: {
  workspaceId: string;
  matrix: ComparisonMatrix;
}) {
  const { t } = useTranslation("comparison");
  const ruleId = useId();
  // The server sorts crucial rows first already; keep that promise even if it ever stops doing so.
  const rows = [...matrix.rows].sort((a, b) => Number(b.crucial) - Number(a.crucial));
  const crucialCount = rows.filter((r) => r.crucial).length;
  const titleOf = new Map(matrix.cases.map((c) => [c.id, c.title]));

  return (
    <div className="comparison">
      <p className="comparison__summary">
        <span className="crucial-marker crucial-marker--static">
          {t("matrix.crucialCount", { count: crucialCount })}
        </span>
        <span id={ruleId} className="comparison__rule">
          {t("matrix.crucialRule")}
        </span>
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t("matrix.empty")}</p>
      ) : (
        <div className="comparison__scroll">
          <table className="comparison-matrix">
            <caption className="visually-hidden">{t("matrix.caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="comparison-matrix__theme-head">
                  {t("matrix.theme")}
                </th>
                {matrix.cases.map((c) => (
                  <th scope="col" key={c.id} className="comparison-matrix__case-head">
                    <Link to={`/w/${workspaceId}/d/${c.id}`} className="comparison-matrix__case-title">
                      {c.title}
                    </Link>
                    <CaseFacts compared={c} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.theme.id}
                  className={
                    row.crucial
                      ? "comparison-matrix__row comparison-matrix__row--crucial"
                      : "comparison-matrix__row"
                  }
                  data-crucial={row.crucial ? "1" : "0"}
                >
                  <th scope="row" className="comparison-matrix__theme">
                    <span className="comparison-matrix__theme-name">{row.theme.name}</span>
                    {row.crucial && <CrucialMarker ruleId={ruleId} />}
                  </th>
                  {row.cells.map((cell) => (
                    <td key={cell.caseId} className="comparison-matrix__cell">
                      {cell.lessons.length === 0 ? (
                        <span className="muted comparison-matrix__empty">{t("matrix.emptyCell")}</span>
                      ) : (
                        <ul className="comparison-matrix__lessons">
                          {cell.lessons.map((lesson) => (
                            <li key={lesson.id} className="comparison-lesson" data-kind={lesson.kind}>
                              <LessonKindBadge kind={lesson.kind} />
                              <Link
                                to={`/w/${workspaceId}/d/${cell.caseId}?les=${encodeURIComponent(lesson.id)}`}
                                className="comparison-lesson__text"
                                title={t("matrix.openLesson", { title: titleOf.get(cell.caseId) ?? "" })}
                              >
                                {lesson.text}
                              </Link>
                              <span className="comparison-lesson__status">
                                {t(`matrix.status.${lesson.status}`)}
                              </span>
                              <CitingRecommendations workspaceId={workspaceId} lessonId={lesson.id} />
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
