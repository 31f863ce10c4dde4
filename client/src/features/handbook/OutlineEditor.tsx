import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { HandbookOutline } from "../../../../shared/schemas/handbook";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useSaveOutline } from "./handbook-queries";
import { moveItem } from "./outline-order";

type Chapter = HandbookOutline["chapters"][number];

const buttonId = (themeId: string, what: string) => `outline-${what}-${themeId}`;

/** The facilitator orders themes into chapters and includes or excludes them; every control works by keyboard. */
export function OutlineEditor({ workspaceId, outline }: { workspaceId: string; outline: HandbookOutline }) {
  const { t } = useTranslation("handbook");
  const save = useSaveOutline(workspaceId);
  const fromServer = () => ({
    included: outline.chapters.filter((c) => c.included),
    excluded: outline.chapters.filter((c) => !c.included),
  });
  const [state, setState] = useState(fromServer);
  const [dirty, setDirty] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string>();
  // A fresh outline from the server replaces the local one unless the facilitator is in the middle of changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new outline object should reset the state
  useEffect(() => {
    if (!dirty) setState(fromServer());
  }, [outline]);
  // A moved row is re-inserted in the DOM, which drops focus: put it back on the control that was used.
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

  const change = (next: { included: Chapter[]; excluded: Chapter[] }) => {
    setState(next);
    setDirty(true);
    save.reset();
  };
  const move = (index: number, step: -1 | 1) => {
    const included = moveItem(state.included, index, step);
    const chapter = state.included[index];
    const position = index + step + 1;
    change({ ...state, included });
    setAnnouncement(t("outline.moved", { name: chapter.name, position }));
    const atEdge = position === 1 || position === included.length;
    const direction = step === -1 ? "up" : "down";
    const other = step === -1 ? "down" : "up";
    setFocusTarget(buttonId(chapter.themeId, atEdge ? other : direction));
  };
  const include = (chapter: Chapter) => {
    change({
      included: [...state.included, { ...chapter, included: true }],
      excluded: state.excluded.filter((c) => c.themeId !== chapter.themeId),
    });
    setFocusTarget(buttonId(chapter.themeId, "exclude"));
  };
  const exclude = (chapter: Chapter) => {
    change({
      included: state.included.filter((c) => c.themeId !== chapter.themeId),
      excluded: [...state.excluded, { ...chapter, included: false }],
    });
    setFocusTarget(buttonId(chapter.themeId, "include"));
  };
  const submit = () =>
    save.mutate(
      state.included.map((c) => c.themeId),
      { onSuccess: () => setDirty(false) },
    );

  return (
    <section className="section outline-editor" aria-labelledby="outline-title">
      <h2 className="section__title" id="outline-title">
        {t("outline.title")}
      </h2>
      <p className="section__intro">{t("outline.intro")}</p>
      <div className="outline-editor__columns">
        <div>
          <h3 className="subsection-title" id="outline-included">
            {t("outline.included")}
          </h3>
          {state.included.length === 0 && <p className="muted">{t("outline.noneIncluded")}</p>}
          <ol className="outline-list" aria-labelledby="outline-included">
            {state.included.map((chapter, index) => (
              <li key={chapter.themeId} className="outline-item">
                <span className="outline-item__number" aria-hidden="true">
                  {index + 1}.
                </span>
                <span className="outline-item__name">
                  {chapter.name}
                  {chapter.chapterDocuments.length > 0 && (
                    <span className="outline-item__docs">
                      {t("outline.chapterDocs", { count: chapter.chapterDocuments.length })}
                    </span>
                  )}
                </span>
                <span className="outline-item__actions">
                  <Button
                    id={buttonId(chapter.themeId, "up")}
                    size="small"
                    className="outline-move"
                    aria-label={t("outline.moveUp", { name: chapter.name })}
                    isDisabled={index === 0}
                    onPress={() => move(index, -1)}
                  >
                    ↑
                  </Button>
                  <Button
                    id={buttonId(chapter.themeId, "down")}
                    size="small"
                    className="outline-move"
                    aria-label={t("outline.moveDown", { name: chapter.name })}
                    isDisabled={index === state.included.length - 1}
                    onPress={() => move(index, 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    id={buttonId(chapter.themeId, "exclude")}
                    size="small"
                    aria-label={t("outline.exclude", { name: chapter.name })}
                    onPress={() => exclude(chapter)}
                  >
                    {t("outline.excludeShort")}
                  </Button>
                </span>
              </li>
            ))}
          </ol>
        </div>
        <div>
          <h3 className="subsection-title" id="outline-excluded">
            {t("outline.excluded")}
          </h3>
          {state.excluded.length === 0 && <p className="muted">{t("outline.noneExcluded")}</p>}
          <ul className="outline-list" aria-labelledby="outline-excluded">
            {state.excluded.map((chapter) => (
              <li key={chapter.themeId} className="outline-item outline-item--excluded">
                <span className="outline-item__name">{chapter.name}</span>
                <span className="outline-item__actions">
                  <Button
                    id={buttonId(chapter.themeId, "include")}
                    size="small"
                    aria-label={t("outline.include", { name: chapter.name })}
                    onPress={() => include(chapter)}
                  >
                    {t("outline.includeShort")}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
      <div className="form__actions form__actions--start">
        <Button
          variant="primary"
          isPending={save.isPending}
          pendingLabel={t("outline.saving")}
          onPress={submit}
        >
          {t("outline.save")}
        </Button>
        {dirty && (
          <Button
            variant="quiet"
            onPress={() => {
              setDirty(false);
              setState(fromServer());
            }}
          >
            {t("outline.reset")}
          </Button>
        )}
        {dirty && <span className="outline-editor__dirty">{t("outline.unsaved")}</span>}
      </div>
      {save.isSuccess && !dirty && <Alert tone="success">{t("outline.saved")}</Alert>}
      {save.isError && <Alert>{describeApiError(save.error)}</Alert>}
    </section>
  );
}
