import { z } from "zod";
import { lessonKindSchema } from "./lessons";

/** Largest file an import accepts, and the most its unpacked parts (a DOCX is a zip) may hold. */
export const IMPORT_LIMITS = {
  maxFileBytes: 10 * 1024 * 1024,
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** Files one request may carry: one; the client sends several files as several requests. */
  maxFilesPerRequest: 1,
} as const;

/** The file types an import reads, by extension. */
export const importFormats = ["docx", "markdown"] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Accepted extensions, for a file input's `accept` and the drop check. */
export const importExtensions = [".docx", ".md", ".markdown"] as const;

/**
 * Why a file could not be imported; the error's `reason` (beside code and message), so the screen can
 * say it in the user's language. Nothing is created for a refused file.
 */
export const importRefusals = [
  /** Neither a DOCX nor a Markdown file (by name and content). */
  "unsupported_type",
  /** Over IMPORT_LIMITS.maxFileBytes. */
  "too_large",
  /** A DOCX that is not a readable zip or lacks its document part. */
  "corrupt",
  /** An encrypted (password protected) Office file. */
  "password_protected",
  /** A DOCX whose parts unpack past IMPORT_LIMITS.maxUnpackedBytes (a zip bomb). */
  "expands_too_far",
  /** Markdown that is not UTF-8 text. */
  "not_text",
  /** The file holds no text at all. */
  "empty",
  /** Nested too deeply or with too many parts to read safely (far beyond a real document). */
  "too_complex",
] as const;
export type ImportRefusal = (typeof importRefusals)[number];

/** Something the import left out or changed, with how often. */
export const importWarningSchema = z.object({
  code: z.enum([
    /** Images are not stored yet: each is left out. */
    "images_left_out",
    /** Links other than http, https and mailto lose their address (the text stays). */
    "unsafe_links_removed",
    /** Word content the editor has no block for (text boxes, footnotes, comments…). */
    "content_left_out",
  ]),
  count: z.number().int().positive(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

/** A lesson block the import made from a paragraph or list item that started with a lesson word. */
export const foundLessonSchema = z.object({ kind: lessonKindSchema, text: z.string() });
export type FoundLesson = z.infer<typeof foundLessonSchema>;

/**
 * POST /api/workspaces/:id/imports — multipart/form-data: `file`, `kind`, optional `title` (else the
 * file's first heading, else its name) and the kind's metadata fields as in createDocumentRequest
 * (`isCentreCity` as "true"/"false") → 201.
 */
export const importResponse = z.object({
  documentId: z.string(),
  title: z.string(),
  lessonsFound: z.array(foundLessonSchema),
  warnings: z.array(importWarningSchema),
});
export type ImportResponse = z.infer<typeof importResponse>;
