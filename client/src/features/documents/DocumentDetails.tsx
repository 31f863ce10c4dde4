import { useTranslation } from "react-i18next";
import type { DocumentSummary } from "../../../../shared/schemas/documents";
import { useFormatDate } from "../../i18n/format";

/** The document's kind and its metadata (case: municipality, centre city, outcome; meeting: date, place). */
export function DocumentDetails({ document }: { document: DocumentSummary }) {
  const { t } = useTranslation("documents");
  const formatDate = useFormatDate();
  const rows: Array<[string, string]> = [];
  if (document.kind === "case") {
    if (document.municipality) rows.push([t("page.municipality"), document.municipality]);
    rows.push([t("page.cityType"), document.isCentreCity ? t("page.centreCity") : t("page.notCentreCity")]);
    if (document.outcome) rows.push([t("page.outcome"), t(`outcomes.${document.outcome}`)]);
  }
  if (document.kind === "meeting") {
    if (document.meetingDate) rows.push([t("page.meetingDate"), formatDate(document.meetingDate)]);
    if (document.meetingPlace) rows.push([t("page.meetingPlace"), document.meetingPlace]);
  }
  return (
    <div className="document-details">
      <p className="document-details__kind">
        <span className={`kind-badge kind-badge--${document.kind}`}>{t(`kind.${document.kind}`)}</span>
        <span className="document-details__edited">
          {t("lastEdited", { name: document.updatedBy.name, when: formatDate(document.updatedAt) })}
        </span>
      </p>
      {rows.length > 0 && (
        <dl className="document-details__list" aria-label={t("page.metadata")}>
          {rows.map(([label, value]) => (
            <div key={label} className="document-details__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
