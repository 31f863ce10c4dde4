import type { Follows, FollowTarget, FollowTargetType } from "../../../shared/schemas/follows";
import type { Db } from "../../db/database";
import { nowIso } from "../../ids";

/** Where a target lives: its workspace, and whether it is in the trash (documents only). */
export interface FollowTargetPlace {
  workspaceId: string;
  trashed: boolean;
}

/** The workspace of a theme or document, or undefined when there is none with that id. */
export async function followTargetPlace(
  db: Db,
  target: FollowTarget,
): Promise<FollowTargetPlace | undefined> {
  if (target.targetType === "theme") {
    const theme = await db
      .selectFrom("themes")
      .select("workspace_id")
      .where("id", "=", target.targetId)
      .executeTakeFirst();
    return theme && { workspaceId: theme.workspace_id, trashed: false };
  }
  const document = await db
    .selectFrom("documents")
    .select(["workspace_id", "deleted_at"])
    .where("id", "=", target.targetId)
    .executeTakeFirst();
  return document && { workspaceId: document.workspace_id, trashed: document.deleted_at !== null };
}

/** What a person follows in one workspace. */
export async function followsIn(db: Db, userId: string, workspaceId: string): Promise<Follows> {
  const rows = await db
    .selectFrom("follows")
    .select(["target_type", "target_id"])
    .where("user_id", "=", userId)
    .where("workspace_id", "=", workspaceId)
    .orderBy("created_at")
    .orderBy("target_id")
    .execute();
  const of = (type: FollowTargetType) => rows.filter((r) => r.target_type === type).map((r) => r.target_id);
  return { themes: of("theme"), documents: of("document") };
}

/** Starts following; following what one already follows changes nothing. */
export async function follow(
  db: Db,
  userId: string,
  workspaceId: string,
  target: FollowTarget,
): Promise<void> {
  await db
    .insertInto("follows")
    .values({
      user_id: userId,
      workspace_id: workspaceId,
      target_type: target.targetType,
      target_id: target.targetId,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(["user_id", "target_type", "target_id"]).doNothing())
    .execute();
}

/** Stops following (nothing happens when one did not follow). */
export async function unfollow(db: Db, userId: string, target: FollowTarget): Promise<void> {
  await db
    .deleteFrom("follows")
    .where("user_id", "=", userId)
    .where("target_type", "=", target.targetType)
    .where("target_id", "=", target.targetId)
    .execute();
}
