import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { $getRoot } from "lexical";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";

/**
 * When the server did not take the user's offline changes (their role became read-only while they
 * were away): says so, lets them copy the text as they have it, and then shows the server's version.
 */
export function RefusedChanges({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation("editor");
  const [editor] = useLexicalComposerContext();
  const [copied, setCopied] = useState<"copied" | "failed" | undefined>();
  const [text] = useState(() => editor.getEditorState().read(() => $getRoot().getTextContent()));
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <section className="refused-changes" role="alert" aria-labelledby="refused-changes-title">
      <h2 id="refused-changes-title" className="refused-changes__title">
        {t("refused.title")}
      </h2>
      <p>{t("refused.explanation")}</p>
      <div className="refused-changes__actions">
        <Button variant="primary" onPress={() => void copy()}>
          {t("refused.copy")}
        </Button>
        <Button variant="secondary" onPress={onDiscard}>
          {t("refused.discard")}
        </Button>
        {copied && (
          <span className="refused-changes__copied" role="status">
            {t(copied === "copied" ? "refused.copied" : "refused.copyFailed")}
          </span>
        )}
      </div>
      <details className="refused-changes__text">
        <summary>{t("refused.show")}</summary>
        <textarea readOnly value={text} aria-label={t("refused.textLabel")} rows={8} />
      </details>
    </section>
  );
}
