import { useTranslation } from "react-i18next";
import { lessonKinds, lessonStatuses } from "../../../../shared/lessons";
import { Button } from "../../ui/Button";
import { SelectField } from "../../ui/SelectField";
import { useDocuments } from "../documents/document-queries";
import { useThemes } from "../themes/theme-queries";

/** The filters the lessons screen keeps in its URL query (one value each here; the API takes several). */
export const lessonFilterNames = ["kind", "theme", "case", "centreCity", "outcome", "status"] as const;
export type LessonFilterName = (typeof lessonFilterNames)[number];

const any = "all";
const outcomes = ["succeeded", "struggled", "ongoing"] as const;

/** The filter bar of the lessons screen; `value`/`onChange` work on the URL query. */
export function LessonFilters({
  workspaceId,
  value,
  onChange,
  onClear,
}: {
  workspaceId: string;
  value: (name: LessonFilterName) => string | null;
  onChange: (name: LessonFilterName, value: string | null) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation("lessons");
  const themes = useThemes(workspaceId);
  const documents = useDocuments(workspaceId);
  const cases = (documents.data ?? []).filter((d) => d.kind === "case");
  const withAny = (options: { id: string; label: string }[]) => [
    { id: any, label: t("page.any") },
    ...options,
  ];
  const field = (name: LessonFilterName, label: string, options: { id: string; label: string }[]) => (
    <SelectField
      label={label}
      className="lesson-filters__field"
      options={withAny(options)}
      value={value(name) ?? any}
      onChange={(next) => onChange(name, next === any ? null : next)}
    />
  );
  const active = lessonFilterNames.some((name) => value(name) !== null);
  return (
    <section className="lesson-filters" aria-label={t("page.filters")}>
      {field(
        "kind",
        t("page.kind"),
        lessonKinds.map((kind) => ({ id: kind, label: t(`kinds.${kind}`) })),
      )}
      {field(
        "theme",
        t("page.theme"),
        (themes.data ?? []).map((theme) => ({ id: theme.id, label: theme.name })),
      )}
      {field(
        "case",
        t("page.case"),
        cases.map((c) => ({ id: c.id, label: c.title })),
      )}
      {field("centreCity", t("page.centreCity"), [
        { id: "1", label: t("page.centreYes") },
        { id: "0", label: t("page.centreNo") },
      ])}
      {field(
        "outcome",
        t("page.outcome"),
        outcomes.map((outcome) => ({ id: outcome, label: t(`outcomes.${outcome}`) })),
      )}
      {field(
        "status",
        t("page.status"),
        lessonStatuses.map((status) => ({ id: status, label: t(`statuses.${status}`) })),
      )}
      {active && (
        <Button variant="quiet" size="small" onPress={onClear} className="lesson-filters__clear">
          {t("page.clearFilters")}
        </Button>
      )}
    </section>
  );
}
