import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocumentText } from "../../server/documents/text-extraction";
import type { Handbook } from "../../shared/schemas/handbook";
import { type DemoHandbook, startDemoHandbook } from "../helpers/demo-handbook";

// A handbook chapter exported as Markdown or Word imports back as a document with the same
// structure and the same lessons: what the group published can be taken up again.
let env: DemoHandbook;
let handbook: Handbook;
beforeAll(async () => {
  env = await startDemoHandbook();
  handbook = (await env.call(`/api/workspaces/${env.workspaceId}/handbook`, env.people.viewer)).body.handbook;
});
afterAll(async () => {
  await env?.t.close();
});

async function importFile(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("file", new File([bytes as BlobPart], name));
  form.set("kind", "chapter");
  const res = await env.t.request(`/api/workspaces/${env.workspaceId}/imports`, {
    method: "POST",
    body: form,
    cookie: env.people.editor.cookie,
  });
  return { status: res.status, body: await res.json() };
}

type Node = { type: string; tag?: string; children?: Node[]; text?: string };
const text = (node: Node): string => (node.text ?? "") + (node.children ?? []).map(text).join("");

describe("export → import round trip", () => {
  for (const format of ["md", "docx"] as const) {
    it(`a handbook exported as ${format} imports with its chapter headings and every lesson of its kind`, async () => {
      const exported = await env.call(
        `/api/workspaces/${env.workspaceId}/handbook/export.${format}`,
        env.people.viewer,
      );
      expect(exported.status).toBe(200);
      const bytes = new Uint8Array(await exported.res.arrayBuffer());
      const imported = await importFile(`handboek.${format}`, bytes);
      expect(imported.status).toBe(201);
      expect(imported.body.title).toBe(handbook.title);

      // Every lesson of the chapters comes back as a lesson of its kind, in order, its source after it.
      const chapterLessons = handbook.chapters.flatMap((c) =>
        c.groups.flatMap((g) => g.lessons.map((l) => ({ kind: g.kind, text: l.text }))),
      );
      expect(chapterLessons.length).toBeGreaterThan(3);
      const found = imported.body.lessonsFound as Array<{ kind: string; text: string }>;
      const fromChapters = found.slice(0, chapterLessons.length);
      expect(fromChapters.map((l) => l.kind)).toEqual(chapterLessons.map((l) => l.kind));
      fromChapters.forEach((l, i) => {
        expect(l.text.startsWith(chapterLessons[i].text)).toBe(true);
      });

      // The structure: each chapter's heading and its kind sections, as headings, in the same order.
      const state = await env.t.themawerk.collab.readDocumentState(imported.body.documentId);
      const blocks = (extractDocumentText(state).lexicalJson as { root: { children: Node[] } }).root.children;
      const headings = blocks.filter((b) => b.type === "heading").map(text);
      const chapterNames = handbook.chapters.filter((c) => c.groups.length > 0).map((c) => c.theme.name);
      const positions = chapterNames.map((name) => headings.findIndex((h) => h.endsWith(name)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(headings).toContain("Valkuilen");
      expect(blocks.filter((b) => b.type === "lesson")).toHaveLength(found.length);
    });
  }
});
