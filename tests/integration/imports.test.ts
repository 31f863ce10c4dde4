import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocumentText } from "../../server/documents/text-extraction";
import { apiCall } from "../helpers/api-client";
import { workspaceWithRoles } from "../helpers/fixtures";
import {
  caseDescriptionDocx,
  expandingDocx,
  meetingMinutesMarkdown,
  postImport,
  tinyPng,
} from "../helpers/import-files";
import { startTestServer, type TestServer } from "../helpers/test-server";

// Importing Word and Markdown files as documents: what comes through, the lessons found, and the
// files that are refused without leaving anything behind. Real server, real worker, real database.
let app: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  app = await startTestServer();
  people = await workspaceWithRoles(app.themawerk);
});
afterAll(async () => {
  await app?.close();
});

type Node = {
  type: string;
  tag?: string;
  listType?: string;
  kind?: string;
  url?: string;
  checked?: boolean;
  children?: Node[];
  text?: string;
};

/** The stored document as the editor will read it: its top-level blocks. */
async function storedBlocks(documentId: string): Promise<Node[]> {
  const extracted = extractDocumentText(await app.themawerk.collab.readDocumentState(documentId));
  return (extracted.lexicalJson as { root: { children: Node[] } }).root.children;
}

const all = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
const text = (node: Node): string => (node.text ?? "") + (node.children ?? []).map(text).join("");

async function documentCount(): Promise<number> {
  const rows = await app.themawerk.database.db
    .selectFrom("documents")
    .select("id")
    .where("workspace_id", "=", people.workspaceId)
    .execute();
  return rows.length;
}

describe("importing a Word document", () => {
  it("keeps headings, formatting, safe links, nested lists and tables, makes lessons of 'Valkuil:' lines, and leaves images out", async () => {
    const res = await postImport(app, people.workspaceId, people.editor.cookie, {
      name: "Casus Leuven.docx",
      bytes: await caseDescriptionDocx(),
    });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe("Casus Leuven: regie in de praktijk");
    expect(res.body.lessonsFound).toEqual([
      { kind: "bottleneck", text: "geen vast budget voor de coördinator" },
      { kind: "pitfall", text: "de welzijnsraad te laat betrekken." },
    ]);
    expect(res.body.warnings).toEqual([
      { code: "images_left_out", count: 1 },
      { code: "unsafe_links_removed", count: 1 },
    ]);

    const blocks = await storedBlocks(res.body.documentId);
    expect(blocks.map((b) => b.tag ?? b.kind ?? b.type)).toEqual([
      "h1",
      "paragraph",
      "h2",
      "ul",
      "bottleneck",
      "ul",
      "pitfall",
      "table",
    ]);
    const nodes = all(blocks);
    const formats = Object.fromEntries(
      nodes.filter((n) => n.type === "text").map((n) => [n.text, (n as { format?: number }).format]),
    );
    expect(formats.regierol).toBe(1); // bold
    expect(formats["alle partners"]).toBe(2); // italic
    expect(formats["vast overleg"]).toBe(8); // underline
    expect(nodes.filter((n) => n.type === "link").map((n) => n.url)).toEqual(["https://example.org/leuven"]);
    expect(JSON.stringify(blocks)).not.toContain("javascript");
    expect(text(blocks[1])).toContain("deze link");
    // The nested item stays nested: a list inside the first list.
    const nested = all([blocks[3]]).filter((n) => n.type === "list");
    expect(nested).toHaveLength(2);
    expect(text(nested[1])).toBe("in elke deelgemeente");
    expect(
      all([blocks[7]])
        .filter((n) => n.type === "tablecell")
        .map(text),
    ).toEqual(["Partner", "Rol", "OCMW", "trekker"]);

    // Lessons and search follow as for typed text.
    await expect
      .poll(
        async () => {
          const lessons = await apiCall(
            app.url,
            `/api/workspaces/${people.workspaceId}/lessons`,
            people.viewer.cookie,
          );
          return lessons.body.lessons
            .filter((l: { document: { id: string } }) => l.document.id === res.body.documentId)
            .map((l: { kind: string; text: string }) => `${l.kind}: ${l.text}`)
            .sort();
        },
        { timeout: 20_000 },
      )
      .toEqual([
        "bottleneck: geen vast budget voor de coördinator",
        "pitfall: de welzijnsraad te laat betrekken.",
      ]);
    await expect
      .poll(
        async () => {
          const found = await apiCall(
            app.url,
            `/api/workspaces/${people.workspaceId}/search?q=welzijnsraad`,
            people.viewer.cookie,
          );
          return found.body.hits.map((h: { documentId: string }) => h.documentId);
        },
        { timeout: 20_000 },
      )
      .toContain(res.body.documentId);
  });

  it("takes the kind and metadata given beside the file, and a title given overrides the heading", async () => {
    const res = await postImport(
      app,
      people.workspaceId,
      people.facilitator.cookie,
      { name: "casus.docx", bytes: await caseDescriptionDocx() },
      {
        kind: "case",
        title: "Leuven (geïmporteerd)",
        municipality: "Leuven",
        isCentreCity: "true",
        outcome: "succeeded",
      },
    );
    expect(res.status).toBe(201);
    const doc = await apiCall(app.url, `/api/documents/${res.body.documentId}`, people.viewer.cookie);
    expect(doc.body.document).toMatchObject({
      title: "Leuven (geïmporteerd)",
      kind: "case",
      municipality: "Leuven",
      isCentreCity: true,
      outcome: "succeeded",
    });
  });
});

