import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Lesson } from "../../shared/schemas/lessons";
import { chromiumAvailable } from "../helpers/browser";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";

const PITFALL = "Geen vaste regisseur aanstellen";

describe.skipIf(!chromiumAvailable)("a lesson keeps its identity when its text moves", () => {
  const env = documentScenario({ author: "editor", document: { title: "Verslag kerngroep", kind: "note" } });
  const { browsers, pageErrors, api } = env;
  const lessons = async (): Promise<Lesson[]> =>
    (await api(`/api/workspaces/${env.ws.workspaceId}/lessons`, env.ws.viewer)).body.lessons;
  const blocks = (page: Page) =>
    page
      .locator(".editor__content [data-lesson-id]")
      .evaluateAll((els) =>
        els.map((el) => ({ id: el.getAttribute("data-lesson-id"), text: el.textContent })),
      );

  async function openEditor(): Promise<Page> {
    const browser = await browserAs(env.server, env.ws.editor, browsers);
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    return waitForEditor(await openPage(browser, url, "eddy", pageErrors));
  }

  /** Selects the text of the (first) lesson block, start to end. */
  async function selectLessonText(page: Page) {
    await page.locator(".editor__content [data-lesson-id]").first().click();
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+End");
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(PITFALL);
    // Lexical takes the browser's selection over on its selectionchange event; a person is never this fast.
    await page.waitForTimeout(150);
  }

  /** Pastes on a new line after the caret's block (or after the paragraph with `text`, clicked first). */
  async function pasteAtEnd(page: Page, text?: string) {
    if (text) {
      await page.locator(".editor__content p", { hasText: text }).click();
      await page.waitForTimeout(150);
    }
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    // Paste only once the new empty line is there (keys go faster than a person types).
    await expect
      .poll(async () => (await page.locator(".editor__content > *").allTextContents()).at(-1))
      .toBe("");
    await page.keyboard.press("Control+v");
  }

  it("moving a validated lesson by cut and paste keeps it, with its status; a copy is a lesson of its own", async () => {
    const eddy = await openEditor();
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.type("Eerste alinea.");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("/valkuil");
    await eddy.getByRole("listbox", { name: "Invoegen" }).waitFor();
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type(PITFALL);
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("Tweede alinea.");
    await expect
      .poll(async () => (await lessons()).map((l) => l.text), { timeout: 10_000 })
      .toEqual([PITFALL]);
    const [original] = await lessons();
    const validated = await api(`/api/lessons/${original.id}/status`, env.ws.facilitator, "PATCH", {
      status: "validated",
    });
    expect(validated.status).toBe(200);

    await selectLessonText(eddy);
    await eddy.keyboard.press("Control+x");
    // The cut takes the whole block with its text (Lexical cuts after writing the clipboard, asynchronously).
    await expect.poll(() => blocks(eddy)).toEqual([]);
    // The server hears of the cut: the lesson leaves the list (kept, with its status, for its block's return).
    await expect.poll(async () => (await lessons()).length, { timeout: 10_000 }).toBe(0);
    await pasteAtEnd(eddy, "Tweede alinea.");
    // One lesson block, after the second paragraph, with the same id; none left empty where it was.
    await expect.poll(() => blocks(eddy)).toEqual([{ id: original.id, text: PITFALL }]);
    const order = await eddy.locator(".editor__content > *").allTextContents();
    expect(order.indexOf(PITFALL)).toBeGreaterThan(order.indexOf("Tweede alinea."));
    // Pasted, it is back as the same validated lesson.
    await expect
      .poll(async () => (await lessons()).map((l) => ({ id: l.id, status: l.status, text: l.text })), {
        timeout: 10_000,
      })
      .toEqual([{ id: original.id, status: "validated", text: PITFALL }]);

    // Copy and paste: the copy is a new candidate lesson; the original keeps its id and status.
    await selectLessonText(eddy);
    await eddy.keyboard.press("Control+c");
    await expect.poll(() => eddy.evaluate(() => navigator.clipboard.readText())).toBe(PITFALL);
    await pasteAtEnd(eddy);
    await expect.poll(async () => (await blocks(eddy)).length).toBe(2);
    const [first, second] = await blocks(eddy);
    expect(first).toEqual({ id: original.id, text: PITFALL });
    expect(second.id).not.toBe(original.id);
    expect(second.text).toBe(PITFALL);
    await expect
      .poll(
        async () =>
          (await lessons())
            .map((l) => ({ id: l.id, status: l.status }))
            .sort((a, b) => Number(b.id === original.id) - Number(a.id === original.id)),
        { timeout: 10_000 },
      )
      .toEqual([
        { id: original.id, status: "validated" },
        { id: second.id, status: "candidate" },
      ]);
    expect(pageErrors).toEqual([]);
  });

  it("turning a lesson into plain text asks first, and Ctrl+Z brings the same lesson back", async () => {
    const eddy = await openEditor();
    const [original] = (await lessons()).filter((l) => l.status === "validated");
    const block = eddy.locator(`.editor__content [data-lesson-id="${original.id}"]`);
    await block.click();
    const toPlain = eddy
      .getByRole("toolbar", { name: "Les bewerken" })
      .getByRole("button", { name: "Terug naar gewone tekst" });
    await toPlain.click();
    const ask = eddy.getByRole("alertdialog", { name: "Gewone tekst maken?" });
    await ask.waitFor();
    await ask.getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await block.count()).toBe(1);

    await block.click();
    await toPlain.click();
    await ask.getByRole("button", { name: "Gewone tekst maken" }).click();
    await expect.poll(() => block.count()).toBe(0);
    await expect
      .poll(async () => (await lessons()).some((l) => l.id === original.id), { timeout: 10_000 })
      .toBe(false);
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+z");
    await expect.poll(() => block.count()).toBe(1);
    await expect
      .poll(async () => (await lessons()).find((l) => l.id === original.id)?.status, { timeout: 10_000 })
      .toBe("validated");

    // Backspace at the very start of the lesson's text asks the same question instead of converting silently.
    await block.click();
    await eddy.keyboard.press("Home");
    await eddy.waitForTimeout(150);
    await eddy.keyboard.press("Backspace");
    await ask.waitFor();
    await ask.getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await block.count()).toBe(1);
    expect(await block.textContent()).toContain(PITFALL);
    expect(pageErrors).toEqual([]);
  });

  it("moving a lesson block with Alt+Shift+arrow keeps its id and status", async () => {
    const eddy = await openEditor();
    const [original] = (await lessons()).filter((l) => l.status === "validated");
    const order = async () =>
      eddy
        .locator(".editor__content > *")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-lesson-id")));
    const before = await order();
    const at = before.indexOf(original.id);
    expect(at).toBeGreaterThan(0);
    await eddy.locator(`.editor__content [data-lesson-id="${original.id}"]`).click();
    await eddy.waitForTimeout(150);
    await eddy.keyboard.press("Alt+Shift+ArrowUp");
    await expect.poll(async () => (await order()).indexOf(original.id)).toBe(at - 1);
    expect((await order()).filter((id) => id === original.id)).toHaveLength(1);
    // The caret stayed in the lesson: typing goes there.
    await eddy.keyboard.press("End");
    await eddy.keyboard.type(" (verplaatst)");
    await expect
      .poll(() => eddy.locator(`.editor__content [data-lesson-id="${original.id}"]`).textContent())
      .toContain("(verplaatst)");
    // The server still holds the same lesson, validated, with its new text.
    await expect
      .poll(async () => (await lessons()).find((l) => l.id === original.id)?.text, { timeout: 15_000 })
      .toContain("(verplaatst)");
    expect((await lessons()).find((l) => l.id === original.id)?.status).toBe("validated");
    // And back down again.
    await eddy.keyboard.press("Alt+Shift+ArrowDown");
    await expect.poll(async () => (await order()).indexOf(original.id)).toBe(at);
    expect(pageErrors).toEqual([]);
  });
});
