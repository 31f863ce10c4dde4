import { useTranslation } from "react-i18next";
import { maxComparedCases } from "../../../../shared/schemas/comparisons";
import type { DocumentSummary } from "../../../../shared/schemas/documents";
import { CaseFacts } from "./CaseHeading";

/** A checkbox list of the workspace's case documents, each with municipality, centre city or not and outcome. */
export function CasePicker({
  cases,
  selected,
  onChange,
}: {
  cases: DocumentSummary[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation("comparison");
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="case-picker">
      <legend className="case-picker__legend">{t("page.pickTitle")}</legend>
      <p className="case-picker__hint muted" id="case-picker-hint">
        {t("page.pickHint", { max: maxComparedCases })}{" "}
        <span aria-live="polite">{t("page.selected", { count: selected.length })}</span>
      </p>
      {cases.length === 0 ? (
        <p className="muted">{t("page.noCases")}</p>
      ) : (
        <ul className="case-picker__list">
          {cases.map((c) => {
            const checked = selected.includes(c.id);
            return (
              <li key={c.id}>
                <label className="case-picker__item" data-checked={checked ? "1" : "0"}>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && selected.length >= maxComparedCases}
                    onChange={(e) => toggle(c.id, e.currentTarget.checked)}
                    aria-describedby="case-picker-hint"
                  />
                  <span className="case-picker__text">
                    <span className="case-picker__title">{c.title}</span>
                    <CaseFacts
                      compared={{
                        municipality: c.municipality,
                        isCentreCity: c.isCentreCity,
                        outcome: c.outcome,
                      }}
                    />
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