describe("importing Markdown", () => {
  it("reads meeting minutes: lists, a task list, a table, a quote and lessons; drops scripts, images and unsafe links", async () => {
    const res = await postImport(
      app,
      people.workspaceId,
      people.editor.cookie,
      { name: "verslag-12-maart.md", bytes: meetingMinutesMarkdown },
      { kind: "meeting", meetingDate: "2026-03-12", meetingPlace: "Brussel" },
    );
    expect(res.status).toBe(201);
    expect(res.body.title).toBe("Verslag themagroep 12 maart");
    expect(res.body.lessonsFound).toEqual([
      { kind: "do", text: "begin met een gedeelde probleemanalyse" },
      { kind: "dont", text: "het plan vastleggen vóór het eerste overleg" },
      { kind: "success_factor", text: "een vaste trekker per deelgemeente" },
    ]);
    expect(res.body.warnings).toEqual([
      { code: "images_left_out", count: 1 },
      { code: "unsafe_links_removed", count: 1 },
    ]);
    const blocks = await storedBlocks(res.body.documentId);
    const serialized = JSON.stringify(blocks);
    expect(serialized).not.toContain("alert");
    expect(serialized).not.toContain("javascript");
    const nodes = all(blocks);
    expect(nodes.filter((n) => n.type === "heading").map((n) => n.tag)).toEqual(["h1", "h2", "h2"]);
    expect(nodes.filter((n) => n.type === "link").map((n) => n.url)).toEqual([
      "https://example.org/nota.pdf",
    ]);
    expect(nodes.some((n) => n.type === "list" && n.listType === "number")).toBe(true);
    const checklist = blocks.find((b) => b.type === "list" && b.listType === "check");
    expect(checklist?.children?.map((item) => [text(item), item.checked])).toEqual([
      ["verslag rondsturen", true],
      ["casus Leuven voorbereiden", false],
    ]);
    expect(blocks.find((b) => b.type === "quote")).toBeDefined();
    expect(nodes.filter((n) => n.type === "tablecell")).toHaveLength(9);
    // The ordinary list item between the lessons stays in a list.
    expect(blocks.some((b) => b.type === "list" && text(b) === "gewone opmerking")).toBe(true);
    const doc = await apiCall(app.url, `/api/documents/${res.body.documentId}`, people.viewer.cookie);
    expect(doc.body.document).toMatchObject({
      kind: "meeting",
      meetingDate: "2026-03-12",
      meetingPlace: "Brussel",
    });
  });
});

