import { z } from "zod";
import { lessonKinds } from "../lessons";
import { idSchema, requiredSingleLineText } from "./common";

/**
 * Version history (DESIGN.md › Concepts › Version). Routes:
 * - GET  /api/documents/:id/versions                           → { versions: VersionSummary[] } newest first   (document.read)
 * - POST /api/documents/:id/versions  CreateVersionRequest     → 201 { version }  a named version of now       (document.editText)
 * - GET  /api/documents/:id/versions/:versionId                → { version: VersionDetail }                    (document.read)
 * - GET  /api/documents/:id/versions/:versionId/diff?to=current|<versionId> → VersionDiff                      (document.read)
 * - POST /api/documents/:id/versions/:versionId/restore  RestoreVersionRequest → 200 RestoreVersionResponse    (document.editText)
 * - GET  /api/workspaces/:id/changes?since=YYYY-MM-DD|ISO      → WorkspaceChanges (default: the last meeting)  (workspace member)
 * A restore is a forward edit through the collaboration server: whoever has the document open sees it at
 * once, and the state just before it is kept as a version, so a restore is undone by restoring that one.
 */
export const VERSION_LIMITS = { nameMaxLength: 120 } as const;

/** auto: taken when edits settled for a while; named: taken on demand; restore: the state a restore made. */
export const versionKinds = ["auto", "named", "restore"] as const;
export type VersionKind = (typeof versionKinds)[number];

const personRef = z.object({ id: z.string(), name: z.string() });

export const createVersionRequest = z.object({
  name: requiredSingleLineText(VERSION_LIMITS.nameMaxLength),
});
export type CreateVersionRequest = z.infer<typeof createVersionRequest>;

export const versionSummarySchema = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(versionKinds),
  name: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
  /** Who took it (named) or restored; null for automatic versions. */
  createdBy: personRef.nullable(),
  /** Who edited the document between the previous version and this one. */
  contributors: z.array(personRef),
  /** For a restore: the version whose text it brought back. */
  restoredFrom: z.string().nullable(),
  /** Stored (compressed) size of this version. */
  storedBytes: z.number().int(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionDetailSchema = versionSummarySchema.extend({
  lexicalJson: z.unknown(),
  plainText: z.string(),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

/** Restores the whole version, or only the top-level block at `blockIndex` of the version (see DiffBlock.topIndex). */
export const restoreVersionRequest = z
  .object({ blockIndex: z.number().int().min(0).max(1_000_000).optional() })
  .strict();
export type RestoreVersionRequest = z.infer<typeof restoreVersionRequest>;

export const restoreVersionResponseSchema = z.object({
  /** The version recording the restored state. */
  version: versionSummarySchema,
  /** The version holding the state just before the restore: restoring it undoes the restore. */
  undoVersionId: z.string(),
  /** Whether the restore changed anything (false when the text already was the version's). */
  changed: z.boolean(),
});
export type RestoreVersionResponse = z.infer<typeof restoreVersionResponseSchema>;

/** The kind of block a diff line is, for its label; lessons carry their kind. */
export const diffBlockTypes = [
  "paragraph",
  "heading",
  "quote",
  "listItem",
  "checkItem",
  "table",
  "lesson",
  "rule",
] as const;
export type DiffBlockType = (typeof diffBlockTypes)[number];

export const diffWordSchema = z.object({ op: z.enum(["same", "added", "removed"]), text: z.string() });
export type DiffWord = z.infer<typeof diffWordSchema>;

export const diffBlockSchema = z.object({
  op: z.enum(["same", "added", "removed", "changed"]),
  type: z.enum(diffBlockTypes),
  /** Heading level 1–6 for headings. */
  level: z.number().int().optional(),
  lessonKind: z.enum(lessonKinds).optional(),
  lessonId: z.string().optional(),
  /** The text before (absent for added blocks) and after (absent for removed blocks). */
  before: z.string().optional(),
  after: z.string().optional(),
  /** For changed blocks: the words, marked. */
  words: z.array(diffWordSchema).optional(),
  /** Index of the top-level block in the older version that holds this line (absent for added ones): what "restore this block" sends. */
  topIndex: z.number().int().optional(),
});
export type DiffBlock = z.infer<typeof diffBlockSchema>;

export const diffCountsSchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  same: z.number().int(),
});
export type DiffCounts = z.infer<typeof diffCountsSchema>;

const diffSideSchema = z.object({
  /** null for the current text. */
  versionId: z.string().nullable(),
  title: z.string(),
  createdAt: z.string().nullable(),
});

export const versionDiffSchema = z.object({
  from: diffSideSchema,
  to: diffSideSchema,
  blocks: z.array(diffBlockSchema),
  counts: diffCountsSchema,
});
export type VersionDiff = z.infer<typeof versionDiffSchema>;

/** `to`: "current" (the text as it is now, the default) or another version's id. */
export const versionDiffQuery = z.object({
  to: z.union([z.literal("current"), idSchema]).default("current"),
});

export const workspaceChangesQuery = z.object({
  since: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
});

export const documentChangeSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  kind: z.string(),
  /** new: created after `since`; changed: edited after it. */
  change: z.enum(["new", "changed"]),
  updatedAt: z.string(),
  contributors: z.array(personRef),
  /** The version the change is measured from (the last one at or before `since`); null for a new document. */
  baseVersionId: z.string().nullable(),
  counts: diffCountsSchema,
});
export type DocumentChange = z.infer<typeof documentChangeSchema>;

export const workspaceChangesSchema = z.object({
  since: z.string(),
  /** The meeting `since` defaults to (the last meeting before today), when there is one. */
  meeting: z.object({ documentId: idSchema, title: z.string(), date: z.string() }).nullable(),
  /** Meetings to choose from, newest first. */
  meetings: z.array(z.object({ documentId: idSchema, title: z.string(), date: z.string() })),
  documents: z.array(documentChangeSchema),
});
export type WorkspaceChanges = z.infer<typeof workspaceChangesSchema>;
