import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";

/** A read-only link with a copy button; when the clipboard is unavailable the link is selected instead. */
export function CopyLink({ url }: { url: string }) {
  const { t } = useTranslation("workspaces");
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
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
    <div className="copy-link">
      <label className="visually-hidden" htmlFor="invite-link">
        {t("invites.link")}
      </label>
      <input
        id="invite-link"
        ref={input}
        className="field__input copy-link__input"
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button onPress={copy}>{state === "copied" ? t("invites.copied") : t("invites.copy")}</Button>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? t("invites.copied") : ""}
      </span>
      {state === "failed" && <p className="field__error">{t("invites.copyFailed")}</p>}
    </div>
  );
}
