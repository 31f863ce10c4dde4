import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Handbook, HandbookOutline } from "../../shared/schemas/handbook";
import {
  problemCitation,
  struggledCase,
  succeededCase,
  texts,
  themeNames,
} from "../helpers/demo-handbook-texts";
import { docxParagraphs, parseMarkdown, sectionAfter } from "../helpers/export-readers";
import { type DemoHandbook, startDemoHandbook } from "../helpers/demo-handbook";
import type { TestApp } from "../helpers/test-app";

let t: TestApp;
let workspaceId: string;
let people: DemoHandbook["people"];
let theme: DemoHandbook["theme"];
let lesson: DemoHandbook["lesson"];
let chapterDoc: string;
let recommendationDoc: string;
let call: DemoHandbook["call"];

async function statusOf(id: string) {
  const row = await t.themawerk.database.db
    .selectFrom("lessons")
    .select("status")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.status;
}

beforeAll(async () => {
  ({ t, workspaceId, people, theme, lesson, chapterDoc, recommendationDoc, call } =
    await startDemoHandbook());
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
    expect(outline.chapters.map((c) => c.themeId)).toEqual(
      themes.body.themes.map((x: { id: string }) => x.id),
    );
    expect(outline.chapters.every((c) => c.included)).toBe(true);
  });

  it("links a chapter document to its theme (editors), and only a chapter document to a live theme here", async () => {
    const path = `/api/documents/${chapterDoc}/chapter-theme`;
    expect((await call(path, people.viewer, { method: "PUT", json: { themeId: theme.access } })).status).toBe(
      403,
    );
    const set = await call(path, people.editor, { method: "PUT", json: { themeId: theme.access } });
    expect(set.body).toEqual({ themeId: theme.access });
    expect((await call(path, people.viewer)).body).toEqual({ themeId: theme.access });
    const onRecommendation = await call(`/api/documents/${recommendationDoc}/chapter-theme`, people.editor, {
      method: "PUT",
      json: { themeId: theme.access },
    });
    expect(onRecommendation.status).toBe(400);
    expect(
      (await call(path, people.editor, { method: "PUT", json: { themeId: "nosuchtheme0000" } })).status,
    ).toBe(400);
    expect((await call(path, people.outsider)).status).toBe(404);
  });

  it("stores the facilitator's order and selection; the rest follows as not included", async () => {
    const themeIds = [theme.access, theme.masterplan, theme.smallTowns];
    const path = `/api/workspaces/${workspaceId}/handbook/outline`;
    expect((await call(path, people.editor, { method: "PUT", json: { themeIds } })).status).toBe(403);
    expect(
      (
        await call(path, people.facilitator, {
          method: "PUT",
          json: { themeIds: [theme.access, theme.access] },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call(path, people.facilitator, { method: "PUT", json: { themeIds: ["nosuchtheme0000"] } }))
        .status,
    ).toBe(400);
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
    expect(handbook.title).toBe("Handboek — Lokale regiefunctie — themawerking 2005");
    expect(handbook.chapters.map((c) => c.theme.name)).toEqual([
      themeNames.access,
      themeNames.masterplan,
      themeNames.smallTowns,
    ]);
    const [access, masterplan, smallTowns] = handbook.chapters;
    expect(access.text).toEqual([
      { type: "heading", level: 2, text: "Waarom dit thema" },
      { type: "paragraph", text: "Het lokale aanbod moet vindbaar zijn." },
    ]);
    const summary = (c: Handbook["chapters"][number]) =>
      c.groups.map((g) => [
        g.kind,
        g.lessons.map((l) => [l.text, l.citation.municipality, l.citation.title]),
      ]);
    expect(summary(access)).toEqual([
      ["do", [[texts.minimalGuide, null, problemCitation]]],
      ["pitfall", [[texts.outdatedGuide, "Voorbeeldgemeente", "Casus Voorbeeldgemeente (moeizaam)"]]],
      ["success_factor", [[texts.weeklyGuide, "Voorbeeldstad", "Casus Voorbeeldstad (geslaagd)"]]],
    ]);
    // The don't on the masterplan is still a candidate: not in the handbook.
    expect(summary(masterplan)).toEqual([
      ["do", [[texts.masterplanTable, "Voorbeeldstad", "Casus Voorbeeldstad (geslaagd)"]]],
    ]);
    expect(smallTowns.groups.map((g) => g.kind)).toEqual(["do", "pitfall", "bottleneck"]);
    expect(smallTowns.groups[2].lessons.map((l) => l.text)).toEqual([texts.noBudget, texts.secondPillar]);
  });

  it("ends with the recommendations and their evidence", () => {
    expect(handbook.recommendations).toHaveLength(1);
    const [rec] = handbook.recommendations;
    expect(rec).toMatchObject({
      id: recommendationDoc,
      title: "Een regisseur per gemeente",
      counts: { cases: 2, lessons: 3 },
    });
    expect(rec.text).toEqual([{ type: "paragraph", text: "Het decreet voorziet een regisseur." }]);
    expect(rec.evidence.map((l) => l.id).sort()).toEqual(
      [lesson.neighbours, lesson.weeklyGuide, lesson.minimalGuide].sort(),
    );
  });

  it("exports Markdown with title, contents, chapters, lessons and citations in order", async () => {
    const { res } = await call(`/api/workspaces/${workspaceId}/handbook/export.md`, people.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="handboek-[\w-]+\.md"$/);
    const blocks = parseMarkdown(await res.text());
    expect(blocks[0]).toEqual({ type: "h1", text: handbook.title });
    expect(blocks.filter((b) => b.type === "h2").map((b) => b.text)).toEqual([
      "Inhoud",
      `1. ${themeNames.access}`,
      `2. ${themeNames.masterplan}`,
      `3. ${themeNames.smallTowns}`,
      "4. Aanbevelingen",
    ]);
    const contents = blocks.slice(
      blocks.findIndex((b) => b.text === "Inhoud") + 1,
      blocks.findIndex((b) => b.type === "h2" && b.text.startsWith("1.")),
    );
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
      { type: "h3", text: "Doe" },
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
    expect(res.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="handboek-[\w-]+\.docx"$/);
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
      ["Heading2", "Doe"],
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
    expect(h2).toEqual([
      "Inhoud",
      `1. ${themeNames.access}`,
      `2. ${themeNames.masterplan}`,
      `3. ${themeNames.smallTowns}`,
      "4. Aanbevelingen",
    ]);
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
      expect(
        (await call(`/api/workspaces/${workspaceId}/handbook/mark-exported`, people[who], { method: "POST" }))
          .status,
      ).toBe(403);
    }
    expect(await statusOf(lesson.weeklyGuide)).toBe("validated");
  });

  it("marks every compiled lesson in one action, and only those", async () => {
    const res = await call(`/api/workspaces/${workspaceId}/handbook/mark-exported`, people.facilitator, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    expect(res.body.marked).toBe(chapterLessons().length);
    token = res.body.token;
    for (const id of chapterLessons()) expect(await statusOf(id)).toBe("in_handbook");
    expect(await statusOf(lesson.recognitionAdvice)).toBe("validated"); // not an included theme
    expect(await statusOf(lesson.masterplanAlone)).toBe("candidate");
    // In-handbook lessons stay in the handbook.
    const again = (await call(`/api/workspaces/${workspaceId}/handbook`, people.viewer)).body
      .handbook as Handbook;
    expect(again.chapters[0].groups.flatMap((g) => g.lessons.map((l) => l.status))).toEqual([
      "in_handbook",
      "in_handbook",
      "in_handbook",
    ]);
  });

  it("undoes with the token: each lesson gets its previous status; a lesson moved since is left alone", async () => {
    const moved = await call(`/api/lessons/${lesson.neighbours}/status`, people.facilitator, {
      method: "PATCH",
      json: { status: "candidate" },
    });
    expect(moved.status).toBe(200);
    const path = `/api/workspaces/${workspaceId}/handbook/mark-exported/undo`;
    expect((await call(path, people.editor, { method: "POST", json: { token } })).status).toBe(403);
    expect(
      (await call(path, people.facilitator, { method: "POST", json: { token: "nosuchtoken" } })).status,
    ).toBe(404);
    expect((await call(path, people.facilitator, { method: "POST", json: {} })).status).toBe(400);
    const res = await call(path, people.facilitator, { method: "POST", json: { token } });
    expect(res.status).toBe(200);
    expect(res.body.restored).toBe(chapterLessons().length - 1);
    for (const id of chapterLessons().filter((id) => id !== lesson.neighbours))
      expect(await statusOf(id)).toBe("validated");
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
    const byTheme = list.body.themes.map(
      (x: { theme: { name: string }; lessons: Array<{ text: string }> }) => [
        x.theme.name,
        x.lessons.map((l) => l.text),
      ],
    );
    // Neighbours is on small towns and partnership: listed once, under the first by position, the other named.
    expect(byTheme).toEqual([
      [themeNames.access, [texts.minimalGuide]],
      [themeNames.smallTowns, [texts.neighbours]],
    ]);
    expect(list.body.themes[1].lessons[0].alsoOn.map((t: { name: string }) => t.name)).toEqual([
      "Partnerschap",
    ]);
    expect(list.body.themes[1].lessons[0].done).toBeNull();

    // Ticking off is the group's, kept on the server: an editor ticks, every member sees who did.
    const done = (id: string) => `/api/lessons/${id}/minimum/done`;
    expect((await call(done(lesson.neighbours), people.viewer, { method: "PUT" })).status).toBe(403);
    expect((await call(done(lesson.neighbours), people.commenter, { method: "PUT" })).status).toBe(403);
    expect((await call(done(lesson.outdatedGuide), people.editor, { method: "PUT" })).status).toBe(400);
    const ticked = await call(done(lesson.neighbours), people.editor, { method: "PUT" });
    expect(ticked.status).toBe(200);
    expect(ticked.body.done.by).toBe(people.editor.name);
    const seen = await call(`/api/workspaces/${workspaceId}/minimal`, people.viewer);
    expect(seen.body.themes[1].lessons[0].done).toMatchObject({ by: people.editor.name });
    const reopened = await call(done(lesson.neighbours), people.facilitator, { method: "DELETE" });
    expect(reopened.body).toEqual({ lessonId: lesson.neighbours, done: null });
    const off = await call(path(lesson.neighbours), people.facilitator, { method: "DELETE" });
    expect(off.body).toEqual({ lessonId: lesson.neighbours, minimum: false });
    const after = await call(`/api/workspaces/${workspaceId}/minimal`, people.commenter);
    expect(after.body.themes).toHaveLength(1);
    expect((await call(`/api/workspaces/${workspaceId}/minimal`, people.outsider)).status).toBe(404);
    expect((await call(path(lesson.minimalGuide), people.outsider, { method: "PUT" })).status).toBe(404);
  });
});
