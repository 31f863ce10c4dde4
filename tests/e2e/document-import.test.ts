import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { type Browser, chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, openPage, waitForEditor } from "../helpers/e2e-setup";
import { workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** A file as the test hands it to the page: its bytes as base64 (page.evaluate takes JSON only). */
interface PageFile {
  name: string;
  type: string;
  base64: string;
}

const markdownFile = (name: string, text: string): PageFile => ({
  name,
  type: "text/markdown",
  base64: Buffer.from(text, "utf8").toString("base64"),
});

const WERKSESSIE_MD = `# Verslag werksessie Gent

We bespraken hoe de stad de regie opneemt.

Valkuil: de welzijnsraad pas aan het einde betrekken.
`;

/** A case description as Word writes it: a heading, a "Knelpunt:" paragraph and a bulleted list with a "Doe:" item. */
async function aalstDocx(): Promise<PageFile> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun("Casus Aalst: samen aan tafel")],
          }),
          new Paragraph({ children: [new TextRun("Knelpunt: niemand beheert de gedeelde agenda.")] }),
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun("Wekelijks overleg met de partners")],
          }),
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun("Doe: spreek één aanspreekpunt af.")],
          }),
        ],
      },
    ],
  });
  return {
    name: "casus-aalst.docx",
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    base64: (await Packer.toBuffer(doc)).toString("base64"),
  };
}

/**
 * Drags files over the page and (unless only `dragenter` is asked) drops them: playwright-core has no native file
 * drop, so the events are built in the page with a DataTransfer holding real File objects, and dispatched on the
 * page's main area, the way the browser sends them to the element under the pointer. Answers whether the page
 * took the last event (called preventDefault).
 */
async function dragFiles(
  page: Page,
  files: PageFile[],
  steps: readonly ("dragenter" | "dragover" | "drop")[],
) {
  return page.evaluate(
    ({ files, steps }) => {
      const transfer = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const target = document.querySelector("main") ?? document.body;
      let taken = false;
      for (const type of steps) {
        const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
        target.dispatchEvent(event);
        taken = event.defaultPrevented;
      }
      return taken;
    },
    { files, steps },
  );
}

/** Records, per file row of the import dialog, every status it showed and whether it ever showed a progress bar. */
async function recordRowStates(
  page: Page,
): Promise<() => Promise<Record<string, { states: string[]; bar: boolean }>>> {
  await page.evaluate(() => {
    const seen: Record<string, { states: string[]; bar: boolean }> = {};
    const look = () => {
      for (const row of document.querySelectorAll<HTMLElement>(".import-row")) {
        const name = row.querySelector(".import-row__name")?.textContent ?? "?";
        seen[name] ??= { states: [], bar: false };
        const state = row.dataset.status ?? "?";
        if (seen[name].states.at(-1) !== state) seen[name].states.push(state);
        if (row.querySelector('[role="progressbar"]')) seen[name].bar = true;
      }
    };
    look();
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
    (window as unknown as { importRows: typeof seen }).importRows = seen;
  });
  return () =>
    page.evaluate(
      () =>
        (window as unknown as { importRows: Record<string, { states: string[]; bar: boolean }> }).importRows,
    );
}

