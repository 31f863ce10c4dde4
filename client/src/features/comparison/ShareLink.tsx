import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";

/** The saved comparison's link inside the workspace, with a copy button (the link is selected when copying fails). */
export function ShareLink({ path }: { path: string }) {
  const { t } = useTranslation("comparison");
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const url = new URL(path, window.location.origin).toString();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      input.current?.select();
      setState("failed");
    }
  };
  return (
    <div className="share-link">
      <label className="field__label" htmlFor={inputId}>
        {t("saved.link")}
      </label>
      <div className="share-link__row">
        <input
          id={inputId}
          ref={input}
          className="field__input share-link__input"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onPress={copy}>{state === "copied" ? t("saved.copied") : t("saved.copy")}</Button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? t("saved.copied") : ""}
      </span>
      {state === "failed" && <p className="field__error">{t("saved.copyFailed")}</p>}
    </div>
  );
}
