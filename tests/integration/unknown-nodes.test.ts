import { strFromU8, unzipSync } from "fflate";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentStore } from "../../server/collab";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { extractDocumentText } from "../../server/documents/text-extraction";
import { createLogger } from "../../server/logger";
import { HandbookService } from "../../server/modules/handbook/handbook.service";
import type { Handbook } from "../../shared/schemas/handbook";
import { createDocument, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { insertBlock } from "../helpers/raw-lexical-yjs";
import { startTestApp, type TestApp } from "../helpers/test-app";

// One bad document never breaks another read (issue 11, point 7): a block whose node type no editor
// registers, written straight into a document's Y.Doc, must not take the handbook down for the workspace.

let t: TestApp;
let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
const warnings: Array<Record<string, unknown>> = [];
const docs = {} as Record<"good" | "unknown" | "malformed" | "unreadable" | "recommendation", string>;

const texts = {
  good: "Een goed hoofdstuk over de dienstenwijzer.",
  before: "Tekst voor het vreemde blok.",
  inside: "Tekst in het onbekende blok.",
  after: "Tekst na het vreemde blok.",
  recommendation: "Het decreet voorziet een regisseur per gemeente.",
};

async function call(path: string, who: FixtureUser, init: { method?: string; json?: unknown } = {}) {
  const res = await t.request(path, { ...init, cookie: who.cookie });
  return { status: res.status, res };
}

/**
 * Stores a document of these paragraphs straight in its update log, after `mutate` wrote into it
 * what no Lexical editor would: as a document stored by an older version, or written around the
 * collaboration server. No room holds these documents, so every read below comes from the store.
 */
async function storeDocument(documentId: string, paragraphs: string[], mutate?: (root: Y.XmlText) => void) {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    encodeDocumentUpdate(() => {
      $getRoot()
        .clear()
        .append(...paragraphs.map((p) => $createParagraphNode().append($createTextNode(p))));
    }),
  );
  if (mutate) doc.transact(() => mutate(doc.get("root", Y.XmlText)));
  await new DocumentStore(t.themawerk.database.db).append(documentId, Y.encodeStateAsUpdate(doc));
}

beforeAll(async () => {
  const logger = createLogger("warn", (line) => {
    warnings.push(JSON.parse(line));
  });
  t = await startTestApp({}, { logger });
  ws = await workspaceWithRoles(t.themawerk);
  const created = await t.request(`/api/workspaces/${ws.workspaceId}/themes`, {
    cookie: ws.facilitator.cookie,
    json: { name: "Lokaal aanbod ontsluiten" },
  });
  expect(created.status).toBe(201);
  const themeId = (await created.json()).theme.id;
  for (const key of ["good", "unknown", "malformed", "unreadable"] as const) {
    docs[key] = await createDocument(t.themawerk, ws.workspaceId, ws.editor, `Hoofdstuk ${key}`, "chapter");
    const linked = await call(`/api/documents/${docs[key]}/chapter-theme`, ws.editor, {
      method: "PUT",
      json: { themeId },
    });
    expect(linked.status).toBe(200);
  }
  docs.recommendation = await createDocument(
    t.themawerk,
    ws.workspaceId,
    ws.editor,
    "Een regisseur",
    "recommendation",
  );

  await storeDocument(docs.good, [texts.good]);
  // A block of a node type nobody registered ("layout-container"), between two ordinary paragraphs.
  await storeDocument(docs.unknown, [texts.before, texts.after], (root) =>
    insertBlock(root, 1, "layout-container", texts.inside),
  );
  // The other malformed shapes: no __type, a non-string one, a registered type of the wrong
  // shared-type kind (an element stored as a Y.Map, a paragraph as a Y.XmlElement), an unknown decorator.
  await storeDocument(docs.malformed, [texts.before, texts.after], (root) => {
    insertBlock(root, 1, undefined, "zonder type");
    insertBlock(root, 2, 7, "met een getal als type");
    const first = root.toDelta()[0].insert as Y.XmlText;
    const wrongKind = new Y.Map<unknown>();
    first.insertEmbed(first.length, wrongKind);
    wrongKind.set("__type", "paragraph");
    first.insert(first.length, " (kaart)");
    const paragraphAsDecorator = new Y.XmlElement();
    root.insertEmbed(3, paragraphAsDecorator);
    paragraphAsDecorator.setAttribute("__type", "paragraph");
    const image = new Y.XmlElement();
    root.insertEmbed(4, image);
    image.setAttribute("__type", "image");
  });
  await storeDocument(docs.unreadable, ["Dit hoofdstuk kan niet gelezen worden."]);
  await storeDocument(docs.recommendation, [texts.recommendation], (root) =>
    insertBlock(root, 0, "mention-card", "Aanbeveling in een vreemd blok."),
  );
});

afterAll(async () => {
  await t?.close();
});

