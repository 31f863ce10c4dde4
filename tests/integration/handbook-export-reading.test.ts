import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Handbook } from "../../shared/schemas/handbook";
import { type DemoHandbook, startDemoHandbook } from "../helpers/demo-handbook";
import { themeNames } from "../helpers/demo-handbook-texts";
import { docxParagraphs, parseMarkdown, sectionAfter } from "../helpers/export-readers";

// The handbook's exports as documents for people: in the reader's language, dated as on screen, without empty chapters.
let env: DemoHandbook;
beforeAll(async () => {
  env = await startDemoHandbook();
});
afterAll(async () => {
  await env?.t.close();
});

describe("exports for reading, not for filling pages", () => {
  const outlinePath = () => `/api/workspaces/${env.workspaceId}/handbook/outline`;
  const threeChapters = () => [env.theme.access, env.theme.masterplan, env.theme.smallTowns];
  const h2Of = (html: string) => [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) => m[1]);

  it("leaves a chapter with nothing in it out of every export (the preview still shows it), in Dutch and English", async () => {
    const created = await env.call(`/api/workspaces/${env.workspaceId}/themes`, env.people.facilitator, {
      method: "POST",
      json: { name: "Nog leeg thema" },
    });
    expect(created.status).toBe(201);
    const empty = created.body.theme.id;
    const put = await env.call(outlinePath(), env.people.facilitator, {
      method: "PUT",
      json: { themeIds: [env.theme.access, empty, env.theme.masterplan, env.theme.smallTowns] },
    });
    expect(put.status).toBe(200);
    try {
      const preview: Handbook = (
        await env.call(`/api/workspaces/${env.workspaceId}/handbook`, env.people.viewer)
      ).body.handbook;
      expect(preview.chapters.map((c) => c.theme.name)).toContain("Nog leeg thema");

      const dutchMd = await (
        await env.call(`/api/workspaces/${env.workspaceId}/handbook/export.md`, env.people.viewer)
      ).res.text();
      const dutchH2 = parseMarkdown(dutchMd)
        .filter((b) => b.type === "h2")
        .map((b) => b.text);
      expect(dutchH2).toEqual([
        "Inhoud",
        `1. ${themeNames.access}`,
        `2. ${themeNames.masterplan}`,
        `3. ${themeNames.smallTowns}`,
        "4. Aanbevelingen",
      ]);
      // The date as the screen writes it: the working group's day (Brussels), not the test machine's (UTC).
      const dutchDate = new Intl.DateTimeFormat("nl-BE", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "Europe/Brussels",
      }).format(new Date(preview.compiledAt));
      expect(dutchMd).toContain(`_${dutchDate}_`);
      expect(dutchDate).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);

      const englishMd = await (
        await env.call(`/api/workspaces/${env.workspaceId}/handbook/export.md?lang=en`, env.people.viewer)
      ).res.text();
      const englishBlocks = parseMarkdown(englishMd);
      expect(englishBlocks.filter((b) => b.type === "h2").map((b) => b.text)).toEqual([
        "Contents",
        `1. ${themeNames.access}`,
        `2. ${themeNames.masterplan}`,
        `3. ${themeNames.smallTowns}`,
        "4. Recommendations",
      ]);
      expect(sectionAfter(englishBlocks, `1. ${themeNames.access}`).filter((b) => b.type === "h3")).toEqual([
        { type: "h3", text: "Do's" },
        { type: "h3", text: "Pitfalls" },
        { type: "h3", text: "Success factors" },
      ]);
      expect(englishMd).toContain("Evidence.** Backed by 3 lessons from 2 cases.");
      expect(englishMd).not.toMatch(/Valkuil|Onderbouwing|Aanbevelingen|Inhoud/);

      const html = await (
        await env.call(`/api/workspaces/${env.workspaceId}/handbook/export.html?lang=en`, env.people.viewer)
      ).res.text();
      expect(html).toContain('<html lang="en">');
      expect(h2Of(html)).toEqual([
        "Contents",
        `1. ${themeNames.access}`,
        `2. ${themeNames.masterplan}`,
        `3. ${themeNames.smallTowns}`,
        "4. Recommendations",
      ]);
      const docx = docxParagraphs(
        new Uint8Array(
          await (
            await env.call(`/api/workspaces/${env.workspaceId}/handbook/export.docx`, env.people.viewer)
          ).res.arrayBuffer(),
        ),
      );
      expect(docx.filter((p) => p.style === "Heading1").map((p) => p.text)).not.toContain(
        "2. Nog leeg thema",
      );
      expect(docx.filter((p) => p.style === "Heading1")).toHaveLength(5);
      expect(docx.some((p) => p.text === dutchDate)).toBe(true);
    } finally {
      await env.call(outlinePath(), env.people.facilitator, {
        method: "PUT",
        json: { themeIds: threeChapters() },
      });
    }
  });
});
