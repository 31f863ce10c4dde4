import { type DocumentKind, type DocumentSummary, documentKinds } from "../../../../shared/schemas/documents";

const byTitle = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });

/**
 * Documents by kind, in the fixed kind order, each group by title: a list that does not move while people
 * type (the server sends them newest edit first, which reordered the sidebar at every save).
 */
export function groupByKind(documents: readonly DocumentSummary[]): Array<[DocumentKind, DocumentSummary[]]> {
  return documentKinds
    .map((kind): [DocumentKind, DocumentSummary[]] => [
      kind,
      documents
        .filter((d) => d.kind === kind)
        .sort((a, b) => byTitle.compare(a.title, b.title) || a.id.localeCompare(b.id)),
    ])
    .filter(([, docs]) => docs.length > 0);
}

/** The few documents edited last, newest first: the one list in the sidebar that follows the edits. */
export function recentlyEdited(documents: readonly DocumentSummary[], count = 3): DocumentSummary[] {
  return [...documents]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .slice(0, count);
}
