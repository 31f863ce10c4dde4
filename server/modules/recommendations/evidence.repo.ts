import type { Db } from "../../db/database";
import { nowIso } from "../../ids";
import { selectLiveLessons } from "../lessons/live-lessons.query";

/** A live lesson cited by a recommendation, with its source document and themes. */
export interface EvidenceRow {
  recommendation_id: string;
  id: string;
  kind: string;
  text: string;
  status: string;
  document_id: string;
  document_title: string;
  document_kind: string;
  municipality: string | null;
  outcome: string | null;
  themes: Array<{ id: string; name: string }>;
}

/** The live lessons (in live documents) cited by these recommendations, by source document then position. */
export async function findEvidence(db: Db, recommendationIds: readonly string[]): Promise<EvidenceRow[]> {
  if (recommendationIds.length === 0) return [];
  const rows = await selectLiveLessons(db)
    .innerJoin("recommendation_evidence as e", "e.lesson_id", "lessons.id")
    .select(["e.recommendation_id", "documents.kind as document_kind", "documents.outcome"])
    .where("e.recommendation_id", "in", [...recommendationIds])
    .orderBy("documents.title")
    .orderBy("lessons.position")
    .orderBy("lessons.id")
    .execute();
  if (rows.length === 0) return [];
  const themes = await db
    .selectFrom("lesson_themes")
    .innerJoin("themes", "themes.id", "lesson_themes.theme_id")
    .select(["lesson_themes.lesson_id", "themes.id", "themes.name"])
    .where("lesson_themes.lesson_id", "in", [...new Set(rows.map((r) => r.id))])
    .orderBy("themes.position")
    .execute();
  return rows.map((r) => ({
    ...r,
    themes: themes.filter((t) => t.lesson_id === r.id).map((t) => ({ id: t.id, name: t.name })),
  }));
}

/** How much backs a recommendation: distinct case documents and lessons among its evidence. */
export function countEvidence(rows: readonly EvidenceRow[]): { cases: number; lessons: number } {
  const cases = new Set(rows.filter((r) => r.document_kind === "case").map((r) => r.document_id));
  return { cases: cases.size, lessons: new Set(rows.map((r) => r.id)).size };
}

export async function addEvidence(db: Db, recommendationId: string, lessonId: string, userId: string): Promise<void> {
  await db
    .insertInto("recommendation_evidence")
    .values({ recommendation_id: recommendationId, lesson_id: lessonId, created_by: userId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["recommendation_id", "lesson_id"]).doNothing())
    .execute();
}

export async function removeEvidence(db: Db, recommendationId: string, lessonId: string): Promise<void> {
  await db
    .deleteFrom("recommendation_evidence")
    .where("recommendation_id", "=", recommendationId)
    .where("lesson_id", "=", lessonId)
    .execute();
}

/** The live recommendation documents citing a lesson, by title. */
export function findCitingRecommendations(db: Db, lessonId: string) {
  return db
    .selectFrom("recommendation_evidence as e")
    .innerJoin("documents", "documents.id", "e.recommendation_id")
    .select(["documents.id", "documents.title"])
    .where("e.lesson_id", "=", lessonId)
    .where("documents.deleted_at", "is", null)
    .orderBy("documents.title")
    .orderBy("documents.id")
    .execute();
}
