import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDate } from "../../i18n/format";
import { Spinner } from "../../ui/Spinner";
import { useSavedComparisons } from "./comparison-queries";

/** The workspace's saved comparisons, newest first as the server lists them. */
export function SavedComparisonsList({
  workspaceId,
  currentId,
}: {
  workspaceId: string;
  currentId?: string;
}) {
  const { t } = useTranslation("comparison");
  const formatDate = useFormatDate();
  const saved = useSavedComparisons(workspaceId);
  return (
    <section className="section" aria-labelledby="saved-comparisons-title">
      <h2 className="section__title" id="saved-comparisons-title">
        {t("saved.title")}
      </h2>
      {saved.isPending && <Spinner />}
      {saved.data?.length === 0 && <p className="muted">{t("saved.none")}</p>}
      <ul className="saved-comparisons">
        {saved.data?.map((c) => (
          <li key={c.id}>
            <Link
              to={`/w/${workspaceId}/vergelijking/${c.id}`}
              aria-current={c.id === currentId ? "page" : undefined}
              className="saved-comparisons__link"
            >
              {c.name}
            </Link>{" "}
            <span className="muted">
              {t("saved.by", { name: c.createdBy.name, when: formatDate(c.createdAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
