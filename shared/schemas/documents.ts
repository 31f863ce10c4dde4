import { z } from "zod";
import { LIMITS } from "../limits";
import { idSchema, requiredSingleLineText, roleSchema, singleLineText } from "./common";

/** Document kinds, in the order the workspace home lists them. */
export const documentKinds = ["case", "problem", "meeting", "recommendation", "chapter", "note"] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindSchema = z.enum(documentKinds);

export const caseOutcomes = ["succeeded", "struggled", "ongoing"] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

/** Which metadata fields belong to which kind; a field sent for another kind is refused. */
export const metadataFieldsByKind: Record<DocumentKind, readonly MetadataField[]> = {
  case: ["municipality", "isCentreCity", "outcome"],
  meeting: ["meetingDate", "meetingPlace"],
  problem: [],
  recommendation: [],
  chapter: [],
  note: [],
};
export const metadataFields = [
  "municipality",
  "isCentreCity",
  "outcome",
  "meetingDate",
  "meetingPlace",
] as const;
export type MetadataField = (typeof metadataFields)[number];

export const documentTitleSchema = requiredSingleLineText(LIMITS.titleMaxLength);

const metadataShape = {
  municipality: requiredSingleLineText(120),
  isCentreCity: z.boolean("must be true or false"),
  outcome: z.enum(caseOutcomes, "must be succeeded, struggled or ongoing"),
  meetingDate: z.iso.date("must be a date (YYYY-MM-DD)"),
  meetingPlace: singleLineText(200),
};

/** Adds an issue on every metadata field that does not belong to the kind. */
function refuseForeignMetadata(
  kind: DocumentKind,
  value: Record<string, unknown>,
  ctx: z.RefinementCtx,
): void {
  for (const field of metadataFields) {
    if (value[field] !== undefined && !metadataFieldsByKind[kind].includes(field)) {
      ctx.addIssue({ code: "custom", path: [field], message: `does not apply to a ${kind} document` });
    }
  }
}

/** POST /api/workspaces/:id/documents { title, kind, …metadata } → 201 { document } */
export const createDocumentRequest = z
  .object({
    title: documentTitleSchema,
    kind: documentKindSchema,
    municipality: metadataShape.municipality.optional(),
    isCentreCity: metadataShape.isCentreCity.optional(),
    outcome: metadataShape.outcome.optional(),
    meetingDate: metadataShape.meetingDate.optional(),
    meetingPlace: metadataShape.meetingPlace.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    refuseForeignMetadata(value.kind, value, ctx);
    if (value.kind === "case" && value.municipality === undefined) {
      ctx.addIssue({ code: "custom", path: ["municipality"], message: "is required for a case" });
    }
    if (value.kind === "meeting" && value.meetingDate === undefined) {
      ctx.addIssue({ code: "custom", path: ["meetingDate"], message: "is required for a meeting" });
    }
  });
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;

/** PATCH /api/documents/:id → { document }. The kind never changes; the server checks fields against it. */
export const updateDocumentRequest = z
  .object({
    title: documentTitleSchema.optional(),
    municipality: metadataShape.municipality.optional(),
    isCentreCity: metadataShape.isCentreCity.optional(),
    outcome: metadataShape.outcome.optional(),
    meetingDate: metadataShape.meetingDate.optional(),
    meetingPlace: metadataShape.meetingPlace.optional(),
  })
  .strict();
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequest>;

/** Checks PATCH fields against the document's kind on either side; returns the first misplaced field. */
export function misplacedMetadataField(
  kind: DocumentKind,
  update: UpdateDocumentRequest,
): MetadataField | undefined {
  return metadataFields.find(
    (field) => update[field] !== undefined && !metadataFieldsByKind[kind].includes(field),
  );
}

/** GET /api/workspaces/:id/documents?trashed=1&kind=case */
export const documentListQuery = z.object({
  trashed: z.enum(["0", "1"], "must be 0 or 1").optional(),
  kind: documentKindSchema.optional(),
});

const personRef = z.object({ id: z.string(), name: z.string() });

export const documentSchema = z.object({
  id: idSchema,
  workspaceId: idSchema,
  kind: documentKindSchema,
  title: z.string(),
  municipality: z.string().nullable(),
  isCentreCity: z.boolean().nullable(),
  outcome: z.enum(caseOutcomes).nullable(),
  meetingDate: z.string().nullable(),
  meetingPlace: z.string().nullable(),
  /** The first characters of the extracted text, for listings. */
  excerpt: z.string(),
  createdAt: z.string(),
  createdBy: personRef,
  updatedAt: z.string(),
  /** Who edited last (metadata or text). */
  updatedBy: personRef,
  /** Set when the document is in the trash. */
  deletedAt: z.string().nullable(),
  /** Who moved it to the trash, while it is there. */
  deletedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type DocumentSummary = z.infer<typeof documentSchema>;

/** GET /api/workspaces/:id/documents → { documents } (by kind, newest first) */
export const documentListResponse = z.object({ documents: z.array(documentSchema) });
/** POST, PATCH, DELETE, restore → { document }; GET /api/documents/:id → { document, role } */
export const documentResponse = z.object({ document: documentSchema });
export const documentWithRoleResponse = z.object({ document: documentSchema, role: roleSchema });
