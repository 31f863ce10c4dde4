import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { Theme } from "../../../../shared/schemas/themes";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { CheckboxField } from "../../ui/CheckboxField";
import { PageError, PageLoading } from "../../ui/PageState";
import { TextField } from "../../ui/TextField";
import { usePageTitle } from "../../ui/use-page-title";
import { FollowButton } from "../follows/FollowButton";
import { useWorkspace } from "../workspaces/workspace-queries";
import { SynonymsSection } from "./SynonymsSection";
import { MergeThemeDialog, RenameThemeDialog } from "./ThemeDialogs";
import { useCreateTheme, useMergeTheme, useReorderThemes, useThemes, useUpdateTheme } from "./theme-queries";
import "./themes.css";

/** The themes screen (route /w/:workspaceId/themas): themes with lesson counts; the facilitator manages them. */
export function ThemesPage() {
  const { t } = useTranslation("lessons");
  const { workspaceId = "" } = useParams();
  const workspace = useWorkspace(workspaceId);
  const themes = useThemes(workspaceId, true);
  const create = useCreateTheme(workspaceId);
  const update = useUpdateTheme(workspaceId);
  const merge = useMergeTheme(workspaceId);
  const reorder = useReorderThemes(workspaceId);
  const [name, setName] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const [renaming, setRenaming] = useState<Theme | null>(null);
  const [merging, setMerging] = useState<Theme | null>(null);
  usePageTitle(t("themes.title"));

  if (workspace.isPending || themes.isPending) return <PageLoading />;
  if (workspace.isError) return <PageError error={workspace.error} onRetry={() => workspace.refetch()} />;
  if (themes.isError) return <PageError error={themes.error} onRetry={() => themes.refetch()} />;

  const canManage = workspace.data.role === "facilitator";
  const active = themes.data.filter((theme) => !theme.archived);
  const archived = themes.data.filter((theme) => theme.archived);
  const shown = showArchived ? [...active, ...archived] : active;
  const busy = update.isPending || reorder.isPending || merge.isPending;
  const error = create.error ?? update.error ?? reorder.error ?? merge.error;

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    create.mutate(name.trim(), { onSuccess: () => setName("") });
  };
  const move = (index: number, by: -1 | 1) => {
    const ordered = [...active];
    const [theme] = ordered.splice(index, 1);
    ordered.splice(index + by, 0, theme);
    reorder.mutate(ordered);
  };

  return (
    <div className="page themes-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">{t("themes.title")}</h1>
          <p className="page__lead">{canManage ? t("themes.intro") : t("themes.readOnly")}</p>
        </div>
      </header>

      {canManage && (
        <form className="themes-page__add" onSubmit={add} noValidate>
          <TextField
            label={t("themes.name")}
            name="theme-name"
            value={name}
            onChange={setName}
            maxLength={120}
          />
          <Button
            type="submit"
            variant="primary"
            isPending={create.isPending}
            pendingLabel={t("themes.adding")}
            isDisabled={!name.trim()}
          >
            {t("themes.add")}
          </Button>
        </form>
      )}
      {error && <Alert>{describeApiError(error)}</Alert>}

      {archived.length > 0 && (
        <CheckboxField isSelected={showArchived} onChange={setShowArchived}>
          {t("themes.showArchived")}
        </CheckboxField>
      )}

      {shown.length === 0 ? (
        <p className="muted">{t("themes.empty")}</p>
      ) : (
        <ol className="theme-list" aria-busy={busy}>
          {shown.map((theme) => {
            const index = active.indexOf(theme);
            return (
              <li key={theme.id} className="theme-row" data-archived={theme.archived || undefined}>
                <span className="theme-row__name">{theme.name}</span>
                {theme.archived && <span className="theme-row__archived">{t("themes.archived")}</span>}
                <span className="theme-row__count">
                  {t("themes.lessonCount", { count: theme.lessonCount })}
                </span>
                <FollowButton
                  workspaceId={workspaceId}
                  targetType="theme"
                  targetId={theme.id}
                  name={theme.name}
                />
                {canManage && (
                  <span className="theme-row__actions">
                    {!theme.archived && (
                      <>
                        <Button
                          size="small"
                          variant="quiet"
                          aria-label={t("themes.moveUp", { name: theme.name })}
                          isDisabled={index <= 0 || busy}
                          onPress={() => move(index, -1)}
                        >
                          ↑
                        </Button>
                        <Button
                          size="small"
                          variant="quiet"
                          aria-label={t("themes.moveDown", { name: theme.name })}
                          isDisabled={index >= active.length - 1 || busy}
                          onPress={() => move(index, 1)}
                        >
                          ↓
                        </Button>
                      </>
                    )}
                    <Button size="small" onPress={() => setRenaming(theme)}>
                      {t("themes.rename")}
                    </Button>
                    <Button
                      size="small"
                      onPress={() => setMerging(theme)}
                      isDisabled={active.filter((other) => other.id !== theme.id).length === 0}
                    >
                      {t("themes.merge")}
                    </Button>
                    <Button
                      size="small"
                      variant="quiet"
                      isDisabled={busy}
                      onPress={() => update.mutate({ themeId: theme.id, archived: !theme.archived })}
                    >
                      {theme.archived ? t("themes.unarchive") : t("themes.archive")}
                    </Button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <SynonymsSection workspaceId={workspaceId} canManage={canManage} />

      {renaming && (
        <RenameThemeDialog
          theme={renaming}
          onClose={() => setRenaming(null)}
          onRename={(newName) => update.mutateAsync({ themeId: renaming.id, name: newName })}
        />
      )}
      {merging && (
        <MergeThemeDialog
          theme={merging}
          targets={active.filter((other) => other.id !== merging.id)}
          onClose={() => setMerging(null)}
          onMerge={(intoThemeId) => merge.mutateAsync({ themeId: merging.id, intoThemeId })}
        />
      )}
    </div>
  );
}
