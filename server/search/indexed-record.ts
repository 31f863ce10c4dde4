import type { SearchHit } from "../../shared/schemas/search";
import { cleanText } from "./dutch-text";
import type { SearchEntry } from "./search-index";

/**
 * Text indexed per entry, in characters (both engines): about 150 pages. A longer document is
 * findable by its title and its first million characters; its lessons are entries of their own.
 */
export const MAX_INDEXED_TEXT_CHARS = 1_000_000;

/** The text cut to MAX_INDEXED_TEXT_CHARS, at a space where there is one, so no word is split. */
function indexedText(text: string): string {
  if (text.length <= MAX_INDEXED_TEXT_CHARS) return text;
  const cut = text.lastIndexOf(" ", MAX_INDEXED_TEXT_CHARS);
  return text.slice(0, cut > MAX_INDEXED_TEXT_CHARS / 2 ? cut : MAX_INDEXED_TEXT_CHARS);
}

/** The flat record both engines store for an entry: searchable text, filter fields and what a hit shows. */
export interface IndexedRecord {
  id: string;
  workspaceId: string;
  type: SearchEntry["type"];
  documentId: string;
  /** A document's own title; empty for a lesson (its document's title must not outrank its text). */
  title: string;
  /** The title of the document a lesson lives in; empty for a document. */
  documentTitle: string;
  text: string;
  themeNames: string;
  themeIds: string[];
  themes: { id: string; name: string }[];
  lessonKind?: string;
  status?: string;
  caseName?: string;
  isCentreCity?: boolean;
  outcome?: string;
  documentKind: string;
  /** Terms of the workspace's synonym groups this entry mentions; searched, never shown. */
  synonyms: string;
}

/** Maps an entry to its stored record, explicitly, with control characters removed from the text. */
export function toIndexedRecord(entry: SearchEntry): IndexedRecord {
  const lesson = entry.type === "lesson" ? entry : undefined;
  const themes = lesson ? lesson.themes.map((t) => ({ id: t.id, name: cleanText(t.name) })) : [];
  return {
    id: entry.id,
    workspaceId: entry.workspaceId,
    type: entry.type,
    documentId: entry.documentId,
    title: entry.type === "document" ? cleanText(entry.title) : "",
    documentTitle: lesson ? cleanText(lesson.documentTitle) : "",
    text: cleanText(indexedText(entry.text)),
    themeNames: themes.map((t) => t.name).join(" · "),
    themeIds: themes.map((t) => t.id),
    themes,
    lessonKind: lesson?.lessonKind,
    status: lesson?.status,
    caseName: entry.caseName === undefined ? undefined : cleanText(entry.caseName),
    isCentreCity: entry.isCentreCity,
    outcome: entry.outcome,
    documentKind: entry.documentKind,
    synonyms: cleanText(entry.synonyms ?? ""),
  };
}

/** Builds a hit from a stored record plus the engine's safe-HTML title and snippet. */
export function toSearchHit(record: IndexedRecord, titleHtml: string, snippet: string): SearchHit {
  return {
    id: record.id,
    type: record.type,
    documentId: record.documentId,
    title: record.type === "lesson" ? record.documentTitle : record.title,
    titleHtml,
    snippet,
    documentKind: record.documentKind as SearchHit["documentKind"],
    caseName: record.caseName ?? null,
    isCentreCity: record.isCentreCity ?? null,
    outcome: (record.outcome ?? null) as SearchHit["outcome"],
    lessonKind: (record.lessonKind ?? null) as SearchHit["lessonKind"],
    status: (record.status ?? null) as SearchHit["status"],
    themes: record.themes.map((t) => ({ id: t.id, name: t.name })),
  };
}
