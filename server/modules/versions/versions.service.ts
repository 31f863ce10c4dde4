import type { VersionDiff, VersionKind } from "../../../shared/schemas/versions";
import type { DocumentDiff } from "../../../shared/version-diff/diff";
import { topLevelNodes } from "../../../shared/version-diff/lines";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { RestoreBuild } from "../../documents/restore-update";
import type { ExtractedText } from "../../documents/text-extraction";
import type { RestoreRequest } from "../../documents/worker-text-extractor";
import { badRequest, conflict, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import {
  contentHash,
  findVersion,
  insertVersion,
  latestVersion,
  listVersions,
  type VersionContent,
  type VersionRow,
} from "./versions.repo";

/** The collaboration server's side of versions: the live state, and trusted forward edits. */
export interface VersionsCollab {
  readDocumentState(documentId: string): Promise<Uint8Array>;
  applyServerUpdate(documentId: string, update: Uint8Array, userId: string): Promise<void>;
}

/** Headless Lexical work, on the worker thread (never on the event loop serving sockets). */
export interface VersionsDocumentWork {
  extract(state: Uint8Array): Promise<ExtractedText>;
  buildRestore(state: Uint8Array, restore: RestoreRequest): Promise<RestoreBuild>;
  diff(from: unknown, to: unknown): Promise<DocumentDiff>;
}

export interface RestoreResult {
  version: VersionRow;
  undoVersionId: string;
  changed: boolean;
}

/**
 * Version history of a document: every member reads it, editors and facilitators take named versions
 * and restore. A restore is a forward edit through the collaboration server (everyone connected sees
 * it, local caches merge it), and the text just before it is kept as a version first, so restoring
 * that one undoes it.
 */
export class VersionsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly collab: VersionsCollab,
    private readonly work: VersionsDocumentWork,
  ) {}

  async list(user: SessionUser, documentId: string): Promise<VersionRow[]> {
    await this.access.requireDocument(user, documentId, "document.read");
    return listVersions(this.db, documentId);
  }

  async get(user: SessionUser, documentId: string, versionId: string) {
    await this.access.requireDocument(user, documentId, "document.read");
    const version = await findVersion(this.db, documentId, versionId);
    if (!version) throw notFound("Version");
    return version;
  }

  /** What changed from a version to another one (`to` a version id) or to the text as it is now (`to` "current"). */
  async diff(user: SessionUser, documentId: string, versionId: string, to: string): Promise<VersionDiff> {
    await this.access.requireDocument(user, documentId, "document.read");
    const from = await findVersion(this.db, documentId, versionId);
    if (!from) throw notFound("Version");
    let target: { versionId: string | null; title: string; createdAt: string | null; json: unknown };
    if (to === "current") {
      const now = await this.work.extract(await this.collab.readDocumentState(documentId));
      const row = await this.db
        .selectFrom("documents")
        .select("title")
        .where("id", "=", documentId)
        .executeTakeFirstOrThrow();
      target = { versionId: null, title: now.title ?? row.title, createdAt: null, json: now.lexicalJson };
    } else {
      const other = await findVersion(this.db, documentId, to);
      if (!other) throw notFound("Version");
      target = {
        versionId: other.id,
        title: other.title,
        createdAt: other.createdAt,
        json: other.content.lexicalJson,
      };
    }
    const { blocks, counts } = await this.work.diff(from.content.lexicalJson, target.json);
    return {
      from: { versionId: from.id, title: from.title, createdAt: from.createdAt },
      to: { versionId: target.versionId, title: target.title, createdAt: target.createdAt },
      blocks,
      counts,
    };
  }

  /** A named version of the text as it is now. */
  async createNamed(user: SessionUser, documentId: string, name: string): Promise<VersionRow> {
    await this.requireEditable(user, documentId);
    const now = await this.work.extract(await this.collab.readDocumentState(documentId));
    return this.take(documentId, "named", now, { name, createdBy: user.id });
  }

  /** Brings back a version (or one top-level block of it) as a new edit. */
  async restore(
    user: SessionUser,
    documentId: string,
    versionId: string,
    blockIndex: number | undefined,
  ): Promise<RestoreResult> {
    await this.requireEditable(user, documentId);
    const version = await findVersion(this.db, documentId, versionId);
    if (!version) throw notFound("Version");
    const blocks = topLevelNodes(version.content.lexicalJson).length;
    if (blockIndex !== undefined && blockIndex >= blocks)
      throw badRequest(`The version has no block ${blockIndex}; it has ${blocks}.`, "blockIndex");

    const state = await this.collab.readDocumentState(documentId);
    const before = await this.work.extract(state);
    const latest = await latestVersion(this.db, documentId);
    const undo =
      latest && latest.contentHash === contentHash(contentOf(before))
        ? latest
        : await this.take(documentId, "auto", before, { createdBy: null });
    const build = await this.work.buildRestore(state, {
      versionJson: version.content.lexicalJson,
      blockIndex,
    });
    if (!build.changed) return { version: undo, undoVersionId: undo.id, changed: false };
    await this.collab.applyServerUpdate(documentId, build.update, user.id);
    const restored = await this.take(documentId, "restore", build.after, {
      createdBy: user.id,
      restoredFrom: version.id,
      contributors: [user.id],
    });
    return { version: restored, undoVersionId: undo.id, changed: true };
  }

  /**
   * An automatic version of the text as it is now (a finished editing session); none when the text is
   * the latest version's. Whether one was taken.
   */
  async takeAutomatic(documentId: string): Promise<boolean> {
    const now = await this.work.extract(await this.collab.readDocumentState(documentId));
    const latest = await latestVersion(this.db, documentId);
    if (latest && latest.contentHash === contentHash(contentOf(now))) return false;
    await this.take(documentId, "auto", now, { createdBy: null });
    return true;
  }

  /**
   * Keeps storage bounded: of the automatic versions taken before `before`, only the last of each day
   * (UTC) stays. Who contributed to a removed version is credited to the next version that stays.
   */
  async thin(before: string): Promise<number> {
    const old = await this.db
      .selectFrom("document_versions")
      .select("document_id")
      .distinct()
      .where("kind", "=", "auto")
      .where("created_at", "<", before)
      .execute();
    let removed = 0;
    for (const { document_id: documentId } of old) removed += await thinDocument(this.db, documentId, before);
    return removed;
  }

  private async requireEditable(user: SessionUser, documentId: string): Promise<void> {
    await this.access.requireDocument(user, documentId, "document.editText");
    const row = await this.db
      .selectFrom("documents")
      .select("deleted_at")
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    if (row.deleted_at !== null)
      throw conflict("The document is in the trash; restore it from the trash first.");
  }

  /** Stores a version of `extracted`, crediting who edited since the previous version. */
  private async take(
    documentId: string,
    kind: VersionKind,
    extracted: ExtractedText,
    options: { name?: string; createdBy: string | null; restoredFrom?: string; contributors?: string[] },
  ): Promise<VersionRow> {
    const contributorIds = options.contributors ?? (await this.editorsSincePrevious(documentId));
    const document = await this.db
      .selectFrom("documents")
      .select("title")
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    return insertVersion(this.db, {
      documentId,
      kind,
      name: options.name ?? null,
      title: extracted.title ?? document.title,
      content: contentOf(extracted),
      contributorIds,
      restoredFrom: options.restoredFrom ?? null,
      createdBy: options.createdBy,
    });
  }

  /** Who edited since the previous version (everyone who edited, for the first one), first editor first. */
  private async editorsSincePrevious(documentId: string): Promise<string[]> {
    const previous = await latestVersion(this.db, documentId);
    let query = this.db
      .selectFrom("document_editors")
      .select("user_id")
      .where("document_id", "=", documentId)
      .orderBy("edited_at");
    if (previous) query = query.where("edited_at", ">", previous.createdAt);
    return (await query.execute()).map((row) => row.user_id);
  }
}

