import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import type { SerializedEditorState } from "lexical";
import type { VersionKind } from "../../../shared/schemas/versions";
import type { Db } from "../../db/database";
import { newId } from "../../ids";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** A version as listed: everything but its text. */
export interface VersionRow {
  id: string;
  documentId: string;
  kind: VersionKind;
  name: string | null;
  title: string;
  contentHash: string;
  contributorIds: string[];
  restoredFrom: string | null;
  createdBy: string | null;
  createdAt: string;
  storedBytes: number;
}

/** What a version holds. */
export interface VersionContent {
  lexicalJson: SerializedEditorState;
  plainText: string;
}

export interface NewVersion {
  documentId: string;
  kind: VersionKind;
  name: string | null;
  title: string;
  content: VersionContent;
  contributorIds: string[];
  restoredFrom: string | null;
  createdBy: string | null;
}

/** The fingerprint that tells whether two versions hold the same text (an unchanged document takes no new automatic version). */
export function contentHash(content: VersionContent): string {
  return createHash("sha256").update(JSON.stringify(content.lexicalJson)).digest("base64url");
}

const listed = [
  "id",
  "document_id",
  "kind",
  "name",
  "title",
  "content_hash",
  "contributors",
  "restored_from",
  "created_by",
  "created_at",
] as const;

type ListedRow = {
  id: string;
  document_id: string;
  kind: string;
  name: string | null;
  title: string;
  content_hash: string;
  contributors: string;
  restored_from: string | null;
  created_by: string | null;
  created_at: string;
  stored_bytes: number | string | bigint;
};

function toRow(row: ListedRow): VersionRow {
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind as VersionKind,
    name: row.name,
    title: row.title,
    contentHash: row.content_hash,
    contributorIds: JSON.parse(row.contributors) as string[],
    restoredFrom: row.restored_from,
    createdBy: row.created_by,
    createdAt: row.created_at,
    storedBytes: Number(row.stored_bytes),
  };
}

/** The document's versions, newest first (at most `limit`). */
export async function listVersions(db: Db, documentId: string, limit?: number): Promise<VersionRow[]> {
  let query = db
    .selectFrom("document_versions")
    .select(listed)
    .select((eb) => eb.fn<number>("length", ["content"]).as("stored_bytes"))
    .where("document_id", "=", documentId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc");
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map(toRow);
}

export async function latestVersion(db: Db, documentId: string): Promise<VersionRow | undefined> {
  const [latest] = await listVersions(db, documentId, 1);
  return latest;
}

export async function findVersion(
  db: Db,
  documentId: string,
  versionId: string,
): Promise<(VersionRow & { content: VersionContent }) | undefined> {
  const row = await db
    .selectFrom("document_versions")
    .select(listed)
    .select(["content"])
    .select((eb) => eb.fn<number>("length", ["content"]).as("stored_bytes"))
    .where("document_id", "=", documentId)
    .where("id", "=", versionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const content = JSON.parse((await gunzipAsync(row.content)).toString("utf8")) as VersionContent;
  return { ...toRow(row), content };
}

/**
 * The version a change since `at` is measured from: the last one taken at or before `at`, else the
 * document's first (a real starting point whenever the document has a version at all).
 */
export async function baseVersionAt(
  db: Db,
  documentId: string,
  at: string,
): Promise<(VersionRow & { content: VersionContent }) | undefined> {
  const versions = db.selectFrom("document_versions").select("id").where("document_id", "=", documentId);
  const base =
    (await versions
      .where("created_at", "<=", at)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst()) ??
    (await versions.orderBy("created_at", "asc").orderBy("id", "asc").limit(1).executeTakeFirst());
  return base ? findVersion(db, documentId, base.id) : undefined;
}

export async function insertVersion(db: Db, version: NewVersion): Promise<VersionRow> {
  const content = await gzipAsync(Buffer.from(JSON.stringify(version.content), "utf8"));
  const id = newId();
  const hash = contentHash(version.content);
  // Strictly after the previous version, so the order never rests on a clock tick or a random id.
  const previous = await db
    .selectFrom("document_versions")
    .select((eb) => eb.fn.max("created_at").as("at"))
    .where("document_id", "=", version.documentId)
    .executeTakeFirst();
  const now = Date.now();
  const after = previous?.at ? Date.parse(previous.at) + 1 : 0;
  const createdAt = new Date(Math.max(now, after)).toISOString();
  await db
    .insertInto("document_versions")
    .values({
      id,
      document_id: version.documentId,
      kind: version.kind,
      name: version.name,
      title: version.title,
      content,
      content_hash: hash,
      contributors: JSON.stringify(version.contributorIds),
      restored_from: version.restoredFrom,
      created_by: version.createdBy,
      created_at: createdAt,
    })
    .execute();
  return {
    id,
    documentId: version.documentId,
    kind: version.kind,
    name: version.name,
    title: version.title,
    contentHash: hash,
    contributorIds: version.contributorIds,
    restoredFrom: version.restoredFrom,
    createdBy: version.createdBy,
    createdAt,
    storedBytes: content.length,
  };
}
