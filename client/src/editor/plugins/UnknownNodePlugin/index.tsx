import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { UnknownDecoratorNode } from "../../../../../shared/editor/unknown-decorator-node";
import { UnknownElementNode } from "../../../../../shared/editor/unknown-element-node";
import { UnknownTextNode } from "../../../../../shared/editor/unknown-text-node";
import "./unknown-node.css";

const placeholderClasses = [UnknownElementNode, UnknownTextNode, UnknownDecoratorNode];

/**
 * Labels the placeholders of unknown or malformed blocks ("Onbekend blok: table") in the current
 * language: the nodes live in shared/ and know no catalogue, so they only put the original type on
 * their element (data-original-type); this sets the label the stylesheet shows, and a tooltip.
 */
export function UnknownNodePlugin() {
  const { t } = useTranslation("editor");
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const label = (element: HTMLElement) => {
      const type = element.dataset.originalType ?? "";
      element.dataset.label = type ? t("unknownNode.labelWithType", { type }) : t("unknownNode.label");
      element.title = t("unknownNode.explanation");
    };
    const unregister = placeholderClasses.map((klass) =>
      editor.registerMutationListener(
        klass,
        (mutations) => {
          for (const [key, mutation] of mutations) {
            if (mutation === "destroyed") continue;
            const element = editor.getElementByKey(key);
            if (element) label(element);
          }
        },
        { skipInitialization: false },
      ),
    );
    return () => {
      for (const stop of unregister) stop();
    };
  }, [editor, t]);

  return null;
}
