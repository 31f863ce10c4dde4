import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DocumentStore } from "../../server/collab";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";
import { createDocument, type FixtureUser } from "../helpers/fixtures";
import { insertBlock } from "../helpers/raw-lexical-yjs";
import { raisingTrigger } from "../helpers/store-fault";

// What a user sees when a document or the server is not as it should be (issue 11): a block of a
// kind the editor does not know opens as a labelled placeholder; a server that cannot store says so.

describe.skipIf(!chromiumAvailable)("a document or server that is not as it should be", () => {
  const env = documentScenario({
    author: "editor",
    document: { title: "Verslag", kind: "meeting", meetingDate: "2006-03-14" },
  });
  const { browsers, pageErrors } = env;

  async function openAs(user: FixtureUser, documentId: string, options: { connected?: boolean } = {}) {
    const browser = await browserAs(env.server, user, browsers);
    const page = await openPage(
      browser,
      `${env.server.url}/w/${env.ws.workspaceId}/d/${documentId}`,
      user.name,
      pageErrors,
    );
    if (options.connected === false) {
      await page.locator(".editor__content").waitFor({ timeout: 20_000 });
      return page;
    }
    return waitForEditor(page);
  }

  const text = async (page: Page) => (await page.locator(".editor__content").textContent()) ?? "";

  it("opens a document holding a block of an unknown kind, shows it labelled, and lets the editor type on", async () => {
    // Stored by an older or newer version, before anyone opens the document.
    const documentId = await createDocument(
      env.server.themawerk,
      env.ws.workspaceId,
      env.ws.editor,
      "Oud stuk",
    );
    const doc = new Y.Doc();
    const root = doc.get("root", Y.XmlText);
    doc.transact(() => {
      const paragraph = (type: string, content: string) => insertBlock(root, root.length, type, content);
      paragraph("paragraph", "Voor de tabel.");
      paragraph("layout-container", "Gent | Heusden-Zolder | Lier");
      paragraph("paragraph", "Na de tabel.");
    });
    await new DocumentStore(env.server.themawerk.database.db).append(documentId, Y.encodeStateAsUpdate(doc));

    const eddy = await openAs(env.ws.editor, documentId);
    await expect.poll(() => text(eddy), { timeout: 10_000 }).toContain("Gent | Heusden-Zolder | Lier");
    const placeholder = eddy.locator(".editor__content [data-original-type='layout-container']");
    await expect.poll(() => placeholder.getAttribute("data-label")).toBe("Onbekend blok: layout-container");
    expect(await placeholder.getAttribute("title")).toContain("Themawerk niet kent");

    await eddy.getByText("Na de tabel.").click();
    await eddy.keyboard.press("End");
    await eddy.keyboard.type(" Verder getypt.");
    await expect.poll(() => text(eddy)).toContain("Na de tabel. Verder getypt.");
    await eddy.screenshot({ path: screenshotPath("unknown-block-placeholder"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("says the server cannot store edits while appends fail, keeps them, and sends them once it can", async () => {
    const fault = await raisingTrigger(env.server.themawerk.database);
    const eddy = await openAs(env.ws.editor, env.documentId);
    const vera = await openAs(env.ws.viewer, env.documentId);
    try {
      await fault.start();
      await eddy.locator(".editor__content").click();
      await eddy.keyboard.press("Control+End");
      await eddy.keyboard.type("Besluit tijdens de storing.");
      const state = eddy.locator(".connection-state");
      await expect.poll(() => state.getAttribute("data-state"), { timeout: 10_000 }).toBe("unsaved");
      expect(await state.textContent()).toContain("Niet opgeslagen");
      const banner = eddy.getByRole("alert");
      expect(await banner.textContent()).toContain("sluit het venster niet");
      await eddy.screenshot({ path: screenshotPath("connection-unsaved") });
      // Nothing the store does not hold reaches anyone else.
      expect(await text(vera)).not.toContain("Besluit tijdens de storing.");
    } finally {
      await fault.stop();
    }
    await expect
      .poll(() => eddy.locator(".connection-state").getAttribute("data-state"), { timeout: 20_000 })
      .toBe("connected");
    await expect.poll(() => text(vera), { timeout: 15_000 }).toContain("Besluit tijdens de storing.");
    expect(await eddy.locator(".connection-problem").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
