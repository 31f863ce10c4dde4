import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { foundingDocument } from "../documents/founding-text";
import { extractDocumentText } from "../documents/text-extraction";
import { newId, nowIso } from "../ids";
import type { DemoContext } from "./demo-seeders";

/** The founding text of the working group, shipped with the app (content/founding-text.txt). */
export const foundingTextPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../content/founding-text.txt",
);

/**
 * Demo seeder: the founding text becomes the demo workspace's first document, with its headings,
 * lists and quotes as Lexical nodes. The demo runs inside the bootstrap transaction before the
 * collaboration server exists, so the Y.Doc update is stored as the document's first
 * document_updates row — the same row the collaboration server loads documents from.
 */
export async function seedFoundingDocument(ctx: DemoContext): Promise<string> {
  const { title, update } = foundingDocument(fs.readFileSync(foundingTextPath, "utf8"));
  const id = newId();
  const now = nowIso();
  const author = ctx.users.facilitator;
  await ctx.db
    .insertInto("documents")
    .values({
      id,
      workspace_id: ctx.workspaceId,
      kind: "note",
      title,
      municipality: null,
      is_centre_city: null,
      outcome: null,
      meeting_date: null,
      meeting_place: null,
      plain_text: extractDocumentText(update).plainText,
      created_by: author,
      created_at: now,
      updated_by: author,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  await ctx.db
    .insertInto("document_updates")
    .values({ document_id: id, data: update, created_at: now })
    .execute();
  return id;
}
