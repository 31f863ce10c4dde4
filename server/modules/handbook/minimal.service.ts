import type { MinimalVersion } from "../../../shared/schemas/handbook";
import type { LessonStatus } from "../../../shared/lessons";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { AppError, badRequest, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { listThemes } from "../themes/themes.repo";
import { findMinimumLessons, isMinimum, markMinimum, unmarkMinimum } from "./minimum.repo";

/** The minimal feasible version: `do` lessons a facilitator marks as the minimum, as a checklist per theme. */
export class MinimalVersionService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
  ) {}

  /** Per live theme (by position) the minimum do lessons on it; themes without one are left out. */
  async checklist(user: SessionUser | undefined, workspaceId: string): Promise<MinimalVersion> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.read");
    const themes = await listThemes(this.db, workspaceId, false);
    const { lessons, themes: links } = await findMinimumLessons(this.db, workspaceId);
    return {
      themes: themes.flatMap((theme) => {
        const onTheme = lessons.filter((l) => links.some((k) => k.lesson_id === l.id && k.theme_id === theme.id));
        if (onTheme.length === 0) return [];
        return [
          {
            theme: { id: theme.id, name: theme.name },
            lessons: onTheme.map((l) => ({
              id: l.id,
              kind: "do" as const,
              text: l.text,
              status: l.status as LessonStatus,
              citation: { documentId: l.document_id, title: l.document_title, municipality: l.municipality },
            })),
          },
        ];
      }),
    };
  }

  /** Marks (or unmarks) a live `do` lesson as part of the minimum; facilitators only. */
  async setMinimum(user: SessionUser | undefined, lessonId: string, minimum: boolean): Promise<boolean> {
    const lesson = await this.db
      .selectFrom("lessons")
      .select(["id", "workspace_id", "kind", "deleted_at"])
      .where("id", "=", lessonId)
      .executeTakeFirst();
    if (!lesson || lesson.deleted_at) throw notFound("Lesson");
    try {
      await this.access.requireWorkspace(user, lesson.workspace_id, "lesson.markMinimum");
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Lesson");
      throw error;
    }
    if (minimum && lesson.kind !== "do") throw badRequest("Only a do lesson can be part of the minimum.");
    if (minimum) await markMinimum(this.db, lessonId, (user as SessionUser).id);
    else await unmarkMinimum(this.db, lessonId);
    return isMinimum(this.db, lessonId);
  }
}