async function thinDocument(db: Db, documentId: string, before: string): Promise<number> {
  const versions = (await listVersions(db, documentId)).reverse();
  const dropped = new Set<string>();
  const lastOfDay = new Map<string, string>();
  for (const version of versions)
    if (version.kind === "auto") lastOfDay.set(version.createdAt.slice(0, 10), version.id);
  for (const version of versions) {
    const last = lastOfDay.get(version.createdAt.slice(0, 10)) === version.id;
    if (version.kind === "auto" && version.createdAt < before && !last) dropped.add(version.id);
  }
  if (dropped.size === 0) return 0;
  await db.transaction().execute(async (trx) => {
    let carried = new Set<string>();
    for (const version of versions) {
      if (dropped.has(version.id)) {
        for (const id of version.contributorIds) carried.add(id);
        continue;
      }
      if (carried.size === 0) continue;
      const contributors = [...new Set([...version.contributorIds, ...carried])];
      await trx
        .updateTable("document_versions")
        .set({ contributors: JSON.stringify(contributors) })
        .where("id", "=", version.id)
        .execute();
      carried = new Set();
    }
    await trx
      .deleteFrom("document_versions")
      .where("id", "in", [...dropped])
      .execute();
  });
  return dropped.size;
}

function contentOf(extracted: ExtractedText): VersionContent {
  return { lexicalJson: extracted.lexicalJson, plainText: extracted.plainText };
}
