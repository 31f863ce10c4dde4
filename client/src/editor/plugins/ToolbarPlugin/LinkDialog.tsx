import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { sanitizeLinkUrl } from "../../../../../shared/editor/url";
import { Button } from "../../../ui/Button";
import { Modal } from "../../../ui/Modal";
import { TextField } from "../../../ui/TextField";

/** Asks for a link address; only http, https and mailto addresses are accepted. */
export function LinkDialog({
  isOpen,
  onClose,
  onApply,
}: {
  isOpen: boolean;
  onClose: () => void;
  onApply: (url: string) => void;
}) {
  const { t } = useTranslation(["editor", "common"]);
  const [url, setUrl] = useState("https://");
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const safe = sanitizeLinkUrl(url);
    if (!safe) {
      setError(t("link.invalid"));
      return;
    }
    onApply(safe);
    setUrl("https://");
    setError(undefined);
  };
  return (
    <Modal title={t("link.title")} isOpen={isOpen} onOpenChange={(open) => !open && onClose()}>
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          label={t("link.urlLabel")}
          name="url"
          type="url"
          value={url}
          onChange={(value) => {
            setUrl(value);
            setError(undefined);
          }}
          description={t("link.urlHint")}
          error={error}
          autoFocus
          isRequired
        />
        <div className="form__actions">
          <Button variant="quiet" onPress={onClose}>
            {t("common:actions.cancel")}
          </Button>
          <Button variant="primary" type="submit">
            {t("link.apply")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
