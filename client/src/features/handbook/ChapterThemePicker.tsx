import { useState } from "react";
import { useTranslation } from "react-i18next";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { SelectField } from "../../ui/SelectField";
import { Spinner } from "../../ui/Spinner";
import { useThemes } from "../themes/theme-queries";
import { useChapterTheme, useSetChapterTheme } from "./handbook-queries";
import "./handbook.css";

const NONE = "none";

/** On a chapter document: the theme whose handbook chapter this text opens (writers change it). */
export function ChapterThemePicker({
  workspaceId,
  documentId,
  canChange,
}: {
  workspaceId: string;
  documentId: string;
  canChange: boolean;
}) {
  const { t } = useTranslation("handbook");
  const themes = useThemes(workspaceId);
  const current = useChapterTheme(documentId);
  const set = useSetChapterTheme(documentId, workspaceId);
  const [message, setMessage] = useState("");
  if (themes.isPending || current.isPending) return <Spinner />;
  if (themes.isError || current.isError)
    return <Alert>{describeApiError(themes.error ?? current.error)}</Alert>;

  const options = [
    { id: NONE, label: t("chapterTheme.none") },
    ...themes.data.map((theme) => ({ id: theme.id, label: theme.name })),
  ];
  return (
    <div className="chapter-theme-picker">
      <SelectField
        label={t("chapterTheme.label")}
        options={options}
        value={current.data ?? NONE}
        isDisabled={!canChange || set.isPending}
        onChange={(id) =>
          set.mutate(id === NONE ? null : id, {
            onSuccess: (themeId) =>
              setMessage(
                themeId
                  ? t("chapterTheme.saved", { name: themes.data.find((x) => x.id === themeId)?.name ?? "" })
                  : t("chapterTheme.unlinked"),
              ),
          })
        }
      />
      {set.isPending && <Spinner />}
      <span className="muted" role="status">
        {message}
      </span>
      {set.isError && <Alert>{describeApiError(set.error)}</Alert>}
    </div>
  );
}
