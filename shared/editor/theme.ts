import type { EditorThemeClasses } from "lexical";

/** CSS class names the editor puts on its elements; the client's stylesheet styles them. */
export const editorTheme: EditorThemeClasses = {
  paragraph: "ed-paragraph",
  quote: "ed-quote",
  heading: { h1: "ed-h1", h2: "ed-h2", h3: "ed-h3", h4: "ed-h4", h5: "ed-h5", h6: "ed-h6" },
  list: {
    ul: "ed-ul",
    ol: "ed-ol",
    listitem: "ed-listitem",
    listitemChecked: "ed-listitem--checked",
    listitemUnchecked: "ed-listitem--unchecked",
    checklist: "ed-checklist",
    nested: { listitem: "ed-nested-listitem" },
  },
  table: "ed-table",
  tableRow: "ed-table-row",
  tableCell: "ed-table-cell",
  tableCellHeader: "ed-table-cell--header",
  tableScrollableWrapper: "ed-table-scroll",
  tableSelection: "ed-table--selecting",
  hr: "ed-hr",
  hrSelected: "ed-hr--selected",
  link: "ed-link",
  lesson: "ed-lesson",
  // The placeholder nodes of unknown or malformed blocks (shared/editor/placeholder-dom.ts).
  unknownNode: "ed-unknown",
  text: {
    bold: "ed-bold",
    italic: "ed-italic",
    underline: "ed-underline",
    strikethrough: "ed-strikethrough",
    underlineStrikethrough: "ed-underline-strikethrough",
    code: "ed-code",
  },
};
