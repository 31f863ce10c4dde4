import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessControl } from "../../server/auth/access";
import { CollabServer, DocumentStore } from "../../server/collab";
import { followAccessEvents } from "../../server/collab/access-events";
import { UpgradeAuthenticator } from "../../server/collab/upgrade-auth";
import { createLogger } from "../../server/logger";
import { CLOSE_CODES } from "../../shared/close-codes";
import { apiCall } from "../helpers/api-client";
import { type CollabClient, collabClient, eventually } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/**
 * An access change that lands while a socket is between its upgrade and joining its room, where
 * the access-event handlers cannot see it yet, still applies to that socket. The races are made
 * deterministic by holding the role lookup (authentication) or the document load (the room) at
 * a gate, changing access through the real API meanwhile, then letting the socket go on.
 */

/** Holds whoever passes while held; `hold()` resolves once someone is waiting. */
class Gate {
  private held = false;
  private waiting: Array<() => void> = [];
  private entered: (() => void) | undefined;

  hold(): Promise<void> {
    this.held = true;
    return new Promise((resolve) => {
      this.entered = resolve;
    });
  }

  async pass(): Promise<void> {
    if (!this.held) return;
    this.entered?.();
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    this.held = false;
    for (const go of this.waiting.splice(0)) go();
  }
}

/** A document store whose loads wait at a gate. */
class GatedStore extends DocumentStore {
  constructor(
    private readonly gate: Gate,
    ...args: ConstructorParameters<typeof DocumentStore>
  ) {
    super(...args);
  }

  override async load(documentId: string) {
    await this.gate.pass();
    return super.load(documentId);
  }
}

let app: TestServer;
let collab: CollabServer;
let httpServer: http.Server;
let url: string;
const roleLookup = new Gate();
const documentLoad = new Gate();
const clients: CollabClient[] = [];

beforeAll(async () => {
  app = await startTestServer();
  httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const { deps, database } = app.themawerk;
  // The role is read before the gate, so a change made while it is held is one the lookup missed.
  const access: AccessControl = Object.create(deps.access);
  access.roleIn = async (workspaceId, userId) => {
    const role = await deps.access.roleIn(workspaceId, userId);
    await roleLookup.pass();
    return role;
  };
  // Wired as createCollabServer does, with the gated parts; access events come from the app's API.
  const store = new GatedStore(documentLoad, database.db, database.withoutFlushWait);
  const authenticator = new UpgradeAuthenticator(url, deps.sessions, access, store);
  collab = new CollabServer(store, authenticator, createLogger("silent"));
  collab.onClose(
    followAccessEvents(
      deps.events,
      () => collab.connections(),
      () => collab.noteAccessChange(),
    ),
  );
  collab.attach(httpServer);
});

afterAll(async () => {
  roleLookup.release();
  documentLoad.release();
  for (const c of clients) c.destroy();
  await collab?.close();
  await new Promise<void>((resolve) => httpServer?.close(() => resolve()));
  await app?.close();
});

function client(documentId: string, cookie: string): CollabClient {
  const c = collabClient(url, documentId, { cookie, origin: url });
  clients.push(c);
  return c;
}

/** Resolves with the next close code, or fails with a clear message when none comes in time. */
function closeWithin(c: CollabClient, ms: number): Promise<number> {
  return within(c.nextClose(), ms, "the socket was not closed");
}

/** Resolves as `promise` does, or fails with "<what> within <ms> ms"; a failure nobody awaited yet is not reported twice. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  const result = Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  result.catch(() => undefined);
  return result;
}

/** A facilitator lowers the editor's role through the API. */
async function lowerToViewer(people: Awaited<ReturnType<typeof workspaceWithRoles>>): Promise<void> {
  const res = await apiCall(
    app.url,
    `/api/workspaces/${people.workspaceId}/members/${people.editor.id}`,
    people.facilitator.cookie,
    { method: "PATCH", json: { role: "viewer" } },
  );
  expect(res.status).toBe(200);
}

