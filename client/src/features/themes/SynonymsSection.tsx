import { type FormEvent, type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { SYNONYM_LIMITS, type SynonymGroup } from "../../../../shared/schemas/synonyms";
import { describeApiError } from "../../forms/errors";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/TextField";
import {
  termsFromInput,
  useCreateSynonyms,
  useDeleteSynonyms,
  useSynonyms,
  useUpdateSynonyms,
} from "./synonym-queries";

/**
 * Search synonyms of the workspace on the themes screen: every member sees them, the facilitator adds,
 * changes and removes groups ("LDE, lokale diensteneconomie"). A removed group can be put back at once.
 */
export function SynonymsSection({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  const { t } = useTranslation("lessons");
  const synonyms = useSynonyms(workspaceId);
  const create = useCreateSynonyms(workspaceId);
  const update = useUpdateSynonyms(workspaceId);
  const remove = useDeleteSynonyms(workspaceId);
  const [input, setInput] = useState("");
  const [editing, setEditing] = useState<{ id: string; input: string } | null>(null);
  const [notice, setNotice] = useState<{ text: string; undo?: string[] } | null>(null);
  const error = create.error ?? update.error ?? remove.error;
  const tooFew = (text: string) => termsFromInput(text).length < 2;

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (tooFew(input)) return;
    create.mutate(termsFromInput(input), {
      onSuccess: () => {
        setInput("");
        setNotice({ text: t("synonyms.saved") });
      },
    });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!editing || tooFew(editing.input)) return;
    update.mutate(
      { id: editing.id, terms: termsFromInput(editing.input) },
      {
        onSuccess: () => {
          setEditing(null);
          setNotice({ text: t("synonyms.saved") });
        },
      },
    );
  };
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key === "Escape") setEditing(null);
  };
  const drop = (group: SynonymGroup) =>
    remove.mutate(group.id, {
      onSuccess: () =>
        setNotice({ text: t("synonyms.removed", { terms: group.terms.join(" = ") }), undo: group.terms }),
    });

  return (
    <section className="synonyms" aria-labelledby="synonyms-title">
      <h2 id="synonyms-title" className="synonyms__title">
        {t("synonyms.title")}
      </h2>
      <p className="page__lead">{t("synonyms.intro")}</p>
      {canManage && (
        <form className="themes-page__add" onSubmit={add} noValidate>
          <TextField
            label={t("synonyms.terms")}
            description={t("synonyms.termsHint", { max: SYNONYM_LIMITS.termsPerGroup })}
            name="synonym-terms"
            value={input}
            onChange={setInput}
            maxLength={SYNONYM_LIMITS.termsPerGroup * (SYNONYM_LIMITS.termLength + 2)}
          />
          <Button
            type="submit"
            variant="primary"
            isPending={create.isPending}
            pendingLabel={t("themes.adding")}
            isDisabled={tooFew(input)}
          >
            {t("synonyms.add")}
          </Button>
        </form>
      )}
      {error && <Alert>{describeApiError(error)}</Alert>}
      <div role="status" className="synonyms__notice">
        {notice && (
          <>
            {notice.text}{" "}
            {notice.undo && canManage && (
              <Button
                size="small"
                variant="quiet"
                onPress={() => {
                  const terms = notice.undo ?? [];
                  setNotice(null);
                  create.mutate(terms);
                }}
              >
                {t("synonyms.undo")}
              </Button>
            )}
          </>
        )}
      </div>
      {synonyms.isPending ? (
        <p className="muted">{t("synonyms.loading")}</p>
      ) : synonyms.isError ? (
        <Alert>{describeApiError(synonyms.error)}</Alert>
      ) : synonyms.data.length === 0 ? (
        <p className="muted">{t("synonyms.empty")}</p>
      ) : (
        <ul className="theme-list synonym-list">
          {synonyms.data.map((group) => (
            <li key={group.id} className="theme-row">
              {editing?.id === group.id ? (
                <form className="synonym-row__edit" onSubmit={save} onKeyDown={cancelOnEscape} noValidate>
                  <TextField
                    label={t("synonyms.editLabel")}
                    name="synonym-edit"
                    value={editing.input}
                    onChange={(value) => setEditing({ id: group.id, input: value })}
                    autoFocus
                  />
                  <Button
                    type="submit"
                    variant="primary"
                    size="small"
                    isPending={update.isPending}
                    isDisabled={tooFew(editing.input)}
                  >
                    {t("themes.save")}
                  </Button>
                  <Button size="small" variant="quiet" onPress={() => setEditing(null)}>
                    {t("synonyms.cancel")}
                  </Button>
                </form>
              ) : (
                <>
                  <span className="theme-row__name synonym-row__terms">
                    {group.terms.map((term, i) => (
                      <span key={term}>
                        {i > 0 && " = "}
                        <span className="synonym-row__term">{term}</span>
                      </span>
                    ))}
                  </span>
                  {canManage && (
                    <span className="theme-row__actions">
                      <Button
                        size="small"
                        aria-label={t("synonyms.editOf", { terms: group.terms.join(", ") })}
                        onPress={() => setEditing({ id: group.id, input: group.terms.join(", ") })}
                      >
                        {t("synonyms.edit")}
                      </Button>
                      <Button
                        size="small"
                        variant="quiet"
                        aria-label={t("synonyms.removeOf", { terms: group.terms.join(", ") })}
                        isDisabled={remove.isPending}
                        onPress={() => drop(group)}
                      >
                        {t("synonyms.remove")}
                      </Button>
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