describe("files that are refused change nothing", () => {
  const cases: Array<{
    name: string;
    bytes: () => Promise<Uint8Array | string>;
    status: number;
    reason: string;
  }> = [
    { name: "foto.png", bytes: async () => tinyPng, status: 415, reason: "unsupported_type" },
    { name: "tekst.docx", bytes: async () => "Dit is geen Word-bestand.", status: 422, reason: "corrupt" },
    {
      name: "kapot.docx",
      bytes: async () => (await caseDescriptionDocx()).slice(0, 2000),
      status: 422,
      reason: "corrupt",
    },
    {
      name: "beveiligd.docx",
      // How Word stores a password-protected document: an OLE compound file, not a zip.
      bytes: async () =>
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
      status: 422,
      reason: "password_protected",
    },
    { name: "bom.docx", bytes: () => expandingDocx(60), status: 422, reason: "expands_too_far" },
    {
      name: "latin1.md",
      bytes: async () => Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x0a]),
      status: 422,
      reason: "not_text",
    },
    { name: "leeg.md", bytes: async () => "  \n\n", status: 422, reason: "empty" },
    { name: "diep.md", bytes: async () => `${">".repeat(20_000)} x`, status: 422, reason: "too_complex" },
    {
      name: "tabel.md",
      bytes: async () => `|a|b|\n|-|-|\n${"|1|2|\n".repeat(25_000)}`,
      status: 422,
      reason: "too_complex",
    },
    {
      name: "groot.md",
      bytes: async () => "a".repeat(10 * 1024 * 1024 + 1),
      status: 413,
      reason: "too_large",
    },
  ];
  for (const refused of cases) {
    it(`${refused.name}: ${refused.status} ${refused.reason}`, async () => {
      const before = await documentCount();
      const res = await postImport(app, people.workspaceId, people.editor.cookie, {
        name: refused.name,
        bytes: await refused.bytes(),
      });
      expect(res.status).toBe(refused.status);
      expect(res.body.error.reason).toBe(refused.reason);
      expect(res.body.error.field).toBe("file");
      // The body limit answers before the form is read, so it cannot name the file.
      if (refused.reason !== "too_large") expect(res.body.error.message).toContain(refused.name);
      expect(await documentCount()).toBe(before);
    });
  }

  it("refuses viewers, commenters, outsiders and anonymous callers, and bad metadata, before reading the file", async () => {
    const file = { name: "notitie.md", bytes: "# Notitie\n\nTekst." };
    const before = await documentCount();
    for (const person of [people.viewer, people.commenter, people.outsider]) {
      const res = await postImport(app, people.workspaceId, person.cookie, file);
      expect([403, 404]).toContain(res.status);
    }
    expect((await postImport(app, people.workspaceId, undefined, file)).status).toBe(401);
    const noMunicipality = await postImport(app, people.workspaceId, people.editor.cookie, file, {
      kind: "case",
    });
    expect(noMunicipality.status).toBe(400);
    expect(noMunicipality.body.error.field).toBe("municipality");
    const badKind = await postImport(app, people.workspaceId, people.editor.cookie, file, { kind: "roman" });
    expect(badKind.status).toBe(400);
    const json = await apiCall(
      app.url,
      `/api/workspaces/${people.workspaceId}/imports`,
      people.editor.cookie,
      {
        method: "POST",
        json: { kind: "note" },
      },
    );
    expect(json.status).toBe(415);
    expect(await documentCount()).toBe(before);
  });

  it("removes the new document again when its content cannot be stored", async () => {
    const db = app.themawerk.database.db;
    const postgres = app.themawerk.database.dialect === "postgres";
    // A real failing insert, for the imported content only (the empty document's first update is small).
    if (postgres) {
      await sql`CREATE OR REPLACE FUNCTION test_fail_big_appends() RETURNS trigger AS $$
        BEGIN IF length(NEW.data) > 400 THEN RAISE EXCEPTION 'injected store failure'; END IF; RETURN NEW; END;
        $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER test_fail_big_appends BEFORE INSERT ON document_updates
        FOR EACH ROW EXECUTE FUNCTION test_fail_big_appends()`.execute(db);
    } else {
      await sql`CREATE TRIGGER test_fail_big_appends BEFORE INSERT ON document_updates
        WHEN length(NEW.data) > 400 BEGIN SELECT RAISE(ABORT, 'injected store failure'); END`.execute(db);
    }
    const before = await documentCount();
    try {
      const res = await postImport(app, people.workspaceId, people.editor.cookie, {
        name: "Casus Leuven.docx",
        bytes: await caseDescriptionDocx(),
      });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain("Casus Leuven.docx");
      expect(await documentCount()).toBe(before);
    } finally {
      await sql`DROP TRIGGER test_fail_big_appends${postgres ? sql` ON document_updates` : sql``}`.execute(
        db,
      );
    }
    // And the next import works.
    const again = await postImport(app, people.workspaceId, people.editor.cookie, {
      name: "Casus Leuven.docx",
      bytes: await caseDescriptionDocx(),
    });
    expect(again.status).toBe(201);
  });
});
