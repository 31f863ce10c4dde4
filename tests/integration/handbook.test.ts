import { $createHeadingNode } from "@lexical/rich-text";
import { unzipSync, strFromU8 } from "fflate";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Handbook, HandbookOutline } from "../../shared/schemas/handbook";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { addMember, createDocument, createUser, type FixtureUser } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let workspaceId: string;
const people = {} as Record<"facilitator" | "editor" | "commenter" | "viewer" | "outsider", FixtureUser>;
const theme: Record<string, string> = {};
const lesson: Record<string, string> = {};
let chapterDoc: string;
let recommendationDoc: string;

const themeNames = {
  access: "Lokaal aanbod ontsluiten (virtueel loket, dienstenwijzer)",
  masterplan: "Afstemming en coördinatie via het masterplan",
  smallTowns: "Expertise en middelen van kleinere gemeenten",
  recognition: "Erkenning en advies over initiatieven (klaverbladmodel)",
};
const texts = {
  weeklyGuide: "Een dienstenwijzer die elke week wordt bijgewerkt door één vaste verantwoordelijke.",
  outdatedGuide: "De dienstenwijzer raakte verouderd omdat niemand hem bijhield.",
  minimalGuide: "Begin met een minimale dienstenwijzer: het lokale aanbod op één plek, actueel gehouden.",
  masterplanTable: "Stel het masterplan samen op met promotoren, werkwinkel en OCMW aan één tafel.",
  masterplanAlone: "Een masterplan schrijven zonder de lokale promotoren te betrekken.",
  neighbours: "Samenwerken met buurgemeenten om één gedeelde regisseur aan te stellen.",
  noBudget: "Geen expertise of budget om de regierol op te starten in een kleine gemeente.",
  secondPillar: "De tweede pijler van de werkwinkel is in kleine gemeenten niet ingebed in het lokale beleid.",
  recognitionAdvice: "Leg vooraf vast hoe het advies over erkenning wordt gemotiveerd en gemeld aan de minister.",
};
const struggledCase = "Voorbeeldgemeente — Casus Voorbeeldgemeente (moeizaam)";
const succeededCase = "Voorbeeldstad — Casus Voorbeeldstad (geslaagd)";
const problemCitation = "Probleemstelling: de regierol in kleinere gemeenten";

async function call(path: string, who: FixtureUser | null, init: { method?: string; json?: unknown } = {}) {
  const res = await t.request(path, { ...init, cookie: who?.cookie });
  const type = res.headers.get("Content-Type") ?? "";
  return { status: res.status, body: type.includes("json") ? await res.json() : null, res };
}

async function writeDocument(kind: string, title: string, build: () => void): Promise<string> {
  const id = await createDocument(t.themawerk, workspaceId, people.editor, title, kind);
  await t.themawerk.collab.applyServerUpdate(id, encodeDocumentUpdate(build), people.editor.id);
  return id;
}

async function statusOf(id: string) {
  const row = await t.themawerk.database.db.selectFrom("lessons").select("status").where("id", "=", id).executeTakeFirstOrThrow();
  return row.status;
}

