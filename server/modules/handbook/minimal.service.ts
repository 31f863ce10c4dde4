import type { MinimalVersion } from "../../../shared/schemas/handbook";
import type { LessonStatus } from "../../../shared/lessons";
import type { AccessControl } from "../../auth/access";
import type { Action } from "../../auth/policy";
import type { Db } from "../../db/database";
import { AppError, badRequest, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { listThemes } from "../themes/themes.repo";
import {
  findMinimumLessons,
  isMinimum,
  markMinimum,
  minimumDone,
  setMinimumDone,
  unmarkMinimum,
} from "./minimum.repo";

/** The minimal feasible version: `do` lessons a facilitator marks as the minimum, as a checklist per theme. */
export class MinimalVersionService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
  ) {}

  /**
   * Per live theme (by position) the minimum do lessons whose first theme it is: each lesson once, its other
   * themes named, with who of the group ticked it off. Themes without one are left out.
   */
  async checklist(user: SessionUser | undefined, workspaceId: string): Promise<MinimalVersion> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.read");
    const themes = await listThemes(this.db, workspaceId, false);
    const { lessons, themes: links } = await findMinimumLessons(this.db, workspaceId);
    const done = await minimumDone(
      this.db,
      lessons.map((l) => l.id),
    );
    const themesOf = (lessonId: string) =>
      themes.filter((theme) => links.some((k) => k.lesson_id === lessonId && k.theme_id === theme.id));
    return {
      themes: themes.flatMap((theme) => {
        const first = lessons.filter((l) => themesOf(l.id)[0]?.id === theme.id);
        if (first.length === 0) return [];
        return [
          {
            theme: { id: theme.id, name: theme.name },
            lessons: first.map((l) => ({
              id: l.id,
              kind: "do" as const,
              text: l.text,
              status: l.status as LessonStatus,
              citation: { documentId: l.document_id, title: l.document_title, municipality: l.municipality },
              alsoOn: themesOf(l.id)
                .slice(1)
                .map((t) => ({ id: t.id, name: t.name })),
              done: done.get(l.id) ?? null,
            })),
          },
        ];
      }),
    };
  }

  /** Ticks a minimum lesson off for the whole group, or opens it again; facilitators and editors. */
  async setDone(user: SessionUser | undefined, lessonId: string, isDone: boolean) {
    await this.liveLesson(user, lessonId, "lesson.tickMinimum");
    if (!(await setMinimumDone(this.db, lessonId, isDone ? (user as SessionUser).id : null))) {
      throw badRequest("This lesson is not part of the minimal version.");
    }
    return (await minimumDone(this.db, [lessonId])).get(lessonId) ?? null;
  }

  /** Marks (or unmarks) a live `do` lesson as part of the minimum; facilitators only. */
  async setMinimum(user: SessionUser | undefined, lessonId: string, minimum: boolean): Promise<boolean> {
    const lesson = await this.liveLesson(user, lessonId, "lesson.markMinimum");
    if (minimum && lesson.kind !== "do") throw badRequest("Only a do lesson can be part of the minimum.");
    if (minimum) await markMinimum(this.db, lessonId, (user as SessionUser).id);
    else await unmarkMinimum(this.db, lessonId);
    return isMinimum(this.db, lessonId);
  }

  /** The live lesson, when the user may do `permission` in its workspace; 404 for anyone who may not see it. */
  private async liveLesson(user: SessionUser | undefined, lessonId: string, permission: Action) {
    const lesson = await this.db
      .selectFrom("lessons")
      .select(["id", "workspace_id", "kind", "deleted_at"])
      .where("id", "=", lessonId)
      .executeTakeFirst();
    if (!lesson || lesson.deleted_at) throw notFound("Lesson");
    try {
      await this.access.requireWorkspace(user, lesson.workspace_id, permission);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Lesson");
      throw error;
    }
    return lesson;
  }
}
