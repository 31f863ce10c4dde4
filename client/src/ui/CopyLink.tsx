import { useId, useRef, useState } from "react";
import { Button } from "./Button";

/** The words around a copy-link field, in the caller's message namespace. */
export interface CopyLinkMessages {
  label: string;
  copy: string;
  copied: string;
  copyFailed: string;
}

/** A read-only link with a copy button; when the clipboard is unavailable the link is selected instead. */
export function CopyLink({
  url,
  messages,
  labelHidden,
  className,
}: {
  url: string;
  messages: CopyLinkMessages;
  /** Keep the label for screen readers only (the surrounding text already names the link). */
  labelHidden?: boolean;
  className?: string;
}) {
  const inputId = useId();
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
    <div className={["copy-link", className].filter(Boolean).join(" ")}>
      <label className={labelHidden ? "visually-hidden" : "field__label"} htmlFor={inputId}>
        {messages.label}
      </label>
      <div className="copy-link__row">
        <input
          id={inputId}
          ref={input}
          className="field__input copy-link__input"
          value={url}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onPress={copy}>{state === "copied" ? messages.copied : messages.copy}</Button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {state === "copied" ? messages.copied : ""}
      </span>
      {state === "failed" && <p className="field__error">{messages.copyFailed}</p>}
    </div>
  );
}