beforeAll(async () => {
  t = await startTestApp({ DEMO: "1" });
  const db = t.themawerk.database.db;
  workspaceId = (await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
  for (const role of ["facilitator", "editor", "commenter", "viewer"] as const) {
    people[role] = await createUser(t.themawerk, role);
    await addMember(t.themawerk, workspaceId, people[role], role);
  }
  people.outsider = await createUser(t.themawerk, "outsider");
  for (const row of await db.selectFrom("themes").select(["id", "name"]).execute()) {
    const key = Object.entries(themeNames).find(([, n]) => n === row.name)?.[0];
    if (key) theme[key] = row.id;
  }
  for (const row of await db.selectFrom("lessons").select(["id", "text"]).execute()) {
    const key = Object.entries(texts).find(([, x]) => x === row.text)?.[0];
    if (key) lesson[key] = row.id;
  }
  // Validate every lesson but one, through the API; the don't on the masterplan stays a candidate.
  for (const [key, id] of Object.entries(lesson)) {
    if (key === "masterplanAlone") continue;
    const res = await call(`/api/lessons/${id}/status`, people.facilitator, { method: "PATCH", json: { status: "validated" } });
    expect(res.status).toBe(200);
  }
  chapterDoc = await writeDocument("chapter", "Hoofdstuk ontsluiten", () => {
    $getRoot()
      .clear()
      .append(
        $createHeadingNode("h2").append($createTextNode("Waarom dit thema")),
        $createParagraphNode().append($createTextNode("Het lokale aanbod moet vindbaar zijn.")),
      );
  });
  recommendationDoc = await writeDocument("recommendation", "Een regisseur per gemeente", () => {
    $getRoot().clear().append($createParagraphNode().append($createTextNode("Het decreet voorziet een regisseur.")));
  });
  for (const id of [lesson.neighbours, lesson.weeklyGuide, lesson.minimalGuide]) {
    expect((await call(`/api/documents/${recommendationDoc}/evidence/${id}`, people.editor, { method: "PUT" })).status).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

describe("the outline", () => {
  it("defaults to every live theme by position, all included", async () => {
    const { status, body } = await call(`/api/workspaces/${workspaceId}/handbook/outline`, people.viewer);
    expect(status).toBe(200);
    const outline: HandbookOutline = body.outline;
    const themes = await call(`/api/workspaces/${workspaceId}/themes`, people.viewer);
    expect(outline.customised).toBe(false);
    expect(outline.chapters.map((c) => c.themeId)).toEqual(themes.body.themes.map((x: { id: string }) => x.id));
    expect(outline.chapters.every((c) => c.included)).toBe(true);
  });

  it("links a chapter document to its theme (editors), and only a chapter document to a live theme here", async () => {
    const path = `/api/documents/${chapterDoc}/chapter-theme`;
    expect((await call(path, people.viewer, { method: "PUT", json: { themeId: theme.access } })).status).toBe(403);
    const set = await call(path, people.editor, { method: "PUT", json: { themeId: theme.access } });
    expect(set.body).toEqual({ themeId: theme.access });
    expect((await call(path, people.viewer)).body).toEqual({ themeId: theme.access });
    const onRecommendation = await call(`/api/documents/${recommendationDoc}/chapter-theme`, people.editor, {
      method: "PUT",
      json: { themeId: theme.access },
    });
    expect(onRecommendation.status).toBe(400);
    expect((await call(path, people.editor, { method: "PUT", json: { themeId: "nosuchtheme0000" } })).status).toBe(400);
    expect((await call(path, people.outsider)).status).toBe(404);
  });

  it("stores the facilitator's order and selection; the rest follows as not included", async () => {
    const themeIds = [theme.access, theme.masterplan, theme.smallTowns];
    const path = `/api/workspaces/${workspaceId}/handbook/outline`;
    expect((await call(path, people.editor, { method: "PUT", json: { themeIds } })).status).toBe(403);
    expect((await call(path, people.facilitator, { method: "PUT", json: { themeIds: [theme.access, theme.access] } })).status).toBe(400);
    expect((await call(path, people.facilitator, { method: "PUT", json: { themeIds: ["nosuchtheme0000"] } })).status).toBe(400);
    const res = await call(path, people.facilitator, { method: "PUT", json: { themeIds } });
    expect(res.status).toBe(200);
    const outline: HandbookOutline = (await call(path, people.commenter)).body.outline;
    expect(outline.customised).toBe(true);
    expect(outline.chapters.filter((c) => c.included).map((c) => c.themeId)).toEqual(themeIds);
    expect(outline.chapters.slice(3).every((c) => !c.included)).toBe(true);
    expect(outline.chapters[0].chapterDocuments).toEqual([{ id: chapterDoc, title: "Hoofdstuk ontsluiten" }]);
  });
});

describe("the compiled handbook", () => {
  let handbook: Handbook;

  it("has the chapters in order, each with its text and its validated lessons by kind, citing their cases", async () => {
    const res = await call(`/api/workspaces/${workspaceId}/handbook`, people.viewer);
    expect(res.status).toBe(200);
    handbook = res.body.handbook;
    expect(handbook.title).toBe("Handleiding — Lokale regiefunctie — themawerking 2005");
    expect(handbook.chapters.map((c) => c.theme.name)).toEqual([themeNames.access, themeNames.masterplan, themeNames.smallTowns]);
    const [access, masterplan, smallTowns] = handbook.chapters;
    expect(access.text).toEqual([
      { type: "heading", level: 2, text: "Waarom dit thema" },
      { type: "paragraph", text: "Het lokale aanbod moet vindbaar zijn." },
    ]);
    const summary = (c: Handbook["chapters"][number]) =>
      c.groups.map((g) => [g.kind, g.lessons.map((l) => [l.text, l.citation.municipality, l.citation.title])]);
    expect(summary(access)).toEqual([
      ["do", [[texts.minimalGuide, null, problemCitation]]],
      ["pitfall", [[texts.outdatedGuide, "Voorbeeldgemeente", "Casus Voorbeeldgemeente (moeizaam)"]]],
      ["success_factor", [[texts.weeklyGuide, "Voorbeeldstad", "Casus Voorbeeldstad (geslaagd)"]]],
    ]);
    // The don't on the masterplan is still a candidate: not in the handbook.
    expect(summary(masterplan)).toEqual([["do", [[texts.masterplanTable, "Voorbeeldstad", "Casus Voorbeeldstad (geslaagd)"]]]]);
    expect(smallTowns.groups.map((g) => g.kind)).toEqual(["do", "pitfall", "bottleneck"]);
    expect(smallTowns.groups[2].lessons.map((l) => l.text)).toEqual([texts.noBudget, texts.secondPillar]);
  });

  it("ends with the recommendations and their evidence", () => {
    expect(handbook.recommendations).toHaveLength(1);
    const [rec] = handbook.recommendations;
    expect(rec).toMatchObject({ id: recommendationDoc, title: "Een regisseur per gemeente", counts: { cases: 2, lessons: 3 } });
    expect(rec.text).toEqual([{ type: "paragraph", text: "Het decreet voorziet een regisseur." }]);
    expect(rec.evidence.map((l) => l.id).sort()).toEqual([lesson.neighbours, lesson.weeklyGuide, lesson.minimalGuide].sort());
  });

  it("exports Markdown with title, contents, chapters, lessons and citations in order", async () => {
    const { res } = await call(`/api/workspaces/${workspaceId}/handbook/export.md`, people.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="handleiding-[\w-]+\.md"$/);
    const blocks = parseMarkdown(await res.text());
    expect(blocks[0]).toEqual({ type: "h1", text: handbook.title });
    expect(blocks.filter((b) => b.type === "h2").map((b) => b.text)).toEqual([
      "Inhoud",
      `1. ${themeNames.access}`,
      `2. ${themeNames.masterplan}`,
      `3. ${themeNames.smallTowns}`,
      "4. Aanbevelingen",
    ]);
    const contents = blocks.slice(blocks.findIndex((b) => b.text === "Inhoud") + 1, blocks.findIndex((b) => b.type === "h2" && b.text.startsWith("1.")));
    expect(contents.map((b) => b.text)).toEqual([
      `1. ${themeNames.access}`,
      `2. ${themeNames.masterplan}`,
      `3. ${themeNames.smallTowns}`,
      "4. Aanbevelingen",
    ]);
    const chapter1 = sectionAfter(blocks, `1. ${themeNames.access}`);
    expect(chapter1).toEqual([
      { type: "h4", text: "Waarom dit thema" },
      { type: "p", text: "Het lokale aanbod moet vindbaar zijn." },
      { type: "h3", text: "Do's" },
      { type: "li", text: `${texts.minimalGuide} — ${problemCitation}` },
      { type: "h3", text: "Valkuilen" },
      { type: "li", text: `${texts.outdatedGuide} — ${struggledCase}` },
      { type: "h3", text: "Succesfactoren" },
      { type: "li", text: `${texts.weeklyGuide} — ${succeededCase}` },
    ]);
    const recommendations = sectionAfter(blocks, "4. Aanbevelingen");
    expect(recommendations[0]).toEqual({ type: "h3", text: "Een regisseur per gemeente" });
    expect(recommendations[1]).toEqual({ type: "p", text: "Het decreet voorziet een regisseur." });
    expect(recommendations[2].text).toBe("Onderbouwing. Gesteund door 3 lessen uit 2 casussen.");
    expect(recommendations.filter((b) => b.type === "li")).toHaveLength(3);
  });

  it("exports DOCX whose document.xml has the chapters, lessons and citations in order", async () => {
    const { res } = await call(`/api/workspaces/${workspaceId}/handbook/export.docx`, people.commenter);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="handleiding-[\w-]+\.docx"$/);
    const paragraphs = docxParagraphs(new Uint8Array(await res.arrayBuffer()));
    expect(paragraphs[0]).toEqual({ style: "Title", text: handbook.title });
    expect(paragraphs.filter((p) => p.style === "Heading1").map((p) => p.text)).toEqual([
      "Inhoud",
      `1. ${themeNames.access}`,
      `2. ${themeNames.masterplan}`,
      `3. ${themeNames.smallTowns}`,
      "4. Aanbevelingen",
    ]);
    const start = paragraphs.findIndex((p) => p.style === "Heading1" && p.text === `1. ${themeNames.access}`);
    expect(paragraphs.slice(start + 1, start + 9).map((p) => [p.style, p.text])).toEqual([
      ["Heading3", "Waarom dit thema"],
      ["", "Het lokale aanbod moet vindbaar zijn."],
      ["Heading2", "Do's"],
      ["ListParagraph", `${texts.minimalGuide} (${problemCitation})`],
      ["Heading2", "Valkuilen"],
      ["ListParagraph", `${texts.outdatedGuide} (${struggledCase})`],
      ["Heading2", "Succesfactoren"],
      ["ListParagraph", `${texts.weeklyGuide} (${succeededCase})`],
    ]);
    const recs = paragraphs.findIndex((p) => p.style === "Heading1" && p.text === "4. Aanbevelingen");
    expect(paragraphs[recs + 1]).toEqual({ style: "Heading2", text: "Een regisseur per gemeente" });
    expect(paragraphs.slice(recs).filter((p) => p.style === "ListParagraph")).toHaveLength(3);
  });

  it("exports self-contained, print-ready HTML", async () => {
    const { res } = await call(`/api/workspaces/${workspaceId}/handbook/export.html`, people.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    // The app's policy forbids inline scripts; the file itself carries a stricter one for when it is opened from disk.
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;`);
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    const h2 = [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(["Inhoud", `1. ${themeNames.access}`, `2. ${themeNames.masterplan}`, `3. ${themeNames.smallTowns}`, "4. Aanbevelingen"]);
  });
});

describe("marking the exported lessons in_handbook", () => {
  const chapterLessons = () => [
    lesson.minimalGuide,
    lesson.outdatedGuide,
    lesson.weeklyGuide,
    lesson.masterplanTable,
    lesson.neighbours,
    lesson.noBudget,
    lesson.secondPillar,
  ];
  let token: string;

  it("is the facilitator's: others are refused and nothing changes", async () => {
    for (const who of ["editor", "commenter", "viewer"] as const) {
      expect((await call(`/api/workspaces/${workspaceId}/handbook/mark-exported`, people[who], { method: "POST" })).status).toBe(403);
    }
    expect(await statusOf(lesson.weeklyGuide)).toBe("validated");
  });

  it("marks every compiled lesson in one action, and only those", async () => {
    const res = await call(`/api/workspaces/${workspaceId}/handbook/mark-exported`, people.facilitator, { method: "POST" });
    expect(res.status).toBe(200);
    expect(res.body.marked).toBe(chapterLessons().length);
    token = res.body.token;
    for (const id of chapterLessons()) expect(await statusOf(id)).toBe("in_handbook");
    expect(await statusOf(lesson.recognitionAdvice)).toBe("validated"); // not an included theme
    expect(await statusOf(lesson.masterplanAlone)).toBe("candidate");
    // In-handbook lessons stay in the handbook.
    const again = (await call(`/api/workspaces/${workspaceId}/handbook`, people.viewer)).body.handbook as Handbook;
    expect(again.chapters[0].groups.flatMap((g) => g.lessons.map((l) => l.status))).toEqual(["in_handbook", "in_handbook", "in_handbook"]);
  });

  it("undoes with the token: each lesson gets its previous status; a lesson moved since is left alone", async () => {
    const moved = await call(`/api/lessons/${lesson.neighbours}/status`, people.facilitator, { method: "PATCH", json: { status: "candidate" } });
    expect(moved.status).toBe(200);
    const path = `/api/workspaces/${workspaceId}/handbook/mark-exported/undo`;
    expect((await call(path, people.editor, { method: "POST", json: { token } })).status).toBe(403);
    expect((await call(path, people.facilitator, { method: "POST", json: { token: "nosuchtoken" } })).status).toBe(404);
    expect((await call(path, people.facilitator, { method: "POST", json: {} })).status).toBe(400);
    const res = await call(path, people.facilitator, { method: "POST", json: { token } });
    expect(res.status).toBe(200);
    expect(res.body.restored).toBe(chapterLessons().length - 1);
    for (const id of chapterLessons().filter((id) => id !== lesson.neighbours)) expect(await statusOf(id)).toBe("validated");
    expect(await statusOf(lesson.neighbours)).toBe("candidate");
    const twice = await call(path, people.facilitator, { method: "POST", json: { token } });
    expect(twice.status).toBe(409);
  });
});

describe("the minimal feasible version", () => {
  it("lists the do lessons a facilitator marks as the minimum, per theme", async () => {
    const path = (id: string) => `/api/lessons/${id}/minimum`;
    expect((await call(path(lesson.minimalGuide), people.editor, { method: "PUT" })).status).toBe(403);
    expect((await call(path(lesson.outdatedGuide), people.facilitator, { method: "PUT" })).status).toBe(400);
    for (const id of [lesson.minimalGuide, lesson.neighbours]) {
      const res = await call(path(id), people.facilitator, { method: "PUT" });
      expect(res.body).toEqual({ lessonId: id, minimum: true });
    }
    const list = await call(`/api/workspaces/${workspaceId}/minimal`, people.viewer);
    expect(list.status).toBe(200);
    const byTheme = list.body.themes.map((x: { theme: { name: string }; lessons: Array<{ text: string }> }) => [
      x.theme.name,
      x.lessons.map((l) => l.text),
    ]);
    // Neighbours is on partnership and small towns; the minimal guide on access; themes by position.
    expect(byTheme).toEqual([
      [themeNames.access, [texts.minimalGuide]],
      [themeNames.smallTowns, [texts.neighbours]],
      ["Partnerschap", [texts.neighbours]],
    ]);
    const off = await call(path(lesson.neighbours), people.facilitator, { method: "DELETE" });
    expect(off.body).toEqual({ lessonId: lesson.neighbours, minimum: false });
    const after = await call(`/api/workspaces/${workspaceId}/minimal`, people.commenter);
    expect(after.body.themes).toHaveLength(1);
    expect((await call(`/api/workspaces/${workspaceId}/minimal`, people.outsider)).status).toBe(404);
    expect((await call(path(lesson.minimalGuide), people.outsider, { method: "PUT" })).status).toBe(404);
  });
});

type MdBlock = { type: string; text: string };

/** A small Markdown block reader for the test: headings, list items (bullet or numbered), paragraphs; escapes undone. */
function parseMarkdown(text: string): MdBlock[] {
  const inline = (s: string) =>
    s
      .replace(/(?<!\\)\*\*(.*?)(?<!\\)\*\*/g, "$1")
      .replace(/(?<!\\)_(.*?)(?<!\\)_/g, "$1")
      .replace(/\\(.)/g, "$1");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((line) => {
      const heading = /^(#{1,6}) (.*)$/.exec(line);
      if (heading) return { type: `h${heading[1].length}`, text: inline(heading[2]) };
      if (line.startsWith("- ")) return { type: "li", text: inline(line.slice(2)) };
      if (/^\d+\. /.test(line)) return { type: "ol", text: inline(line) };
      return { type: "p", text: inline(line) };
    });
}

/** The blocks after an h2 with this text, up to the next h2. */
function sectionAfter(blocks: MdBlock[], h2: string): MdBlock[] {
  const start = blocks.findIndex((b) => b.type === "h2" && b.text === h2);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = blocks.findIndex((b, i) => i > start && b.type === "h2");
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

/** The paragraphs of word/document.xml with their style and text, entities decoded. */
function docxParagraphs(bytes: Uint8Array): Array<{ style: string; text: string }> {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"]);
  const decode = (s: string) =>
    s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? "",
    text: decode([...m[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => t[1]).join("")),
  }));
}
