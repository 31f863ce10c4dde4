import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  type LexicalNode,
  type ParagraphNode,
} from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentStore } from "../../server/collab";
import { findUnknownNodes } from "../../server/documents/unknown-nodes";
import { createLogger } from "../../server/logger";
import { collabClient, eventually } from "../helpers/collab-clients";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { insertBlock } from "../helpers/raw-lexical-yjs";
import { startTestServer, type TestServer } from "../helpers/test-server";

// One bad document never breaks another read (issue 11, point 7), at the collaboration server: a
// node the editor cannot read, stored earlier or sent live, reaches no editor as it is. Whoever
// opens the document gets a placeholder keeping the block's text; the store keeps the placeholder.

let s: TestServer;
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
const warnings: Array<Record<string, unknown>> = [];
const clients: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  s = await startTestServer(
    {},
    { logger: createLogger("warn", (line) => void warnings.push(JSON.parse(line))) },
  );
  ws = await workspaceWithRoles(s.themawerk);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await s?.close();
});

/** An editor whose Lexical errors are collected instead of thrown (what the browser logs). */
async function editorOn(documentId: string, cookie: string, errors: Error[]): Promise<LexicalClient> {
  const client = await lexicalClient(s.url, documentId, cookie, { onError: (error) => errors.push(error) });
  clients.push(client);
  return client;
}

/** The blocks of an editor's document as [type, text]. */
function blocksOf(client: LexicalClient): Array<[string, string]> {
  return client.editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node: LexicalNode) => [node.getType(), $isElementNode(node) ? node.getTextContent() : ""]),
  );
}

async function storedBlockTypes(documentId: string): Promise<unknown[]> {
  const stored = await new DocumentStore(s.themawerk.database.db).load(documentId);
  return (stored.doc.get("root", Y.XmlText).toDelta() as Array<{ insert: Y.XmlText }>).map((op) =>
    op.insert.getAttribute("__type"),
  );
}

describe("a node the editor cannot read", () => {
  it("stored earlier, reaches the first editor who opens the document as a placeholder, and the store keeps that", async () => {
    const documentId = await createDocument(s.themawerk, ws.workspaceId, ws.editor);
    const written = new Y.Doc();
    written.transact(() =>
      insertBlock(written.get("root", Y.XmlText), 0, "layout-container", "Cel uit een oude versie"),
    );
    await new DocumentStore(s.themawerk.database.db).append(documentId, Y.encodeStateAsUpdate(written));

    const errors: Error[] = [];
    const editor = await editorOn(documentId, ws.editor.cookie, errors);
    await eventually(() => blocksOf(editor).length === 1, 3000, "the document's block");
    expect(errors).toEqual([]);
    expect(blocksOf(editor)).toEqual([["unknown-element", "Cel uit een oude versie"]]);
    await eventually(
      async () => (await storedBlockTypes(documentId))[0] === "unknown-element",
      3000,
      "the stored repair",
    );
    expect(warnings).toContainEqual(expect.objectContaining({ documentId, types: ["layout-container"] }));
  });

  it("sent live by an editor, reaches the others only as a placeholder, in the same update", async () => {
    const documentId = await createDocument(s.themawerk, ws.workspaceId, ws.editor);
    const errors: Error[] = [];
    const reader = await editorOn(documentId, ws.viewer.cookie, errors);
    // A second reader without Lexical records whether it ever held the bare node, update by update.
    const watcher = collabClient(s.url, documentId, { cookie: ws.commenter.cookie });
    clients.push(watcher);
    await watcher.synced();
    let heldBareNode = false;
    watcher.doc.on("update", () => {
      if (findUnknownNodes(watcher.doc).length > 0) heldBareNode = true;
    });

    const writer = collabClient(s.url, documentId, { cookie: ws.editor.cookie });
    clients.push(writer);
    await writer.synced();
    writer.doc.transact(() =>
      insertBlock(writer.doc.get("root", Y.XmlText), 0, "layout-container", "Cel van een nieuwere client"),
    );

    await eventually(() => blocksOf(reader).length === 1, 3000, "the reader's block");
    expect(blocksOf(reader)).toEqual([["unknown-element", "Cel van een nieuwere client"]]);
    expect(errors).toEqual([]);
    await eventually(() => watcher.doc.get("root", Y.XmlText).length === 1, 3000, "the watcher's block");
    expect(heldBareNode).toBe(false);
    // The sender gets the repair too, so its document converges with everyone's.
    await eventually(() => findUnknownNodes(writer.doc).length === 0, 3000, "the writer's repair");
    expect(Y.encodeStateVector(writer.doc)).toEqual(Y.encodeStateVector(watcher.doc));
    await s.themawerk.collab.loadedRoom(documentId)?.flush();
    expect(await storedBlockTypes(documentId)).toEqual(["unknown-element"]);
    expect(warnings).toContainEqual(
      expect.objectContaining({ documentId, userId: ws.editor.id, types: ["layout-container"] }),
    );
  });

  it("leaves ordinary typing alone: no repair, no warning", async () => {
    const documentId = await createDocument(s.themawerk, ws.workspaceId, ws.editor);
    const errors: Error[] = [];
    const writer = await editorOn(documentId, ws.editor.cookie, errors);
    const reader = await editorOn(documentId, ws.viewer.cookie, errors);
    const before = warnings.length;
    await writer.edit(() => {
      $getRoot().append($createParagraphNode().append($createTextNode("Gewoon ")));
    });
    await writer.edit(() => {
      $getRoot().getFirstChildOrThrow<ParagraphNode>().selectEnd().insertText("typen.");
    });
    await eventually(() => blocksOf(reader)[0]?.[1] === "Gewoon typen.", 3000, "the reader's text");
    expect(errors).toEqual([]);
    expect(warnings.slice(before)).toEqual([]);
  });
});