/**
 * The socket joined with the viewer's rights: its identity says so, and an edit it sends is
 * dropped. The witness seeing the editor's later presence change is the signal that the server
 * has handled the edit frame before it (frames of one socket are handled in order).
 */
async function expectReadOnly(
  documentId: string,
  editorUserId: string,
  editor: CollabClient,
  witness: CollabClient,
): Promise<void> {
  const room = collab.loadedRoom(documentId);
  const editorConn = Array.from(room?.connections ?? []).find((c) => c.identity.userId === editorUserId);
  expect(editorConn?.identity.role).toBe("viewer");
  expect(editorConn?.canWrite).toBe(false);

  editor.doc.getText("t").insert(0, "geschreven als lezer");
  editor.provider.awareness.setLocalStateField("marker", "after the edit");
  await eventually(
    () => witness.provider.awareness.getStates().get(editor.doc.clientID)?.marker === "after the edit",
    3000,
    "the editor's presence after its edit",
  );
  await room?.flush();
  expect((await collab.readDocument(documentId)).getText("t").toString()).toBe("");
  expect(witness.doc.getText("t").toString()).toBe("");
}

describe("access changes racing a socket's authentication", () => {
  it("a role lowered while the socket's role is looked up: the socket joins read-only", async () => {
    const people = await workspaceWithRoles(app.themawerk);
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);
    const witness = client(documentId, people.facilitator.cookie);
    await witness.synced();

    const lookingUp = roleLookup.hold();
    const editor = client(documentId, people.editor.cookie);
    await lookingUp;
    await lowerToViewer(people);
    roleLookup.release();

    await editor.synced();
    await expectReadOnly(documentId, people.editor.id, editor, witness);
  });

  it("a role lowered while the document's room loads: the socket joins read-only", async () => {
    const people = await workspaceWithRoles(app.themawerk);
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);

    const loading = documentLoad.hold();
    const editor = client(documentId, people.editor.cookie);
    await loading;
    await lowerToViewer(people);
    documentLoad.release();

    await editor.synced();
    const witness = client(documentId, people.facilitator.cookie);
    await witness.synced();
    await expectReadOnly(documentId, people.editor.id, editor, witness);
  });

  it("a logout while the document's room loads: the socket is closed with 4401", async () => {
    const people = await workspaceWithRoles(app.themawerk);
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);

    const loading = documentLoad.hold();
    const editor = client(documentId, people.editor.cookie);
    const closed = closeWithin(editor, 3000);
    await loading;
    const res = await apiCall(app.url, "/api/auth/logout", people.editor.cookie, { method: "POST" });
    expect(res.status).toBe(204);
    documentLoad.release();

    expect(await closed).toBe(CLOSE_CODES.unauthorized);
    expect(collab.loadedRoom(documentId)?.connections.size ?? 0).toBe(0);
  });

  it("a removal while the socket is authenticated again after its room loaded: closed with 4403", async () => {
    const people = await workspaceWithRoles(app.themawerk);
    const documentId = await createDocument(app.themawerk, people.workspaceId, people.facilitator);

    const loading = documentLoad.hold();
    const editor = client(documentId, people.editor.cookie);
    const closed = closeWithin(editor, 3000);
    await loading;
    await lowerToViewer(people);
    // The change above makes the socket authenticate again once the room is there; hold that too.
    const lookingUpAgain = roleLookup.hold();
    documentLoad.release();
    await within(lookingUpAgain, 3000, "the socket was not authenticated again");
    const removed = await apiCall(
      app.url,
      `/api/workspaces/${people.workspaceId}/members/${people.editor.id}`,
      people.facilitator.cookie,
      { method: "DELETE" },
    );
    expect(removed.status).toBe(204);
    roleLookup.release();

    expect(await closed).toBe(CLOSE_CODES.forbidden);
    expect(collab.loadedRoom(documentId)?.connections.size ?? 0).toBe(0);
  });
});