describe.skipIf(!chromiumAvailable)("importing Word and Markdown files in the browser", () => {
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    ws = await workspaceWithRoles(server.themawerk);
  });
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The workspace screen as `user`, once the sidebar knows the role (the import is offered by role). */
  async function workspaceScreen(user: "editor" | "viewer" | "facilitator"): Promise<Page> {
    const page = await openPage(
      await browserAs(server, ws[user], browsers),
      `${server.url}/w/${ws.workspaceId}`,
      user,
      pageErrors,
    );
    await page.getByRole("heading", { name: "Documenten" }).waitFor();
    // Writers see "Nieuw document" once their role is known; a viewer's page has settled when the network has.
    if (user === "viewer") await page.waitForLoadState("networkidle");
    else await page.getByRole("button", { name: "Nieuw document" }).waitFor();
    return page;
  }

  /** Requests the page sends to the import route, from now on. */
  function importRequests(page: Page): string[] {
    const urls: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(`/api/workspaces/${ws.workspaceId}/imports`)) urls.push(request.url());
    });
    return urls;
  }

  it("imports a dropped Markdown and Word file one after another, shows each one's progress and lessons, and opens the result", async () => {
    const page = await workspaceScreen("editor");
    const files = [markdownFile("werksessie-gent.md", WERKSESSIE_MD), await aalstDocx()];

    // Dragging files over the screen shows where to let go.
    await dragFiles(page, files, ["dragenter"]);
    const overlay = page.locator(".file-drop-overlay");
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain("Laat los om te importeren");
    await page.screenshot({ path: screenshotPath("import-drop-overlay") });
    expect(await dragFiles(page, files, ["dragover", "drop"])).toBe(true);
    await expect.poll(() => overlay.count()).toBe(0);

    const dialog = page.getByRole("dialog", { name: "Bestanden importeren" });
    await dialog.waitFor();
    const list = dialog.getByRole("list", { name: "Bestanden" });
    const rows = list.locator(":scope > li");
    await expect
      .poll(() => rows.locator(".import-row__name").allTextContents())
      .toEqual(["werksessie-gent.md", "casus-aalst.docx"]);
    expect(await rows.locator(".import-row__note").allTextContents()).toEqual([
      "Klaar om te importeren",
      "Klaar om te importeren",
    ]);

    // A case needs its municipality: asked for before anything is sent.
    const requests = importRequests(page);
    await dialog.getByRole("button", { name: /Soort/ }).click();
    await page.getByRole("option", { name: "Casus" }).click();
    await dialog.getByRole("button", { name: "2 bestanden importeren" }).click();
    await dialog.getByText("Vul dit veld in.").waitFor();
    expect(requests).toEqual([]);

    await dialog.getByRole("button", { name: /Soort/ }).click();
    await page.getByRole("option", { name: "Notitie" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("import-dialog-files") });

    const rowStates = await recordRowStates(page);
    await dialog.getByRole("button", { name: "2 bestanden importeren" }).click();
    await dialog.getByText("2 van 2 bestanden geïmporteerd.").waitFor({ timeout: 30_000 });
    expect(requests).toHaveLength(2);

    // Each row showed a progress bar, then its result; the second started after the first was done.
    const seen = await rowStates();
    for (const name of ["werksessie-gent.md", "casus-aalst.docx"]) {
      expect(seen[name]?.bar, name).toBe(true);
      expect(seen[name]?.states.at(-1), name).toBe("imported");
      expect(
        seen[name]?.states.some((s) => s === "uploading" || s === "processing"),
        name,
      ).toBe(true);
    }

    const md = rows.nth(0);
    const docx = rows.nth(1);
    expect(await md.locator(".import-result__count").textContent()).toBe("1 les gevonden");
    expect(await md.getByRole("list", { name: "Gevonden lessen in werksessie-gent.md" }).textContent()).toBe(
      "Valkuilde welzijnsraad pas aan het einde betrekken.",
    );
    expect(await docx.locator(".import-result__count").textContent()).toBe("2 lessen gevonden");
    expect(await docx.locator(".import-result__lesson").allTextContents()).toEqual([
      "Knelpuntniemand beheert de gedeelde agenda.",
      "Doespreek één aanspreekpunt af.",
    ]);
    // The sidebar lists the new notes without a reload.
    const sidebar = page.locator("#sidebar");
    await sidebar.getByRole("link", { name: /Verslag werksessie Gent/ }).waitFor();
    await sidebar.getByRole("link", { name: /Casus Aalst: samen aan tafel/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("import-dialog-results") });

    // The first result opens as a document: its heading and its lesson block came through.
    await md.getByRole("link", { name: "Verslag werksessie Gent openen" }).click();
    await page.waitForURL(/\/d\/[^/]+$/);
    await expect.poll(() => dialog.count()).toBe(0);
    await waitForEditor(page);
    expect(await page.locator(".editor__content h1").textContent()).toBe("Verslag werksessie Gent");
    const lesson = page.locator('.editor__content [data-lesson-id][data-kind="pitfall"]');
    await lesson.waitFor();
    expect(await lesson.textContent()).toContain("de welzijnsraad pas aan het einde betrekken.");
    await page.screenshot({ path: screenshotPath("import-opened-document"), fullPage: true });
  });

  it("refuses a dropped picture in words, without sending it", async () => {
    const page = await workspaceScreen("editor");
    const requests = importRequests(page);
    const png = {
      name: "plaatje.png",
      type: "image/png",
      base64:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    };
    await dragFiles(page, [png], ["dragenter", "dragover", "drop"]);
    const dialog = page.getByRole("dialog", { name: "Bestanden importeren" });
    const row = dialog.locator(".import-row", { hasText: "plaatje.png" });
    await row.waitFor();
    expect(await row.locator(".import-row__problem").textContent()).toBe(
      "plaatje.png: alleen Word-bestanden (.docx) en Markdown (.md) kunnen geïmporteerd worden",
    );
    // Nothing is left to import: the dialog offers only to close.
    await dialog.getByRole("button", { name: "Klaar" }).waitFor();
    expect(await dialog.getByRole("button", { name: /importeren/i }).count()).toBe(0);
    expect(requests).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("import-refused-picture") });

    // The same in English.
    await dialog.getByRole("button", { name: "Klaar" }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.getByRole("radio", { name: "English" }).click();
    await page.getByRole("heading", { name: "Documents" }).waitFor();
    await dragFiles(page, [png], ["dragenter", "dragover", "drop"]);
    const english = page.getByRole("dialog", { name: "Import files" });
    expect(await english.locator(".import-row__problem").textContent()).toBe(
      "plaatje.png: only Word files (.docx) and Markdown (.md) can be imported",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("import-refused-picture-en") });
    await english.getByRole("button", { name: "Done" }).click();
    await page.getByRole("radio", { name: "Nederlands" }).click();
    await page.getByRole("heading", { name: "Documenten" }).waitFor();
    expect(requests).toEqual([]);
  });

  it("opens from the new-document dialog with the kind chosen there, and takes a file picked by keyboard", async () => {
    const page = await workspaceScreen("facilitator");
    await page.getByRole("button", { name: "Nieuw document" }).click();
    const create = page.getByRole("dialog", { name: "Nieuw document" });
    await create.getByRole("button", { name: /Soort/ }).click();
    await page.getByRole("option", { name: "Verslag" }).click();
    await create.getByLabel("Datum").fill("2026-03-12");
    await create.getByRole("button", { name: "Bestand importeren…" }).click();

    const dialog = page.getByRole("dialog", { name: "Bestanden importeren" });
    await dialog.waitFor();
    await expect.poll(() => create.count()).toBe(0);
    expect(await dialog.getByRole("button", { name: /Soort/ }).textContent()).toContain("Verslag");
    expect(await dialog.getByLabel("Datum").inputValue()).toBe("2026-03-12");

    // The picker is a button: Enter opens the system's file chooser, limited to Word and Markdown. (Listened
    // for well before: Playwright turns on catching the chooser asynchronously.)
    const chooserOpened = page.waitForEvent("filechooser");
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await dialog.getByRole("button", { name: "Bestanden kiezen…" }).focus();
    await page.keyboard.press("Enter");
    const chooser = await chooserOpened;
    expect(chooser.isMultiple()).toBe(true);
    expect(await dialog.locator('input[type="file"]').getAttribute("accept")).toBe(".docx,.md,.markdown");
    await chooser.setFiles({
      name: "bijeenkomst-12-maart.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# Bijeenkomst 12 maart\n\nSuccesfactor: een vaste trekker per deelgemeente.\n"),
    });
    await dialog.locator(".import-row", { hasText: "bijeenkomst-12-maart.md" }).waitFor();
    await dialog.getByRole("button", { name: "1 bestand importeren" }).focus();
    await page.keyboard.press("Enter");
    await dialog.getByText("1 van 1 bestanden geïmporteerd.").waitFor({ timeout: 30_000 });
    const link = dialog.getByRole("link", { name: "Bijeenkomst 12 maart openen" });
    expect(await dialog.locator(".import-result__count").textContent()).toBe("1 les gevonden");

    // The meeting got its date from the dialog.
    const href = (await link.getAttribute("href")) ?? "";
    const documentId = href.split("/").at(-1) ?? "";
    const stored = await server.themawerk.database.db
      .selectFrom("documents")
      .select(["kind", "meeting_date", "title"])
      .where("id", "=", documentId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ kind: "meeting", meeting_date: "2026-03-12", title: "Bijeenkomst 12 maart" });

    // "Klaar" closes the dialog, with the keyboard still in the page.
    const done = dialog.getByRole("button", { name: "Klaar" });
    expect(await done.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.count()).toBe(0);
    // Back where the keyboard started: the "Nieuw document" button.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? "nothing"))
      .toBe("Nieuw document");
  });

  it("offers nothing to a viewer: no import in the new-document place, and a drop is left alone", async () => {
    const page = await workspaceScreen("viewer");
    const requests = importRequests(page);
    expect(await page.getByRole("button", { name: "Nieuw document" }).count()).toBe(0);
    // The page did not take the drop (no preventDefault): the positive sign that nobody handled it.
    expect(
      await dragFiles(page, [markdownFile("stiekem.md", "# Stiekem\n")], ["dragenter", "dragover", "drop"]),
    ).toBe(false);
    expect(await page.locator(".file-drop-overlay").count()).toBe(0);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(requests).toEqual([]);
  });
});