describe("a document holding an unknown node", () => {
  it("is read by the extraction with a placeholder that keeps the block's text and type", async () => {
    const read = extractDocumentText(await t.themawerk.collab.readDocument(docs.unknown));
    expect(read.plainText.split("\n")).toEqual([texts.before, texts.inside, texts.after]);
    const [, placeholder] = read.lexicalJson.root.children as unknown as Array<Record<string, unknown>>;
    expect(placeholder).toMatchObject({
      type: "unknown-element",
      originalType: "layout-container",
      inline: false,
    });
    expect(read.unknownNodeTypes).toEqual(["layout-container"]);
  });

  it("is read whatever the malformed shape: missing or non-string type, wrong shared-type kind", async () => {
    const read = extractDocumentText(await t.themawerk.collab.readDocument(docs.malformed));
    expect(read.plainText).toContain(`${texts.before} (kaart)`);
    expect(read.plainText).toContain("zonder type");
    expect(read.plainText).toContain("met een getal als type");
    expect(read.plainText).toContain(texts.after);
    const types = (read.lexicalJson.root.children as unknown as Array<{ type: string }>).map((n) => n.type);
    expect(types).toEqual([
      "paragraph",
      "unknown-element",
      "unknown-element",
      "unknown-decorator",
      "unknown-decorator",
      "paragraph",
    ]);
  });

  it("leaves the stored document as it was: extraction repairs its own copy", async () => {
    const stored = await t.themawerk.collab.readDocument(docs.unknown);
    const block = stored.get("root", Y.XmlText).toDelta()[1].insert as Y.XmlText;
    expect(block.getAttribute("__type")).toBe("layout-container");
  });
});

describe("the handbook of a workspace with a bad document", () => {
  it("compiles: the preview shows every chapter, the unknown block's text included", async () => {
    const res = await call(`/api/workspaces/${ws.workspaceId}/handbook`, ws.viewer);
    expect(res.status).toBe(200);
    const handbook: Handbook = (await res.res.json()).handbook;
    const chapterText = handbook.chapters.flatMap((c) => c.text.map((b) => b.text));
    expect(chapterText).toEqual(
      expect.arrayContaining([texts.good, texts.before, texts.inside, texts.after]),
    );
    expect(JSON.stringify(handbook)).toContain("Aanbeveling in een vreemd blok.");
    expect(JSON.stringify(handbook)).toContain(texts.recommendation);
  });

  it("exports as HTML, Markdown and DOCX", async () => {
    for (const format of ["html", "md"]) {
      const res = await call(`/api/workspaces/${ws.workspaceId}/handbook/export.${format}`, ws.viewer);
      expect(res.status, format).toBe(200);
      const body = await res.res.text();
      expect(body).toContain(texts.good);
      expect(body).toContain(texts.inside);
    }
    const docx = await call(`/api/workspaces/${ws.workspaceId}/handbook/export.docx`, ws.viewer);
    expect(docx.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.res.arrayBuffer()))["word/document.xml"]);
    expect(xml).toContain(texts.good);
    expect(xml).toContain(texts.inside);
  });

  it("leaves out a document whose text still cannot be read, with a warning naming it", async () => {
    // Placeholders cover unknown nodes; a read can still fail otherwise (a corrupt row, a document
    // nested deeper than Lexical recurses, a worker that times out). The reader fails for one chapter.
    const logged: Array<Record<string, unknown>> = [];
    const service = new HandbookService(
      t.themawerk.database.db,
      t.themawerk.deps.access,
      async (id) => {
        if (id === docs.unreadable) throw new Error("Maximum call stack size exceeded");
        return extractDocumentText(await t.themawerk.collab.readDocument(id)).lexicalJson;
      },
      t.themawerk.deps.events,
      createLogger("warn", (line) => void logged.push(JSON.parse(line))),
    );
    const viewer = {
      id: ws.viewer.id,
      email: ws.viewer.email,
      name: ws.viewer.name,
      locale: "nl",
      isAdmin: false,
    };
    const handbook = await service.compile(viewer, ws.workspaceId);
    const chapterText = handbook.chapters.flatMap((c) => c.text.map((b) => b.text));
    expect(chapterText).toEqual(expect.arrayContaining([texts.good, texts.inside]));
    expect(chapterText).not.toContain("Dit hoofdstuk kan niet gelezen worden.");
    expect(logged).toEqual([
      expect.objectContaining({
        level: "warn",
        documentId: docs.unreadable,
        error: "Maximum call stack size exceeded",
      }),
    ]);
  });

  it("logs which unknown node types a read replaced, naming the document", async () => {
    await call(`/api/workspaces/${ws.workspaceId}/handbook`, ws.viewer);
    expect(warnings).toContainEqual(
      expect.objectContaining({ level: "warn", documentId: docs.unknown, types: ["layout-container"] }),
    );
  });
});

describe("settled-document work on a bad document", () => {
  it("still saves its text for the listing once it is edited", async () => {
    // The room that loads for the edit repairs the table block into a placeholder keeping its text.
    const doc = await t.themawerk.collab.readDocument(docs.unknown);
    const updates: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => updates.push(update));
    doc.transact(() => insertBlock(doc.get("root", Y.XmlText), 3, "paragraph", "Een nieuwe alinea."));
    await t.themawerk.collab.applyServerUpdate(docs.unknown, Y.mergeUpdates(updates), ws.editor.id);
    await expect
      .poll(
        async () => {
          const row = await t.themawerk.database.db
            .selectFrom("documents")
            .select("plain_text")
            .where("id", "=", docs.unknown)
            .executeTakeFirstOrThrow();
          return row.plain_text.split("\n");
        },
        { timeout: 10_000, interval: 200 },
      )
      .toEqual([texts.before, texts.inside, texts.after, "Een nieuwe alinea."]);
  });
});
