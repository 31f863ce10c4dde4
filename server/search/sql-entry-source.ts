import type { Db } from "../db/database";
import type { CaseOutcome, DocumentKind } from "../../shared/schemas/documents";
import type { LessonKind, LessonStatus } from "../../shared/lessons";
import type { SearchEntrySource } from "./embedded/embedded-search-index";
import { sliceBudget } from "../work-slices";
import type { DocumentEntry, LessonEntry, SearchEntry } from "./search-index";
import { SynonymMatcher } from "./synonyms";

/** Case metadata of a document row, copied onto the document and each of its lessons. */
function caseFieldsOf(row: {
  kind: string;
  municipality: string | null;
  is_centre_city: number | null;
  outcome: string | null;
}) {
  if (row.kind !== "case") return {};
  return {
    caseName: row.municipality ?? undefined,
    isCentreCity: row.is_centre_city === null ? undefined : row.is_centre_city === 1,
    outcome: (row.outcome ?? undefined) as CaseOutcome | undefined,
  };
}

/** How many live documents and lessons there are (for a progress bar). */
export async function countSearchEntries(db: Db): Promise<number> {
  const [documents, lessons] = await Promise.all([
    db
      .selectFrom("documents")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("deleted_at", "is", null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("lessons")
      .innerJoin("documents", "documents.id", "lessons.document_id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("lessons.deleted_at", "is", null)
      .where("documents.deleted_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return Number(documents.n) + Number(lessons.n);
}

/** The search entries of these documents (live ones only) and their live lessons. */
export async function searchEntriesForDocuments(
  db: Db,
  documents: Array<{
    id: string;
    workspace_id: string;
    kind: string;
    title: string;
    plain_text: string;
    municipality: string | null;
    is_centre_city: number | null;
    outcome: string | null;
  }>,
): Promise<SearchEntry[]> {
  if (documents.length === 0) return [];
  const documentIds = documents.map((d) => d.id);
  const lessons = await db
    .selectFrom("lessons")
    .select(["id", "workspace_id", "document_id", "kind", "text", "status"])
    .where("document_id", "in", documentIds)
    .where("deleted_at", "is", null)
    .orderBy("id")
    .execute();
  const themeRows =
    lessons.length === 0
      ? []
      : await db
          .selectFrom("lesson_themes")
          .innerJoin("themes", "themes.id", "lesson_themes.theme_id")
          .select(["lesson_themes.lesson_id", "themes.id", "themes.name"])
          .where(
            "lesson_themes.lesson_id",
            "in",
            lessons.map((l) => l.id),
          )
          .orderBy("themes.position")
          .execute();
  const themesByLesson = new Map<string, { id: string; name: string }[]>();
  for (const t of themeRows) {
    const list = themesByLesson.get(t.lesson_id) ?? [];
    list.push({ id: t.id, name: t.name });
    themesByLesson.set(t.lesson_id, list);
  }
  const byId = new Map(documents.map((d) => [d.id, d]));
  const synonyms = await synonymMatchers(
    db,
    documents.map((d) => d.workspace_id),
  );
  const batch: SearchEntry[] = documents.map(
    (d): DocumentEntry => ({
      id: d.id,
      workspaceId: d.workspace_id,
      type: "document",
      documentId: d.id,
      title: d.title,
      text: d.plain_text,
      documentKind: d.kind as DocumentKind,
      ...caseFieldsOf(d),
    }),
  );
  for (const l of lessons) {
    const d = byId.get(l.document_id)!;
    batch.push({
      id: l.id,
      workspaceId: l.workspace_id,
      type: "lesson",
      documentId: l.document_id,
      documentTitle: d.title,
      text: l.text,
      lessonKind: l.kind as LessonKind,
      themes: themesByLesson.get(l.id) ?? [],
      status: l.status as LessonStatus,
      documentKind: d.kind as DocumentKind,
      ...caseFieldsOf(d),
    } satisfies LessonEntry);
  }
  // Looking for a workspace's synonyms reads every entry's text again: in slices, and only where there are some.
  const pause = sliceBudget();
  for (const entry of batch) {
    const matcher = synonyms.get(entry.workspaceId);
    if (!matcher) continue;
    const title = entry.type === "document" ? entry.title : entry.documentTitle;
    const expansion = await matcher.expansionOf([title, entry.text], pause);
    if (expansion) entry.synonyms = expansion;
  }
  return batch;
}

/** A matcher per workspace that has synonym groups (table search_synonyms). */
async function synonymMatchers(db: Db, workspaceIds: string[]): Promise<Map<string, SynonymMatcher>> {
  const rows = await db
    .selectFrom("search_synonyms")
    .select(["workspace_id", "terms"])
    .where("workspace_id", "in", [...new Set(workspaceIds)])
    .execute();
  const groups = new Map<string, string[][]>();
  for (const row of rows) {
    const list = groups.get(row.workspace_id) ?? [];
    list.push(JSON.parse(row.terms) as string[]);
    groups.set(row.workspace_id, list);
  }
  const matchers = new Map<string, SynonymMatcher>();
  for (const [workspaceId, list] of groups) {
    const matcher = new SynonymMatcher(list);
    if (!matcher.empty) matchers.set(workspaceId, matcher);
  }
  return matchers;
}

export const documentColumnsForSearch = [
  "id",
  "workspace_id",
  "kind",
  "title",
  "plain_text",
  "municipality",
  "is_centre_city",
  "outcome",
] as const;

/**
 * Every live (not trashed) document and its live lessons from SQL, a page of documents at a time:
 * what the embedded engine loads at start and what `npm run reindex` sends to Meilisearch.
 */
export function sqlSearchEntrySource(db: Db, documentsPerBatch = 200): SearchEntrySource {
  return async function* entries(): AsyncIterable<SearchEntry[]> {
    let after = "";
    for (;;) {
      const documents = await db
        .selectFrom("documents")
        .select(documentColumnsForSearch)
        .where("deleted_at", "is", null)
        .where("id", ">", after)
        .orderBy("id")
        .limit(documentsPerBatch)
        .execute();
      if (documents.length === 0) return;
      after = documents[documents.length - 1].id;
      yield await searchEntriesForDocuments(db, documents);
    }
  };
}
