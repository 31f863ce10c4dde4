import { LIMITS } from "../../../shared/limits";
import { type CreateDocumentRequest, createDocumentRequest } from "../../../shared/schemas/documents";
import type { ImportResponse } from "../../../shared/schemas/imports";
import type { AccessControl } from "../../auth/access";
import { DocumentTooLargeError } from "../../collab/room-errors";
import type { Db } from "../../db/database";
import type { RestoreBuild } from "../../documents/restore-update";
import type { ImportRequest, RestoreRequest } from "../../documents/worker-text-extractor";
import { AppError, badRequest } from "../../errors";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import type { ImportConversion } from "../../imports/convert-import";
import { detectFormat } from "../../imports/detect-format";
import { ImportRefusedError, refusalStatus } from "../../imports/import-refusal";
import type { Logger } from "../../logger";
import type { DocumentService } from "../documents";

/** The worker that reads files and builds edits, off the event loop that serves the sockets. */
export interface ImportWork {
  convertImport(request: ImportRequest): Promise<ImportConversion>;
  buildRestore(state: Uint8Array, restore: RestoreRequest): Promise<RestoreBuild>;
}

/** The collaboration server's side: the new document's state, and the trusted write of its content. */
export interface ImportCollab {
  readDocumentState(documentId: string): Promise<Uint8Array>;
  applyServerUpdate(documentId: string, update: Uint8Array, userId: string): Promise<void>;
}

/** One uploaded file with the document fields sent beside it (title optional). */
export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  fields: Omit<CreateDocumentRequest, "title"> & { title?: string };
}

/**
 * Imports a Word or Markdown file as a new document. The file is read on the worker first, so a
 * refused file creates nothing; the document is then created empty and its content written through
 * the collaboration server as a trusted edit, so extraction, lessons and search follow as for typed
 * text. A failure of that write removes the new document again: no half document is left.
 */
export class ImportsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly documents: DocumentService,
    private readonly work: ImportWork,
    private readonly collab: ImportCollab,
    private readonly events: DomainEventBus,
    private readonly logger: Logger,
  ) {}

  async import(user: SessionUser, workspaceId: string, input: ImportInput): Promise<ImportResponse> {
    await this.access.requireWorkspace(user, workspaceId, "document.create");
    const baseName = titleFromFileName(input.fileName);
    // The fields are checked before the file is read: a bad field costs no conversion.
    const provisional = createDocumentRequest.safeParse({
      ...input.fields,
      title: input.fields.title ?? baseName,
    });
    if (!provisional.success) {
      const issue = provisional.error.issues[0];
      throw badRequest(
        `${issue.path.join(".") || "request"} ${issue.message}`,
        issue.path.join(".") || undefined,
      );
    }
    const refuse = (reason: ImportRefusedError["reason"], detail: string) =>
      new AppError(refusalStatus(reason), errorCodeOf(reason), `${input.fileName}: ${detail}.`, {
        field: "file",
        reason,
      });
    let conversion: ImportConversion;
    try {
      const format = detectFormat(input.fileName, input.bytes);
      conversion = await this.work.convertImport({ format, bytes: input.bytes });
    } catch (error) {
      if (error instanceof ImportRefusedError) throw refuse(error.reason, error.detail);
      this.logger.warn("import: the file could not be read", { file: input.fileName, error: String(error) });
      throw refuse("corrupt", "the file could not be read");
    }
    if (!conversion.ok) throw refuse(conversion.reason, conversion.detail);
    const { document } = conversion;
    const title = input.fields.title ?? singleLine(document.heading) ?? baseName;
    const record = await this.documents.create(workspaceId, user.id, { ...provisional.data, title });
    try {
      const state = await this.collab.readDocumentState(record.id);
      const build = await this.work.buildRestore(state, { versionJson: document.lexicalJson });
      if (build.changed) await this.collab.applyServerUpdate(record.id, build.update, user.id);
    } catch (error) {
      await this.db.deleteFrom("documents").where("id", "=", record.id).execute();
      this.events.emit("documentsChanged", { workspaceId, documentIds: [record.id] });
      this.logger.error("import: writing the document failed; it was removed again", {
        file: input.fileName,
        error: String(error),
      });
      if (error instanceof DocumentTooLargeError)
        throw refuse("too_large", "the document would exceed the largest size a document may have");
      throw new AppError(
        503,
        "service_unavailable",
        `${input.fileName}: the document could not be stored; try again.`,
      );
    }
    return { documentId: record.id, title, lessonsFound: document.lessonsFound, warnings: document.warnings };
  }
}

function errorCodeOf(reason: ImportRefusedError["reason"]) {
  if (reason === "too_large") return "payload_too_large" as const;
  if (reason === "unsupported_type") return "unsupported_media_type" as const;
  return "validation_failed" as const;
}

/** A heading as a document title: one line, within the title limit; undefined when empty. */
function singleLine(text: string | undefined): string | undefined {
  const line = text?.replace(/\s+/g, " ").trim().slice(0, LIMITS.titleMaxLength).trim();
  return line ? line : undefined;
}

/** "Notulen 3 mei.docx" → "Notulen 3 mei". */
function titleFromFileName(fileName: string): string {
  return singleLine(fileName.replace(/\.[A-Za-z0-9]+$/, "").replace(/[_]+/g, " ")) ?? "Geïmporteerd document";
}
