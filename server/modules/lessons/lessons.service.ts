import type { LessonStance, LessonStatus } from "../../../shared/lessons";
import type { LessonQuery } from "../../../shared/schemas/lessons";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import { AppError, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import type { ExtractedLesson } from "../../lessons/extract-lessons";
import { deleteStance, findLessonRow, type LessonRecord, queryLessons, setLessonStatus, upsertStance } from "./lessons.repo";
import { type LessonSyncResult, syncDocumentLessons } from "./lessons.sync";

/** Listens for lessons that changed, e.g. to refresh the search index. */
export type LessonsChangedListener = (workspaceId: string, result: LessonSyncResult) => void | Promise<void>;

/** Lessons: kept in step with the documents' lesson blocks, weighed by members, validated by facilitators. */
export class LessonsService {
  private readonly listeners: LessonsChangedListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly events: DomainEventBus,
  ) {}

  onLessonsChanged(listener: LessonsChangedListener): void {
    this.listeners.push(listener);
  }

  /** Called when a document's edits settle, with the lesson blocks found in it. */
  async syncFromDocument(
    documentId: string,
    blocks: ExtractedLesson[],
    editorUserId: string | undefined,
  ): Promise<LessonSyncResult> {
    const doc = await this.db.selectFrom("documents").select("workspace_id").where("id", "=", documentId).executeTakeFirst();
    if (!doc) return { changed: [], deleted: [] };
    const workspaceId = doc.workspace_id;
    const result = await syncDocumentLessons(this.db, { workspaceId, documentId, blocks, editorUserId });
    if (result.changed.length || result.deleted.length) {
      for (const listener of this.listeners) await listener(workspaceId, result);
    }
    return result;
  }

  async list(user: SessionUser, workspaceId: string, filters: LessonQuery): Promise<LessonRecord[]> {
    await this.access.requireWorkspace(user, workspaceId, "lesson.read");
    return queryLessons(this.db, workspaceId, filters);
  }

  async get(user: SessionUser, lessonId: string): Promise<LessonRecord> {
    const row = await this.allowed(user, lessonId, "lesson.read");
    return this.reload(row.workspace_id, lessonId);
  }

  /** Moves a lesson along candidate → validated → in_handbook (or back, as an undo). Facilitators only. */
  async setStatus(user: SessionUser, lessonId: string, status: LessonStatus): Promise<LessonRecord> {
    const row = await this.allowed(user, lessonId, "lesson.setStatus");
    if (row.status !== status) {
      await setLessonStatus(this.db, lessonId, status, row.status, user.id);
      this.events.emit("documentsChanged", { workspaceId: row.workspace_id, documentIds: [row.document_id] });
    }
    return this.reload(row.workspace_id, lessonId);
  }

  /** Records the caller's endorsement or objection (one stance per person; a new one replaces it). */
  async setStance(user: SessionUser, lessonId: string, stance: LessonStance, reason: string): Promise<LessonRecord> {
    const row = await this.allowed(user, lessonId, "lesson.weigh");
    await upsertStance(this.db, lessonId, user.id, stance, reason);
    return this.reload(row.workspace_id, lessonId);
  }

  async removeStance(user: SessionUser, lessonId: string): Promise<LessonRecord> {
    const row = await this.allowed(user, lessonId, "lesson.weigh");
    await deleteStance(this.db, lessonId, user.id);
    return this.reload(row.workspace_id, lessonId);
  }

  private async allowed(user: SessionUser, lessonId: string, action: "lesson.read" | "lesson.setStatus" | "lesson.weigh") {
    const row = await findLessonRow(this.db, lessonId);
    if (!row || row.deleted_at) throw notFound("Lesson");
    try {
      await this.access.requireWorkspace(user, row.workspace_id, action);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Lesson");
      throw error;
    }
    return row;
  }

  private async reload(workspaceId: string, lessonId: string): Promise<LessonRecord> {
    const [row] = await queryLessons(this.db, workspaceId, { id: lessonId });
    if (!row) throw notFound("Lesson");
    return row;
  }
}
