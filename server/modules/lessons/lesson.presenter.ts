import type { LessonKind, LessonStatus } from "../../../shared/lessons";
import type { Lesson } from "../../../shared/schemas/lessons";
import type { LessonRecord } from "./lessons.repo";

/** A lesson as the API shows it; `viewerId` marks the caller's own stance. */
export function presentLesson(r: LessonRecord, viewerId: string): Lesson {
  const stance = (s: LessonRecord["stances"][number]) => ({
    userId: s.user_id,
    userName: s.user_name,
    stance: s.stance as "endorse" | "object",
    reason: s.reason,
    at: s.updated_at,
  });
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    kind: r.kind as LessonKind,
    text: r.text,
    themes: r.themes,
    status: r.status as LessonStatus,
    previousStatus: (r.previous_status as LessonStatus | null) ?? null,
    document: {
      id: r.document_id,
      title: r.document_title,
      kind: r.document_kind,
      municipality: r.municipality,
      isCentreCity: r.is_centre_city === null ? null : r.is_centre_city === 1,
      outcome: (r.outcome as Lesson["document"]["outcome"]) ?? null,
    },
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? "" } : null,
    endorsements: r.stances.filter((s) => s.stance === "endorse").map(stance),
    objections: r.stances.filter((s) => s.stance === "object").map(stance),
    myStance: (r.stances.find((s) => s.user_id === viewerId)?.stance as "endorse" | "object" | undefined) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Counts per kind and per theme over a list of lessons. */
export function countLessons(rows: LessonRecord[]) {
  const byKind: Record<string, number> = {};
  const byTheme: Record<string, number> = {};
  for (const r of rows) {
    byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    for (const t of r.themes) byTheme[t.id] = (byTheme[t.id] ?? 0) + 1;
  }
  return { byKind, byTheme };
}
