import type { Handbook, HandbookOutline } from "../../../shared/schemas/handbook";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import { badRequest, conflict, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { nowIso } from "../../ids";
import type { Logger } from "../../logger";
import { findEvidence } from "../recommendations/evidence.repo";
import { listThemes } from "../themes/themes.repo";
import { documentTextBlocks } from "./chapter-text";
import { CompiledHandbookCache, fingerprintOf } from "./compiled-handbook-cache";
import { chapterLessonIds, compileHandbook } from "./compile-handbook";
import { findExport, markLessonsInHandbook, undoExportMark } from "./handbook-exports.repo";
import {
  findChapterDocuments,
  findHandbookLessons,
  findOutline,
  findRecommendations,
  findWorkspace,
  type HandbookLessonRow,
  saveOutline,
} from "./handbook.repo";

/** Reads a document's current text as serialized Lexical state (from the collaboration server). */
export type ReadDocumentJson = (documentId: string) => Promise<unknown>;

/** Everything a compile reads from SQL; each text document stands in as its id and row's `updated_at`. */
interface HandbookSources {
  workspace: Awaited<ReturnType<typeof findWorkspace>>;
  chapters: HandbookOutline["chapters"];
  lessons: HandbookLessonRow[];
  recommendationDocs: Array<{ id: string; title: string; updated_at: string }>;
  evidence: Awaited<ReturnType<typeof findEvidence>>;
  textVersions: Array<[documentId: string, updatedAt: string]>;
}

/** The handbook: its chapter outline, the compiled structure every export renders, and the export mark. */
export class HandbookService {
  private readonly cache = new CompiledHandbookCache();

  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly readDocumentJson: ReadDocumentJson,
    private readonly events: DomainEventBus,
    private readonly logger: Logger,
  ) {}

  /** Checks access before a request body is read. */
  async authorize(
    user: SessionUser | undefined,
    workspaceId: string,
    action: "handbook.read" | "handbook.compile",
  ) {
    await this.access.requireWorkspace(user, workspaceId, action);
  }

  /** Included chapters in their order, then the live themes left out; any member may read it. */
  async outline(user: SessionUser | undefined, workspaceId: string): Promise<HandbookOutline> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.read");
    return this.loadOutline(workspaceId);
  }

  /** Stores which themes are chapters, in order (facilitator). Every id must be a live theme here. */
  async updateOutline(
    user: SessionUser | undefined,
    workspaceId: string,
    themeIds: string[],
  ): Promise<HandbookOutline> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.compile");
    const live = new Set((await listThemes(this.db, workspaceId, false)).map((t) => t.id));
    const unknown = themeIds.find((id) => !live.has(id));
    if (unknown) throw badRequest(`themeIds: ${unknown} is not a live theme of this workspace`, "themeIds");
    await saveOutline(this.db, workspaceId, themeIds, (user as SessionUser).id);
    return this.loadOutline(workspaceId);
  }

  /** The compiled handbook (any member: the preview and the exports). Access is checked before the cache. */
  async compile(user: SessionUser | undefined, workspaceId: string): Promise<Handbook> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.read");
    return this.compiled(workspaceId);
  }

  /** Marks every lesson of the compiled chapters in_handbook in one action; returns the undo token. */
  async markExported(
    user: SessionUser | undefined,
    workspaceId: string,
  ): Promise<{ token: string; marked: number }> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.compile");
    const lessonIds = chapterLessonIds(await this.compiled(workspaceId));
    const result = await markLessonsInHandbook(this.db, {
      workspaceId,
      lessonIds,
      userId: (user as SessionUser).id,
    });
    this.events.emit("documentsChanged", { workspaceId });
    return result;
  }

  /** Gives each lesson of that mark its status from before; a token works once. */
  async undoMarkExported(user: SessionUser | undefined, workspaceId: string, token: string): Promise<number> {
    await this.access.requireWorkspace(user, workspaceId, "handbook.compile");
    const mark = await findExport(this.db, workspaceId, token);
    if (!mark) throw notFound("Export mark");
    const restored = await undoExportMark(this.db, token, (user as SessionUser).id);
    if (restored < 0) throw conflict("This export mark was already undone.");
    this.events.emit("documentsChanged", { workspaceId });
    return restored;
  }

  private async loadOutline(workspaceId: string): Promise<HandbookOutline> {
    return (await this.readOutline(workspaceId)).outline;
  }

  private async readOutline(workspaceId: string) {
    const themes = await listThemes(this.db, workspaceId, false);
    const stored = await findOutline(this.db, workspaceId);
    const docs = await findChapterDocuments(this.db, workspaceId);
    const byId = new Map(themes.map((t) => [t.id, t]));
    // Stored chapters whose theme was archived or merged since drop out.
    const included = stored.stored ? stored.themeIds.filter((id) => byId.has(id)) : themes.map((t) => t.id);
    const excluded = themes.filter((t) => !included.includes(t.id)).map((t) => t.id);
    const line = (id: string, isIncluded: boolean) => ({
      themeId: id,
      name: byId.get(id)?.name ?? "",
      included: isIncluded,
      chapterDocuments: docs.filter((d) => d.theme_id === id).map((d) => ({ id: d.id, title: d.title })),
    });
    const outline: HandbookOutline = {
      customised: stored.stored,
      chapters: [...included.map((id) => line(id, true)), ...excluded.map((id) => line(id, false))],
    };
    return { outline, docs };
  }

  /**
   * The compiled handbook, from the cache when nothing it is compiled from changed. Its SQL sources
   * are read on every call (a few small queries) and fingerprinted; the expensive part, reading each
   * document's text from the collaboration server, runs only for a new fingerprint. A document's text
   * stands in the fingerprint as its row's `updated_at`, which its edits move once they settle.
   * A fingerprint rather than invalidation by domain events: many writers the handbook depends on
   * (edits settling, lesson sync, new themes, evidence, chapter links, the workspace's name) emit none.
   */
  private async compiled(workspaceId: string): Promise<Handbook> {
    const sources = await this.readSources(workspaceId);
    return this.cache.get(workspaceId, fingerprintOf(sources), () => this.build(workspaceId, sources));
  }

  private async readSources(workspaceId: string): Promise<HandbookSources> {
    const { outline, docs } = await this.readOutline(workspaceId);
    const included = outline.chapters.filter((c) => c.included);
    const recommendationDocs = await findRecommendations(this.db, workspaceId);
    const includedThemes = new Set(included.map((c) => c.themeId));
    return {
      workspace: await findWorkspace(this.db, workspaceId),
      chapters: included,
      lessons: await findHandbookLessons(this.db, workspaceId, [...includedThemes]),
      recommendationDocs,
      evidence: await findEvidence(
        this.db,
        recommendationDocs.map((r) => r.id),
      ),
      textVersions: [...docs.filter((d) => includedThemes.has(d.theme_id)), ...recommendationDocs].map(
        (d): [string, string] => [d.id, d.updated_at],
      ),
    };
  }

  private async build(workspaceId: string, sources: HandbookSources): Promise<Handbook> {
    const started = Date.now();
    const chapters = [];
    for (const c of sources.chapters) {
      const text = [];
      for (const doc of c.chapterDocuments) text.push(...(await this.documentText(doc.id)));
      chapters.push({ theme: { id: c.themeId, name: c.name }, text });
    }
    const recommendations = [];
    for (const r of sources.recommendationDocs) {
      recommendations.push({ id: r.id, title: r.title, text: await this.documentText(r.id) });
    }
    const handbook = compileHandbook({
      workspace: sources.workspace,
      compiledAt: nowIso(),
      chapters,
      lessons: sources.lessons,
      recommendations,
      evidence: sources.evidence,
    });
    this.logger.debug("handbook compiled", { workspaceId, ms: Date.now() - started });
    return handbook;
  }

  /**
   * A document's text blocks. One that cannot be read (whatever the reason) is left out with a
   * warning: one bad document never makes the handbook of its whole workspace fail.
   */
  private async documentText(documentId: string) {
    let json: unknown;
    try {
      json = await this.readDocumentJson(documentId);
    } catch (error) {
      this.logger.warn("document left out of the handbook: its text cannot be read", {
        documentId,
        error: (error as Error).message,
      });
      return [];
    }
    return documentTextBlocks(json);
  }
}
