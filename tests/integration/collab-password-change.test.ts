import { afterAll, beforeAll, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { nowIso } from "../../server/ids";
import { insertUser } from "../../server/modules/account/users.repo";
import { CLOSE_CODES } from "../../shared/close-codes";
import { apiCall } from "../helpers/api-client";
import { type CollabClient, collabClient, eventually } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * A password change ends every other session of the user and closes their sockets, but the
 * session that changed it stays signed in, and so do its open documents.
 */

const EMAIL = "paula@example.test";
const PASSWORD = "first password";

let server: TestServer;
let userId: string;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  userId = await insertUser(server.themawerk.database.db, {
    email: EMAIL,
    name: "Paula",
    passwordHash: await hashPassword(PASSWORD),
  });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

/** Logs in through the API and returns the Cookie header of the new session. */
async function login(password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify({ email: EMAIL, password }),
  });
  expect(res.status).toBe(200);
  const token = new RegExp(`${SESSION_COOKIE}=([a-z2-7]+)`).exec(res.headers.get("set-cookie") ?? "")?.[1];
  expect(token).toBeTruthy();
  return `${SESSION_COOKIE}=${token}`;
}

it("keeps the changer's own editor socket open and closes the other session's with 4401", async () => {
  const { workspaceId, facilitator } = await workspaceWithRoles(server.themawerk);
  await server.themawerk.database.db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: userId, role: "editor", created_at: nowIso() })
    .execute();
  const documentId = await createDocument(server.themawerk, workspaceId, facilitator);
  const changerCookie = await login(PASSWORD);
  const otherCookie = await login(PASSWORD);

  const changer = collabClient(server.url, documentId, { cookie: changerCookie });
  const other = collabClient(server.url, documentId, { cookie: otherCookie });
  const witness = collabClient(server.url, documentId, { cookie: facilitator.cookie });
  clients.push(changer, other, witness);
  await Promise.all([changer.synced(), other.synced(), witness.synced()]);
  const changerSocket = changer.provider.ws;
  let changerClosedWith: number | undefined;
  // Watches for the whole test: a close that never comes is the expected outcome.
  changer.nextClose(Number.POSITIVE_INFINITY).then((code) => {
    changerClosedWith = code;
  });
  const otherClosed = other.nextClose();

  const res = await apiCall(server.url, "/api/me/password", changerCookie, {
    method: "POST",
    json: { currentPassword: PASSWORD, newPassword: "second password" },
  });
  expect(res.status).toBe(204);

  expect(await otherClosed).toBe(CLOSE_CODES.unauthorized);
  // The positive signal that the event has been handled: the other socket closed. The changer's
  // socket is the very one it was, and its edits still reach the others.
  changer.doc.getText("t").insert(0, "na de wijziging");
  await eventually(
    () => {
      if (changerClosedWith !== undefined)
        throw new Error(`the changer's socket closed with ${changerClosedWith}`);
      return witness.doc.getText("t").toString() === "na de wijziging";
    },
    3000,
    "the changer's edit reaching the witness",
  );
  expect(changer.provider.ws).toBe(changerSocket);
  expect(changer.provider.wsconnected).toBe(true);

  // The other session is gone for good: a new socket with its cookie is refused.
  const again = collabClient(server.url, documentId, { cookie: otherCookie });
  clients.push(again);
  expect(await again.nextClose()).toBe(CLOSE_CODES.unauthorized);
  // And the changer's session still works for the API.
  expect((await apiCall(server.url, "/api/me", changerCookie)).status).toBe(200);
});
