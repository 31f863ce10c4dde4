import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { badRequest } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { findChapterTheme, setChapterTheme } from "./handbook.repo";

/** Which theme a chapter document writes the introduction of (nullable: a chapter may be unlinked). */
export class ChapterThemeService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
  ) {}

  async get(user: SessionUser | undefined, documentId: string): Promise<string | null> {
    await this.access.requireDocument(user, documentId, "document.read");
    return findChapterTheme(this.db, documentId);
  }

  /** Links (or with null unlinks) a chapter document to a live theme of its workspace; editors and facilitators. */
  async set(user: SessionUser | undefined, documentId: string, themeId: string | null): Promise<string | null> {
    const { workspaceId } = await this.access.requireDocument(user, documentId, "document.update");
    const doc = await this.db.selectFrom("documents").select("kind").where("id", "=", documentId).executeTakeFirstOrThrow();
    if (doc.kind !== "chapter") throw badRequest("Only a chapter document is linked to a theme.");
    if (themeId !== null) {
      const theme = await this.db
        .selectFrom("themes")
        .select("id")
        .where("id", "=", themeId)
        .where("workspace_id", "=", workspaceId)
        .where("merged_into_id", "is", null)
        .where("archived_at", "is", null)
        .executeTakeFirst();
      if (!theme) throw badRequest("themeId: not a live theme of this workspace", "themeId");
    }
    await setChapterTheme(this.db, documentId, themeId);
    return findChapterTheme(this.db, documentId);
  }
}
