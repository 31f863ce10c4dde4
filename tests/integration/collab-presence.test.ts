import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from "../../server/collab/protocol";
import { userColor } from "../../shared/user-color";
import { type CollabClient, collabClient, eventually, rawCollabSocket } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** Presence cannot be forged or flooded: identity comes from the session, and a socket owns a few entries. */

let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  people = await workspaceWithRoles(server.themawerk);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

function client(documentId: string, cookie: string): CollabClient {
  const c = collabClient(server.url, documentId, { cookie });
  clients.push(c);
  return c;
}

/** An awareness frame naming `count` client ids from `first` on, each with `state`. */
function awarenessFrame(first: number, count: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(inner, first + i);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

describe("presence", () => {
  it("shows everyone by the name and colour of their session, whatever they claim", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const editor = client(documentId, people.editor.cookie);
    const viewer = client(documentId, people.viewer.cookie);
    await Promise.all([editor.synced(), viewer.synced()]);
    viewer.provider.awareness.setLocalState({
      name: "Demo begeleider",
      color: userColor(people.facilitator.id),
      userId: people.facilitator.id,
      cursor: 7,
    });
    await eventually(
      () => editor.provider.awareness.getStates().get(viewer.doc.clientID)?.cursor === 7,
      3000,
      "the viewer's presence arrives",
    );
    expect(editor.provider.awareness.getStates().get(viewer.doc.clientID)).toEqual({
      name: people.viewer.name,
      color: userColor(people.viewer.id),
      userId: people.viewer.id,
      cursor: 7,
    });
  });

  it("keeps at most a few presence entries per socket, so a newcomer's first frame stays small", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const editor = client(documentId, people.editor.cookie);
    await editor.synced();
    editor.provider.awareness.setLocalStateField("cursor", 0);
    const raw = await rawCollabSocket(server.url, documentId, people.commenter.cookie);
    const seen = new Awareness(new Y.Doc());
    seen.setLocalState(null);
    const frames: Uint8Array[] = [];
    raw.on("message", (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return;
      frames.push(new Uint8Array(data));
      applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), "server");
    });
    // 48,000 entries over 120 frames (each under the 16 KiB awareness limit), inside the rate limit.
    for (let f = 0; f < 120; f++) raw.send(awarenessFrame(1_000_000 + f * 400, 400, { name: "x" }));
    // Asked after the flood on the same socket, the server answers with every entry it keeps.
    raw.send(Uint8Array.from([MESSAGE_QUERY_AWARENESS]));
    await eventually(() => seen.getStates().has(editor.doc.clientID), 3000, "the answer to the query");
    const fromRaw = [...seen.getStates().values()].filter((s) => s.userId === people.commenter.id);
    expect(fromRaw.length).toBeGreaterThan(0);
    expect(fromRaw.length).toBeLessThanOrEqual(3);
    expect(fromRaw.every((s) => s.name === people.commenter.name)).toBe(true);
    expect(seen.getStates().size).toBeLessThanOrEqual(4);
    // What a newcomer gets first is small: no 2 MB frame.
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThan(4096);
    raw.close();
    seen.destroy();
  });

  it("a socket cannot speak for a presence entry another socket introduced", async () => {
    const documentId = await createDocument(server.themawerk, people.workspaceId, people.facilitator);
    const editor = client(documentId, people.editor.cookie);
    const facilitator = client(documentId, people.facilitator.cookie);
    await Promise.all([editor.synced(), facilitator.synced()]);
    facilitator.provider.awareness.setLocalStateField("cursor", 1);
    const id = facilitator.doc.clientID;
    await eventually(() => editor.provider.awareness.getStates().get(id)?.cursor === 1, 3000, "presence");
    const raw = await rawCollabSocket(server.url, documentId, people.viewer.cookie);
    raw.send(awarenessFrame(id, 1, { cursor: 666 }));
    facilitator.provider.awareness.setLocalStateField("cursor", 2);
    await eventually(
      () => editor.provider.awareness.getStates().get(id)?.cursor === 2,
      3000,
      "a later change",
    );
    expect(editor.provider.awareness.getStates().get(id)?.userId).toBe(people.facilitator.id);
    raw.close();
  });
});
