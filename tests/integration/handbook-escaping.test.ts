import { $createLinkNode } from "@lexical/link";
import { strFromU8, unzipSync } from "fflate";
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from "lexical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LessonKind } from "../../shared/lessons";
import { $createLessonNode } from "../../shared/editor";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

/** Text a hostile member could type anywhere: lessons, titles, theme names, chapter text. */
const hostile = {
  script: "<script>alert(1)</script>",
  img: "<img src=x onerror=alert(1)>",
  mdLink: "[x](javascript:alert(1))",
  formula: '=HYPERLINK("http://evil.example","klik")',
  svg: '"><svg onload=alert(1)>',
  autolink: "<javascript:alert(1)>",
};

let t: TestApp;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let caseA: string;
let caseB: string;
let comparisonId: string;

const f = () => people.facilitator.cookie;

async function post(path: string, json: unknown, method = "POST") {
  const res = await t.request(path, { method, json, cookie: f() });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return res.json();
}

/** Writes content into a live document through the collaboration server, as an editor's edit would. */
async function write(documentId: string, nodes: () => LexicalNode[]) {
  const update = encodeDocumentUpdate(() => {
    $getRoot().clear().append(...nodes());
  });
  await t.themawerk.collab.applyServerUpdate(documentId, update, people.editor.id);
}

const lessonNode = (kind: LessonKind, themes: string[], text: string) => $createLessonNode(kind, themes).append($createTextNode(text));

beforeAll(async () => {
  t = await startTestApp();
  people = await workspaceWithRoles(t.themawerk);
  const ws = people.workspaceId;
  const themeA = (await post(`/api/workspaces/${ws}/themes`, { name: hostile.img })).theme.id;
  const themeB = (await post(`/api/workspaces/${ws}/themes`, { name: hostile.formula })).theme.id;
  caseA = (await post(`/api/workspaces/${ws}/documents`, { title: hostile.script, kind: "case", municipality: hostile.formula, outcome: "succeeded" })).document.id;
  caseB = (await post(`/api/workspaces/${ws}/documents`, { title: hostile.mdLink, kind: "case", municipality: "-1+1", outcome: "struggled" })).document.id;
  await write(caseA, () => [
    lessonNode("do", [themeA, themeB], hostile.script),
    lessonNode("success_factor", [themeA], hostile.img),
    lessonNode("do", [themeB], hostile.mdLink),
  ]);
  await write(caseB, () => [
    lessonNode("pitfall", [themeA], hostile.formula),
    lessonNode("dont", [themeB], hostile.svg),
    lessonNode("bottleneck", [themeA], hostile.autolink),
  ]);
  // The lessons appear once the edits settle (expect.poll only runs inside a test).
  const lessonCount = async () =>
    (await (await t.request(`/api/workspaces/${ws}/lessons`, { cookie: f() })).json()).lessons.length as number;
  for (const deadline = Date.now() + 15_000; (await lessonCount()) < 6 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await lessonCount()).toBe(6);
  const lessons = (await (await t.request(`/api/workspaces/${ws}/lessons`, { cookie: f() })).json()).lessons as Array<{ id: string }>;
  for (const l of lessons) await post(`/api/lessons/${l.id}/status`, { status: "validated" }, "PATCH");

  const chapter = await createDocument(t.themawerk, ws, people.editor, hostile.svg, "chapter");
  await write(chapter, () => [
    $createParagraphNode().append($createTextNode(hostile.script), $createLinkNode("javascript:alert(1)").append($createTextNode("klik"))),
    $createParagraphNode().append($createTextNode(hostile.mdLink)),
  ]);
  await post(`/api/documents/${chapter}/chapter-theme`, { themeId: themeA }, "PUT");
  const rec = await createDocument(t.themawerk, ws, people.editor, hostile.img, "recommendation");
  await write(rec, () => [$createParagraphNode().append($createTextNode(hostile.autolink))]);
  for (const l of lessons) await post(`/api/documents/${rec}/evidence/${l.id}`, {}, "PUT");
  comparisonId = (await post(`/api/workspaces/${ws}/comparisons`, { name: hostile.formula, caseIds: [caseA, caseB] })).comparison.id;
});
afterAll(async () => {
  await t?.close();
});

async function download(path: string) {
  const res = await t.request(path, { cookie: people.viewer.cookie });
  expect(res.status).toBe(200);
  return res;
}

describe("exports escape everything a member typed", () => {
  it("HTML: no script, no element from the text, no event handler, no javascript: link", async () => {
    const html = await (await download(`/api/workspaces/${people.workspaceId}/handbook/export.html`)).text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|svg|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<a\b[^>]*href\s*=\s*["']?\s*javascript:/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => /^#[\w-]+$/.test(h))).toBe(true);
    // The words are all still there, as text.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&quot;&gt;&lt;svg onload=alert(1)&gt;");
    expect(html).toContain("klik");
  });

  it("Markdown: no raw HTML, no link, no autolink; unescaped it reads as the original text", async () => {
    const md = await (await download(`/api/workspaces/${people.workspaceId}/handbook/export.md`)).text();
    // Every < and [ is escaped, so no tag, autolink or link can start.
    expect(md).not.toMatch(/(^|[^\\])[<[]/m);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/^\s*[=+-]\s*HYPERLINK/m);
    const unescaped = md.replace(/\\(.)/g, "$1");
    for (const text of Object.values(hostile)) expect(unescaped).toContain(text);
  });

  it("DOCX: the text is XML text, with no hyperlink, field or external relationship", async () => {
    const res = await download(`/api/workspaces/${people.workspaceId}/handbook/export.docx`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]);
    expect(xml).not.toMatch(/<(script|img|svg)\b/i);
    expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple|<w:instrText/);
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const rels = strFromU8(files["word/_rels/document.xml.rels"]);
    expect(rels).not.toMatch(/javascript:|TargetMode="External"/i);
    const all = Object.values(files).map((b) => strFromU8(b)).join("\n");
    expect(all).not.toMatch(/href=|javascript:alert\(1\)"/i);
  });

  it("comparison CSV: every field quoted, no field starts a formula", async () => {
    const res = await download(`/api/workspaces/${people.workspaceId}/comparisons/${comparisonId}/export.csv`);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const fields = [...text.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
    expect(fields.length).toBeGreaterThan(6);
    expect(fields.some((x) => /^[=+\-@]/.test(x))).toBe(false);
    expect(fields).toContain(`'${hostile.formula}`);
    expect(fields.some((x) => x.startsWith(`'${hostile.formula} — `))).toBe(true);
    expect(fields.some((x) => x.startsWith("'-1+1 — "))).toBe(true);
    // Outside the quotes there is nothing but separators.
    expect(text.replace(/"((?:[^"]|"")*)"/g, "")).toMatch(/^[,\r\n]*$/);
  });

  it("comparison Markdown: escaped like the handbook", async () => {
    const res = await download(`/api/workspaces/${people.workspaceId}/comparisons/${comparisonId}/export.md`);
    const md = await res.text();
    expect(md).not.toMatch(/(^|[^\\])[<[]/m);
    const unescaped = md.replace(/\\(.)/g, "$1");
    for (const text of Object.values(hostile)) expect(unescaped).toContain(text);
  });
});
