import type { Updateable } from "kysely";
import {
  type CreateDocumentRequest,
  type DocumentKind,
  documentKinds,
  misplacedMetadataField,
  type UpdateDocumentRequest,
} from "../../../shared/schemas/documents";
import type { DocumentsTable } from "../../db/schema";
import { emptyDocumentUpdate } from "../../documents/initial-state";
import { badRequest, conflict, notFound } from "../../errors";
import type { DomainEventBus } from "../../events";
import { newId, nowIso } from "../../ids";
import type { DocumentRecord, DocumentRepository } from "./documents.repo";

/** Document metadata: create, list, rename and edit metadata, trash and restore. The text lives in Yjs. */
export class DocumentService {
  constructor(
    private readonly repo: DocumentRepository,
    private readonly events: DomainEventBus,
  ) {}

  /** Creates a document with its first Y.Doc state (one empty paragraph). */
  async create(
    workspaceId: string,
    userId: string,
    input: CreateDocumentRequest,
    initialUpdate: Uint8Array = emptyDocumentUpdate(),
  ): Promise<DocumentRecord> {
    const now = nowIso();
    const id = newId();
    const isCase = input.kind === "case";
    const isMeeting = input.kind === "meeting";
    await this.repo.insert(
      {
        id,
        workspace_id: workspaceId,
        kind: input.kind,
        title: input.title,
        municipality: isCase ? (input.municipality ?? null) : null,
        is_centre_city: isCase ? (input.isCentreCity ? 1 : 0) : null,
        outcome: isCase ? (input.outcome ?? "ongoing") : null,
        meeting_date: isMeeting ? (input.meetingDate ?? null) : null,
        meeting_place: isMeeting ? (input.meetingPlace ?? "") : null,
        plain_text: "",
        created_by: userId,
        created_at: now,
        updated_by: userId,
        updated_at: now,
        deleted_at: null,
      },
      initialUpdate,
    );
    // Findable by its title at once, before anyone types in it (the settle work indexes edits).
    this.events.emit("documentsChanged", { workspaceId, documentIds: [id] });
    return this.get(id);
  }

  async get(id: string): Promise<DocumentRecord> {
    const row = await this.repo.find(id);
    if (!row) throw notFound("Document");
    return row;
  }

  /** Live (or trashed) documents, by kind in their fixed order, newest first within a kind. */
  async list(
    workspaceId: string,
    options: { trashed: boolean; kind?: DocumentKind },
  ): Promise<DocumentRecord[]> {
    const rows = await this.repo.list(workspaceId, options);
    const rank = (kind: string) => documentKinds.indexOf(kind as DocumentKind);
    // A stable sort keeps the repository's newest-first order within each kind.
    return rows.sort((a, b) => rank(a.kind) - rank(b.kind));
  }

  /** Renames or edits metadata; fields must fit the kind, and a trashed document is read-only. */
  async update(id: string, userId: string, input: UpdateDocumentRequest): Promise<DocumentRecord> {
    const row = await this.get(id);
    if (row.deleted_at) throw conflict("The document is in the trash; restore it first.");
    const misplaced = misplacedMetadataField(row.kind as DocumentKind, input);
    if (misplaced) throw badRequest(`${misplaced}: does not apply to a ${row.kind} document`, misplaced);
    const changes: Updateable<DocumentsTable> = { updated_by: userId, updated_at: nowIso() };
    if (input.title !== undefined) changes.title = input.title;
    if (input.municipality !== undefined) changes.municipality = input.municipality;
    if (input.isCentreCity !== undefined) changes.is_centre_city = input.isCentreCity ? 1 : 0;
    if (input.outcome !== undefined) changes.outcome = input.outcome;
    if (input.meetingDate !== undefined) changes.meeting_date = input.meetingDate;
    if (input.meetingPlace !== undefined) changes.meeting_place = input.meetingPlace;
    await this.repo.update(id, changes);
    this.events.emit("documentsChanged", { workspaceId: row.workspace_id, documentIds: [id] });
    return this.get(id);
  }

  /** Moves the document to the trash (deleted true) or back; emits documentTrashed when it changes. */
  async setTrashed(id: string, userId: string, trashed: boolean): Promise<DocumentRecord> {
    const row = await this.get(id);
    if (Boolean(row.deleted_at) === trashed) return row;
    const now = nowIso();
    await this.repo.update(id, {
      deleted_at: trashed ? now : null,
      deleted_by: trashed ? userId : null,
      updated_by: userId,
      updated_at: now,
    });
    this.events.emit("documentTrashed", { workspaceId: row.workspace_id, documentId: id, deleted: trashed });
    return this.get(id);
  }

  /** Saves the text extracted from the document's Y.Doc, for listings; the single text-settled hook. */
  async saveExtractedText(id: string, plainText: string, editorUserId: string | undefined): Promise<void> {
    const changes: Updateable<DocumentsTable> = { plain_text: plainText, updated_at: nowIso() };
    if (editorUserId) changes.updated_by = editorUserId;
    await this.repo.update(id, changes);
  }
}
