import { z } from "zod";
import { idSchema, requiredSingleLineText } from "./common";

/** Most synonym groups a workspace keeps, and most words or phrases in one group. */
export const SYNONYM_LIMITS = { groupsPerWorkspace: 200, termsPerGroup: 10, termLength: 80 } as const;

/** A word or phrase of a group as typed: "LDE", "lokale diensteneconomie"; it needs a letter or digit. */
const synonymTerm = requiredSingleLineText(SYNONYM_LIMITS.termLength).refine(
  (term) => /[\p{L}\p{N}]/u.test(term),
  "must contain a letter or a digit",
);

/**
 * Words and phrases that mean the same in this workspace: searching any of them finds the others.
 * Two to ten, none twice (letter case and accents aside).
 */
const synonymTerms = z
  .array(synonymTerm)
  .min(2, "needs at least two words or phrases")
  .max(SYNONYM_LIMITS.termsPerGroup, `at most ${SYNONYM_LIMITS.termsPerGroup} words or phrases`)
  .refine((terms) => new Set(terms.map(synonymKey)).size === terms.length, "names the same word twice");

/** How terms are compared: case, accents and spacing aside. */
export function synonymKey(term: string): string {
  return term
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export const synonymGroupSchema = z.object({
  id: idSchema,
  terms: z.array(z.string()),
  updatedAt: z.string(),
});
export type SynonymGroup = z.infer<typeof synonymGroupSchema>;

/** GET /api/workspaces/:id/synonyms → { synonyms } (every member) */
export const synonymListResponse = z.object({ synonyms: z.array(synonymGroupSchema) });
/** POST /api/workspaces/:id/synonyms { terms } → 201 { synonym }; PUT /api/synonyms/:id { terms } → { synonym } (facilitators) */
export const synonymGroupRequest = z.object({ terms: synonymTerms }).strict();
