import { useTranslation } from "react-i18next";
import type { SearchHit } from "../../../../shared/schemas/search";
import { LessonKindBadge } from "../lessons/LessonKindBadge";

/** Server-made HTML (escaped text with <mark> around matches); only `titleHtml` and `snippet` are rendered this way. */
function Highlighted({ html, className }: { html: string; className: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the search API escapes the text and adds only <mark>.
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The case a hit comes from: municipality, centre city or not, outcome. */
function HitCase({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation("search");
  const { t: tl } = useTranslation("lessons");
  if (!hit.caseName) return null;
  return (
    <span className="search-hit__case">
      <strong>{hit.caseName}</strong>
      {hit.isCentreCity !== null && (
        <span className="search-hit__tag">
          {hit.isCentreCity ? t("hit.centreCity") : t("hit.notCentreCity")}
        </span>
      )}
      {hit.outcome && (
        <span className="search-hit__tag" data-outcome={hit.outcome}>
          {tl(`outcomes.${hit.outcome}`)}
        </span>
      )}
    </span>
  );
}

/**
 * One search result: a lesson (kind badge, highlighted text, themes, case, the document it is in) or a
 * document (kind, highlighted title and snippet, case). `compact` is the look inside the top-bar popover.
 */
export function SearchHitView({ hit, compact = false }: { hit: SearchHit; compact?: boolean }) {
  const { t } = useTranslation("search");
  const { t: tl } = useTranslation("lessons");
  const { t: td } = useTranslation("documents");
  const isLesson = hit.type === "lesson" && hit.lessonKind !== null;
  return (
    <span className={compact ? "search-hit search-hit--compact" : "search-hit"} data-type={hit.type}>
      <span className="search-hit__head">
        {isLesson && hit.lessonKind ? (
          <LessonKindBadge kind={hit.lessonKind} />
        ) : (
          <span className="search-hit__doc-kind">{td(`kind.${hit.documentKind}`)}</span>
        )}
        {isLesson && hit.status && !compact && (
          <span className="search-hit__status" data-status={hit.status}>
            {tl(`statuses.${hit.status}`)}
          </span>
        )}
        {isLesson ? (
          <span className="search-hit__in">{t("hit.inDocument", { title: hit.title })}</span>
        ) : (
          <Highlighted html={hit.titleHtml} className="search-hit__title" />
        )}
      </span>
      {hit.snippet && <Highlighted html={hit.snippet} className="search-hit__snippet" />}
      {(hit.themes.length > 0 || hit.caseName) && (
        <span className="search-hit__meta">
          {hit.themes.length > 0 && (
            <span className="search-hit__themes">
              <span className="visually-hidden">{t("hit.themes")}: </span>
              {hit.themes.map((theme) => (
                <span key={theme.id} className="search-hit__theme">
                  {theme.name}
                </span>
              ))}
            </span>
          )}
          <HitCase hit={hit} />
        </span>
      )}
    </span>
  );
}
