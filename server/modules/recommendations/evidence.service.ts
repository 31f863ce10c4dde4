import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { AppError, badRequest, conflict, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import {
  addEvidence,
  type EvidenceRow,
  findCitingRecommendations,
  findEvidence,
  removeEvidence,
} from "./evidence.repo";

/** The lessons that support a recommendation, seen from either side. */
export class EvidenceService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
  ) {}

  /** The evidence of a recommendation document (any member may read it). */
  async list(user: SessionUser | undefined, documentId: string): Promise<EvidenceRow[]> {
    await this.recommendation(user, documentId, "document.read");
    return findEvidence(this.db, [documentId]);
  }

  /** Cites a lesson of the same workspace; editors and facilitators; citing twice changes nothing. */
  async link(user: SessionUser | undefined, documentId: string, lessonId: string): Promise<EvidenceRow[]> {
    const doc = await this.recommendation(user, documentId, "evidence.manage");
    if (doc.deleted_at) throw conflict("The recommendation is in the trash; restore it first.");
    const lesson = await this.db
      .selectFrom("lessons")
      .select(["id", "workspace_id", "deleted_at"])
      .where("id", "=", lessonId)
      .executeTakeFirst();
    // A lesson of another workspace is reported like an unknown one.
    if (!lesson || lesson.workspace_id !== doc.workspace_id || lesson.deleted_at) throw notFound("Lesson");
    await addEvidence(this.db, documentId, lessonId, (user as SessionUser).id);
    return findEvidence(this.db, [documentId]);
  }

  async unlink(user: SessionUser | undefined, documentId: string, lessonId: string): Promise<EvidenceRow[]> {
    await this.recommendation(user, documentId, "evidence.manage");
    await removeEvidence(this.db, documentId, lessonId);
    return findEvidence(this.db, [documentId]);
  }

  /** The live recommendations citing a lesson. */
  async citing(user: SessionUser | undefined, lessonId: string) {
    const lesson = await this.db
      .selectFrom("lessons")
      .select(["workspace_id", "deleted_at"])
      .where("id", "=", lessonId)
      .executeTakeFirst();
    if (!lesson) throw notFound("Lesson");
    try {
      await this.access.requireWorkspace(user, lesson.workspace_id, "lesson.read");
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Lesson");
      throw error;
    }
    return findCitingRecommendations(this.db, lessonId);
  }

  private async recommendation(
    user: SessionUser | undefined,
    documentId: string,
    action: "document.read" | "evidence.manage",
  ) {
    await this.access.requireDocument(user, documentId, action);
    const doc = await this.db
      .selectFrom("documents")
      .select(["id", "workspace_id", "kind", "deleted_at"])
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    if (doc.kind !== "recommendation") throw badRequest("Only a recommendation document has evidence.");
    return doc;
  }
}
