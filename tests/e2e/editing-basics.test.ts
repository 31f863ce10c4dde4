import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";

describe.skipIf(!chromiumAvailable)("editing basics a wiki user expects", () => {
  const env = documentScenario({
    author: "editor",
    document: { title: "Verslag bijeenkomst 3", kind: "note" },
  });
  const { browsers, pageErrors } = env;

  /** The document's text as the server keeps it for listings, search and exports. */
  const storedText = async () =>
    (
      await env.server.themawerk.database.db
        .selectFrom("documents")
        .select("plain_text")
        .where("id", "=", env.documentId)
        .executeTakeFirstOrThrow()
    ).plain_text;

  /** Types `text` and presses Enter; a short pause lets Lexical apply a shortcut before the next key. */
  async function line(page: Page, text: string) {
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }

  it("turns Markdown shortcuts and the / menu into blocks, checklists, a table and a divider, live for a co-editor and on the server", async () => {
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    const eddy = await waitForEditor(
      await openPage(await browserAs(env.server, env.ws.editor, browsers), url, "eddy", pageErrors),
    );
    const fien = await waitForEditor(
      await openPage(await browserAs(env.server, env.ws.facilitator, browsers), url, "fien", pageErrors),
    );
    const content = (page: Page) => page.locator(".editor__content");
    await content(eddy).click();

    await line(eddy, "# Aanwezigen en agenda");
    await line(eddy, "- Promotoren");
    await line(eddy, "Werkwinkel");
    await eddy.keyboard.press("Enter");
    await line(eddy, "1. Verslag vorige keer");
    await eddy.keyboard.press("Enter");
    await line(eddy, "> De regie ligt bij de gemeente.");
    await eddy.keyboard.type("Dit is **belangrijk** ");
    await eddy.keyboard.press("Enter");
    await line(eddy, "[ ] Agenda rondsturen");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("---");
    await eddy.keyboard.press("Enter");

    // The / menu offers every block, not only lesson kinds.
    await eddy.keyboard.type("/");
    const menu = eddy.getByRole("listbox", { name: "Invoegen" });
    await menu.waitFor();
    const groups = await menu
      .getByRole("group")
      .evaluateAll((els) => els.map((el) => el.getAttribute("aria-labelledby")));
    expect(groups).toHaveLength(2);
    const labels = await menu.getByRole("option").allTextContents();
    for (const word of [
      "Valkuil",
      "Kop 1",
      "Opsomming",
      "Genummerde lijst",
      "Afvinklijst",
      "Citaat",
      "Tabel",
      "Scheidingslijn",
    ])
      expect(
        labels.some((l) => l.includes(word)),
        word,
      ).toBe(true);
    await eddy.screenshot({ path: screenshotPath("editing-slash-blocks") });
    await eddy.keyboard.type("tabel");
    await expect
      .poll(() => menu.getByRole("option").allTextContents())
      .toEqual([expect.stringContaining("Tabel")]);
    await eddy.keyboard.press("Enter");
    await content(eddy).locator("table").waitFor();
    await eddy.keyboard.type("Gemeente");
    await eddy.keyboard.press("Tab");
    await eddy.keyboard.type("Regisseur");

    const checks = {
      h1: "Aanwezigen en agenda",
      ul: "PromotorenWerkwinkel",
      ol: "Verslag vorige keer",
      blockquote: "De regie ligt bij de gemeente.",
      ".ed-bold": "belangrijk",
      '[role="checkbox"]': "Agenda rondsturen",
    };
    for (const page of [eddy, fien]) {
      for (const [selector, text] of Object.entries(checks)) {
        await expect
          .poll(() => content(page).locator(selector).first().textContent(), { timeout: 10_000 })
          .toBe(text);
      }
      await expect.poll(() => content(page).locator("hr").count()).toBe(1);
      await expect.poll(() => content(page).locator("th").first().textContent()).toBe("Gemeente");
      await expect.poll(() => content(page).locator("th").nth(1).textContent()).toBe("Regisseur");
      expect(await content(page).locator("table tr").count()).toBe(3);
    }
    // No text of a shortcut is left behind.
    expect(await content(eddy).textContent()).not.toMatch(/^#|\*\*|\[ \]|---/m);

    // Ticking the item: a click on its box, seen by the co-editor.
    const item = content(eddy).locator('[role="checkbox"]').first();
    const box = await item.boundingBox();
    if (!box) throw new Error("no checklist item on screen");
    await eddy.mouse.click(box.x + 6, box.y + box.height / 2);
    await expect
      .poll(() => content(fien).locator('[role="checkbox"]').first().getAttribute("aria-checked"))
      .toBe("true");
    await fien.screenshot({ path: screenshotPath("editing-basics-coeditor"), fullPage: true });

    // The server reads all of it: list items, the checklist item, each table row.
    await expect.poll(storedText, { timeout: 20_000 }).toContain("Agenda rondsturen");
    const stored = await storedText();
    for (const text of [
      "Aanwezigen en agenda",
      "Promotoren",
      "Werkwinkel",
      "Verslag vorige keer",
      "Gemeente · Regisseur",
    ])
      expect(stored).toContain(text);

    // No serious or critical violation with a checklist and a table in the text. (Minor ones remain in what the
    // user and Lexical write: a header cell left empty, and Lexical's checkbox role on a list item.)
    const serious = (await axeViolations(eddy)).filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(serious).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("keeps a lesson a lesson when its text starts with a shortcut", async () => {
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    const eddy = await waitForEditor(
      await openPage(await browserAs(env.server, env.ws.editor, browsers), url, "eddy", pageErrors),
    );
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+End");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("/valkuil");
    await eddy.getByRole("listbox", { name: "Invoegen" }).waitFor();
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("- geen lijst, maar een valkuil");
    const lesson = eddy.locator('.editor__content [data-kind="pitfall"]').last();
    await expect.poll(() => lesson.textContent()).toContain("- geen lijst, maar een valkuil");
    // Inside a lesson, the / menu offers only lesson kinds.
    await eddy.keyboard.type(" /");
    const menu = eddy.getByRole("listbox", { name: "Invoegen" });
    await menu.waitFor();
    expect(await menu.getByRole("group").count()).toBe(1);
    expect(await menu.getByRole("option", { name: /Tabel/ }).count()).toBe(0);
    await eddy.keyboard.press("Escape");
    expect(pageErrors).toEqual([]);
  });
});
