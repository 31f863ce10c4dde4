import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { LessonNode } from "../../../../../shared/editor/lesson-node";
import { lessonKinds } from "../../../../../shared/lessons";
import "../../../features/lessons/lesson-kinds.css";
import { useThemeNames } from "../../../features/themes/theme-queries";

const highlightMs = 3_000;

/**
 * Puts the kind's label and the theme names (current language) on each lesson block as data attributes, which the
 * stylesheet shows as a badge and a theme line: Lexical owns the block's children, not these attributes. Also
 * scrolls to and highlights the lesson named by `?les=` once it has arrived through sync.
 */
export function LessonDecorationsPlugin() {
  const { t } = useTranslation("lessons");
  const [editor] = useLexicalComposerContext();
  const { workspaceId = "" } = useParams();
  const themeNames = useThemeNames(workspaceId);
  const [search] = useSearchParams();
  const wanted = search.get("les");

  useEffect(() => {
    const names = themeNames.data ?? new Map<string, string>();
    const decorate = (element: HTMLElement) => {
      const kind = lessonKinds.find((k) => k === element.dataset.kind) ?? "do";
      element.dataset.kindLabel = t(`kinds.${kind}`);
      // A theme merged away shows under the name of the theme that absorbed it, as the server counts it.
      const known = (element.dataset.themes ?? "")
        .split(",")
        .map((id) => names.get(id))
        .filter((name): name is string => Boolean(name));
      const unique = [...new Set(known)];
      element.dataset.themeNames = unique.length ? t("editor.themesOf", { names: unique.join(", ") }) : "";
    };
    const decorateAll = () => {
      for (const element of editor.getRootElement()?.querySelectorAll<HTMLElement>("[data-lesson-id]") ??
        []) {
        decorate(element);
      }
    };
    decorateAll();
    return editor.registerMutationListener(
      LessonNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === "destroyed") continue;
          const element = editor.getElementByKey(key);
          if (element) decorate(element);
        }
      },
      { skipInitialization: false },
    );
  }, [editor, t, themeNames.data]);

  useEffect(() => {
    if (!wanted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const tryHighlight = () => {
      if (done) return;
      const element = editor
        .getRootElement()
        ?.querySelector<HTMLElement>(`[data-lesson-id="${CSS.escape(wanted)}"]`);
      if (!element) return;
      done = true;
      element.scrollIntoView({ block: "center", behavior: "smooth" });
      element.dataset.highlight = "";
      element.title = t("editor.highlighted");
      timer = setTimeout(() => {
        delete element.dataset.highlight;
        element.removeAttribute("title");
      }, highlightMs);
    };
    tryHighlight();
    const unregister = editor.registerUpdateListener(tryHighlight);
    return () => {
      unregister();
      if (timer) clearTimeout(timer);
    };
  }, [editor, wanted, t]);

  return null;
}
