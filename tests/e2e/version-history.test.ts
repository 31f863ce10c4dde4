import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";

describe.skipIf(!chromiumAvailable)("version history in the browser", () => {
  const env = documentScenario({
    author: "editor",
    document: { title: "Verslag bijeenkomst 3", kind: "note" },
  });
  const { browsers, pageErrors } = env;

  /** The document's text as the server keeps it after extraction. */
  const storedText = async () =>
    (
      await env.server.themawerk.database.db
        .selectFrom("documents")
        .select("plain_text")
        .where("id", "=", env.documentId)
        .executeTakeFirstOrThrow()
    ).plain_text;
  const editorText = (page: Page) => page.locator(".editor__content").innerText();

  it("names a version, shows the diff inline and side by side, restores it live for a co-editor, and undoes the restore", async () => {
    const documentUrl = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    const eddy = await waitForEditor(
      await openPage(await browserAs(env.server, env.ws.editor, browsers), documentUrl, "eddy", pageErrors),
    );
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.type("Besluit: de regie ligt bij de gemeente.");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("Actie: agenda rondsturen.");
    await expect.poll(storedText, { timeout: 15_000 }).toContain("agenda rondsturen");

    // Name the agreed text.
    await eddy.getByRole("button", { name: "Versie opslaan" }).click();
    const dialog = eddy.getByRole("dialog", { name: "Versie opslaan" });
    await dialog.getByLabel("Naam").fill("Na bijeenkomst 3");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await eddy.getByText("Versie «Na bijeenkomst 3» opgeslagen.").waitFor();

    // A well-meant rewrite replaces everything.
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+A");
    await eddy.keyboard.type("Alles herschreven: de provincie beslist.");
    await expect.poll(storedText, { timeout: 15_000 }).toBe("Alles herschreven: de provincie beslist.");

    // A facilitator has the document open while the restore happens.
    const fien = await waitForEditor(
      await openPage(
        await browserAs(env.server, env.ws.facilitator, browsers),
        documentUrl,
        "fien",
        pageErrors,
      ),
    );
    await expect.poll(() => editorText(fien)).toContain("de provincie beslist");

    await eddy.getByRole("link", { name: "Geschiedenis", exact: true }).click();
    await eddy.waitForURL(/\/geschiedenis/);
    const versions = eddy.getByRole("listbox", { name: "Versies" });
    await expect
      .poll(() => versions.getByRole("option", { selected: true }).textContent())
      .toContain("Na bijeenkomst 3");
    const diff = eddy.locator(".diff");
    await expect.poll(() => diff.locator("del").allTextContents()).toContain("Actie: agenda rondsturen.");
    expect(await diff.locator(".diff__counts").textContent()).toMatch(
      /toegevoegd, .* verwijderd, .* gewijzigd/,
    );
    expect((await diff.locator("ins").allTextContents()).join("")).toContain("provincie");
    expect(await axeViolations(eddy)).toEqual([]);
    await eddy.screenshot({ path: screenshotPath("history-inline"), fullPage: true });

    // Side by side: a table with the version on the left and now on the right.
    await eddy.getByRole("radio", { name: "Naast elkaar" }).click();
    await eddy.waitForURL(/weergave=naast/);
    const table = eddy.locator("table.diff__table");
    await table.waitFor();
    expect(await table.locator("th").allTextContents()).toEqual([
      expect.stringContaining("Na bijeenkomst 3"),
      "Nu",
    ]);
    expect(await axeViolations(eddy)).toEqual([]);
    await eddy.screenshot({ path: screenshotPath("history-side-by-side"), fullPage: true });

    // Restore the whole version: the facilitator's open editor shows it without reconnecting.
    await eddy.getByRole("button", { name: "Deze versie terugzetten" }).click();
    await eddy.getByRole("alertdialog").getByRole("button", { name: "Terugzetten" }).click();
    await eddy.getByText("Teruggezet. Iedereen die het document open heeft, ziet het al.").waitFor();
    await expect.poll(() => editorText(fien), { timeout: 10_000 }).toContain("agenda rondsturen");
    expect(await editorText(fien)).not.toContain("provincie");
    await expect
      .poll(() => diff.locator(".diff__counts").textContent())
      .toBe("Geen verschillen: de tekst is gelijk aan deze versie.");
    await eddy.screenshot({ path: screenshotPath("history-restored"), fullPage: true });

    // Undo the restore: the rewrite is back, for everyone.
    await eddy.getByRole("button", { name: "Ongedaan maken" }).click();
    await eddy.getByText("Het terugzetten is ongedaan gemaakt.").waitFor();
    await expect.poll(() => editorText(fien), { timeout: 10_000 }).toContain("de provincie beslist");
    expect(await editorText(fien)).not.toContain("agenda rondsturen");
    await expect.poll(storedText, { timeout: 15_000 }).toBe("Alles herschreven: de provincie beslist.");

    // The history lists the restore and what was kept before it; arrow keys move through it.
    await expect.poll(() => versions.getByRole("option").count()).toBeGreaterThanOrEqual(3);
    const selectedBefore = await versions.getByRole("option", { selected: true }).textContent();
    await versions.getByRole("option", { selected: true }).focus();
    await eddy.keyboard.press("ArrowUp");
    await expect
      .poll(() => versions.getByRole("option", { selected: true }).textContent())
      .not.toBe(selectedBefore);
    expect(pageErrors).toEqual([]);
  });

  it("lists what changed since the last meeting, and since another date", async () => {
    const yesterday = new Date(Date.now() - 24 * 60 * 60_000).toISOString().slice(0, 10);
    const meeting = await env.api(
      `/api/workspaces/${env.ws.workspaceId}/documents`,
      env.ws.facilitator,
      "POST",
      {
        title: "Bijeenkomst 2",
        kind: "meeting",
        meetingDate: yesterday,
      },
    );
    expect(meeting.status).toBe(201);
    const url = `${env.server.url}/w/${env.ws.workspaceId}`;
    const vera = await openPage(
      await browserAs(env.server, env.ws.viewer, browsers),
      url,
      "vera",
      pageErrors,
    );
    await vera.getByRole("link", { name: "Wat is er veranderd?" }).click();
    await vera.waitForURL(/\/veranderd/);
    await vera.getByRole("heading", { name: /^Sinds Bijeenkomst 2/ }).waitFor();
    const item = vera.locator(".changes-list__item", { hasText: "Verslag bijeenkomst 3" });
    await item.waitFor();
    expect(await item.textContent()).toContain("Nieuw");
    expect(await item.textContent()).toContain("Bewerkt door Eddy Editor");
    expect(await axeViolations(vera)).toEqual([]);
    await vera.screenshot({ path: screenshotPath("changes-since-meeting"), fullPage: true });

    // A date after everything: nothing changed since.
    const tomorrow = new Date(Date.now() + 24 * 60 * 60_000).toISOString().slice(0, 10);
    await vera.goto(`${url}/veranderd?sinds=${tomorrow}`);
    await vera.getByText("Niets veranderd in deze periode.").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("lets a viewer read the history but not restore", async () => {
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}/geschiedenis`;
    const vera = await openPage(
      await browserAs(env.server, env.ws.viewer, browsers),
      url,
      "vera",
      pageErrors,
    );
    await vera.getByRole("listbox", { name: "Versies" }).waitFor();
    await vera.getByText("Je kunt de geschiedenis bekijken; terugzetten kan wie mag bewerken.").waitFor();
    await vera.locator(".diff__counts").waitFor();
    expect(await vera.getByRole("button", { name: "Deze versie terugzetten" }).count()).toBe(0);
    expect(await vera.getByRole("button", { name: /terugzetten/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
