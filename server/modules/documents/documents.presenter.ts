import { caseOutcomes, type DocumentKind, type DocumentSummary } from "../../../shared/schemas/documents";
import type { DocumentRecord } from "./documents.repo";

const excerptLength = 240;

/** Maps a document row to its API shape, field by field. */
export function presentDocument(row: DocumentRecord): DocumentSummary {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind as DocumentKind,
    title: row.title,
    municipality: row.municipality,
    isCentreCity: row.is_centre_city === null ? null : row.is_centre_city === 1,
    outcome: (caseOutcomes as readonly string[]).includes(row.outcome ?? "")
      ? (row.outcome as DocumentSummary["outcome"])
      : null,
    meetingDate: row.meeting_date,
    meetingPlace: row.meeting_place,
    excerpt: row.plain_text.slice(0, excerptLength),
    createdAt: row.created_at,
    createdBy: { id: row.created_by, name: row.created_by_name },
    updatedAt: row.updated_at,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    deletedAt: row.deleted_at,
    deletedBy:
      row.deleted_at && row.deleted_by ? { id: row.deleted_by, name: row.deleted_by_name ?? "" } : null,
  };
}
