import { type LessonKind, type LessonStatus, lessonKinds } from "../../../shared/lessons";
import type { Handbook, HandbookLesson, TextBlock } from "../../../shared/schemas/handbook";
import type { EvidenceRow } from "../recommendations/evidence.repo";
import { countEvidence } from "../recommendations/evidence.repo";
import type { HandbookLessonRow } from "./handbook.repo";

export interface HandbookSources {
  workspace: { name: string; period: string };
  compiledAt: string;
  /** The included themes in chapter order, each with the text of its chapter documents. */
  chapters: ReadonlyArray<{ theme: { id: string; name: string }; text: TextBlock[] }>;
  /** Validated and in-handbook lessons on those themes (one row per lesson and theme). */
  lessons: readonly HandbookLessonRow[];
  recommendations: ReadonlyArray<{ id: string; title: string; text: TextBlock[] }>;
  evidence: readonly EvidenceRow[];
}

function handbookLesson(r: {
  id: string;
  kind: string;
  text: string;
  status: string;
  document_id: string;
  document_title: string;
  municipality: string | null;
}): HandbookLesson {
  return {
    id: r.id,
    kind: r.kind as LessonKind,
    text: r.text,
    status: r.status as LessonStatus,
    citation: { documentId: r.document_id, title: r.document_title, municipality: r.municipality },
  };
}

/**
 * Puts the handbook together: a chapter per included theme (its chapter text, then its lessons grouped
 * by kind in the fixed order do's, don'ts, pitfalls, bottlenecks, success factors — empty groups left
 * out), then the recommendations, each with the lessons that support it.
 */
export function compileHandbook(input: HandbookSources): Handbook {
  const chapters = input.chapters.map((chapter, i) => {
    const onTheme = input.lessons.filter((l) => l.theme_id === chapter.theme.id);
    const groups = lessonKinds
      .map((kind) => ({ kind, lessons: onTheme.filter((l) => l.kind === kind).map(handbookLesson) }))
      .filter((g) => g.lessons.length > 0);
    return { number: i + 1, theme: chapter.theme, text: chapter.text, groups };
  });
  const recommendations = input.recommendations.map((rec) => {
    const evidence = input.evidence.filter((e) => e.recommendation_id === rec.id);
    return { ...rec, evidence: evidence.map(handbookLesson), counts: countEvidence(evidence) };
  });
  return {
    title: `Handboek — ${input.workspace.name}`,
    subtitle: input.workspace.period,
    compiledAt: input.compiledAt,
    chapters,
    recommendations,
  };
}

/** The distinct ids of the lessons in the handbook's chapters (the ones an export marks in_handbook). */
export function chapterLessonIds(handbook: Handbook): string[] {
  return [...new Set(handbook.chapters.flatMap((c) => c.groups.flatMap((g) => g.lessons.map((l) => l.id))))];
}
