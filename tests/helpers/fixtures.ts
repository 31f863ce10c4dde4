import type { Role } from "../../shared/roles";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import type { Db } from "../../server/db/database";
import type { Themawerk } from "../../server/compose";
import { newId, nowIso } from "../../server/ids";

/**
 * Direct set-up of people, workspaces and documents for tests of other parts (collaboration,
 * documents). The accounts flows themselves are tested through the API.
 */
export interface FixtureUser {
  id: string;
  email: string;
  name: string;
  /** Session token, ready for a Cookie header: `${SESSION_COOKIE}=${token}`. */
  cookie: string;
  sessionId: string;
}

export async function createUser(t: Themawerk, name = "Tester"): Promise<FixtureUser> {
  const db: Db = t.database.db;
  const id = newId();
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${id}@example.test`;
  await db
    .insertInto("users")
    .values({
      id,
      email,
      name,
      // Not a valid hash: fixture users log in through their session cookie only.
      password_hash: "!fixture",
      locale: "nl",
      is_admin: 0,
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .execute();
  const session = await t.deps.sessions.create(id);
  return { id, email, name, cookie: `${SESSION_COOKIE}=${session.token}`, sessionId: session.sessionId };
}

export async function createWorkspace(t: Themawerk, owner: FixtureUser, name = "Testwerkruimte"): Promise<string> {
  const id = newId();
  await t.database.db
    .insertInto("workspaces")
    .values({ id, name, description: "", period: "", created_by: owner.id, created_at: nowIso(), updated_at: nowIso() })
    .execute();
  await addMember(t, id, owner, "facilitator");
  return id;
}

export async function addMember(t: Themawerk, workspaceId: string, user: FixtureUser, role: Role): Promise<void> {
  await t.database.db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: user.id, role, created_at: nowIso() })
    .execute();
}

export async function createDocument(
  t: Themawerk,
  workspaceId: string,
  author: FixtureUser,
  title = "Testdocument",
  kind = "note",
): Promise<string> {
  const id = newId();
  await t.database.db
    .insertInto("documents")
    .values({
      id,
      workspace_id: workspaceId,
      kind,
      title,
      municipality: null,
      is_centre_city: null,
      outcome: null,
      meeting_date: null,
      meeting_place: null,
      plain_text: "",
      created_by: author.id,
      created_at: nowIso(),
      updated_by: author.id,
      updated_at: nowIso(),
      deleted_at: null,
    })
    .execute();
  return id;
}

/** A workspace with one member per role, each with a session. */
export async function workspaceWithRoles(t: Themawerk) {
  const facilitator = await createUser(t, "Fien Facilitator");
  const editor = await createUser(t, "Eddy Editor");
  const commenter = await createUser(t, "Cas Commenter");
  const viewer = await createUser(t, "Vera Viewer");
  const outsider = await createUser(t, "Otto Outsider");
  const workspaceId = await createWorkspace(t, facilitator);
  await addMember(t, workspaceId, editor, "editor");
  await addMember(t, workspaceId, commenter, "commenter");
  await addMember(t, workspaceId, viewer, "viewer");
  await createWorkspace(t, outsider, "Andere werkruimte");
  return { workspaceId, facilitator, editor, commenter, viewer, outsider };
}
