import { type KeyboardEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { documentTitleSchema } from "../../../../shared/schemas/documents";
import { describeApiError, issueMessage } from "../../forms/errors";
import { useUpdateDocument } from "./document-queries";

/** The document's title: plain text for readers, edited inline by writers (Enter or leaving saves, Escape undoes). */
export function DocumentTitle({
  documentId,
  title,
  editable,
}: {
  documentId: string;
  title: string;
  editable: boolean;
}) {
  const { t } = useTranslation("documents");
  const update = useUpdateDocument(documentId);
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string>();
  useEffect(() => setDraft(title), [title]);

  if (!editable) return <h1 className="document-page__title">{title}</h1>;

  const save = () => {
    const parsed = documentTitleSchema.safeParse(draft);
    if (!parsed.success) {
      setError(issueMessage(parsed.error.issues[0]));
      return;
    }
    setError(undefined);
    if (parsed.data === title) return;
    update.mutate({ title: parsed.data }, { onError: (e) => setError(describeApiError(e)) });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      setDraft(title);
      setError(undefined);
    }
  };
  return (
    <div className="document-page__title-field">
      <h1 className="document-page__title">
        {/* A one-line text area: unlike an input it wraps a long title on a narrow screen (field-sizing). */}
        <textarea
          className="document-page__title-input"
          aria-label={t("page.titleLabel")}
          value={draft}
          rows={1}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value.replace(/[\r\n]+/g, " "))}
          onBlur={save}
          onKeyDown={onKeyDown}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={error ? `title-error-${documentId}` : undefined}
        />
      </h1>
      {error && (
        <p id={`title-error-${documentId}`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
