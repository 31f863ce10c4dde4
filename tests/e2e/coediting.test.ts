import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../../shared/close-codes";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";
import type { FixtureUser } from "../helpers/fixtures";

describe.skipIf(!chromiumAvailable)("co-editing a document in two browsers", () => {
  const env = documentScenario({
    author: "facilitator",
    document: { title: "Verslag derde bijeenkomst", kind: "meeting", meetingDate: "2006-03-14" },
  });
  const { browsers, pageErrors } = env;

  /** A browser of its own (own cookies) logged in as `user`, on the document page. */
  async function openAs(user: FixtureUser): Promise<Page> {
    const browser = await browserAs(env.server, user, browsers);
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    return waitForEditor(await openPage(browser, url, user.name, pageErrors));
  }

  const changeRole = (user: FixtureUser, role: string) =>
    fetch(`${env.server.url}/api/workspaces/${env.ws.workspaceId}/members/${user.id}`, {
      method: "PATCH",
      headers: {
        Cookie: env.ws.facilitator.cookie,
        Origin: env.server.url,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ role }),
    });

  const text = async (page: Page) => (await page.locator(".editor__content").textContent()) ?? "";

  it("shows each writer the other's text and cursor, and keeps a viewer from typing", async () => {
    const eddy = await openAs(env.ws.editor);
    const fien = await openAs(env.ws.facilitator);

    await eddy.locator(".editor__content").click();
    await eddy.keyboard.type("Eddy schrijft over de dienstenwijzer.");
    await expect
      .poll(() => text(fien), { timeout: 10_000 })
      .toContain("Eddy schrijft over de dienstenwijzer.");

    await fien.locator(".editor__content").click();
    await fien.keyboard.press("Control+End");
    await fien.keyboard.press("Enter");
    await fien.keyboard.type("Fien vult aan: regie vraagt afstemming.");
    await expect
      .poll(() => text(eddy), { timeout: 10_000 })
      .toContain("Fien vult aan: regie vraagt afstemming.");
    expect(await text(fien)).toContain("Eddy schrijft over de dienstenwijzer.");

    // Each sees the other's cursor, labelled with their name, and who is here.
    await expect
      .poll(() => eddy.locator(".editor__cursors").textContent(), { timeout: 10_000 })
      .toContain(env.ws.facilitator.name);
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("End");
    await expect
      .poll(() => fien.locator(".editor__cursors").textContent(), { timeout: 10_000 })
      .toContain(env.ws.editor.name);
    await expect.poll(() => eddy.locator(".presence").textContent()).toContain(env.ws.facilitator.name);

    // Formatting from the toolbar reaches the other side as structure, not just text.
    await fien.keyboard.press("Enter");
    await fien.getByRole("button", { name: "H2, kop 2" }).click();
    await fien.keyboard.type("Besluiten");
    await expect
      .poll(() => eddy.locator(".editor__content h2").allTextContents(), { timeout: 10_000 })
      .toContain("Besluiten");

    // A viewer sees everything live but cannot type.
    const vera = await openAs(env.ws.viewer);
    await expect.poll(() => text(vera), { timeout: 10_000 }).toContain("Besluiten");
    expect(await vera.locator(".editor__content").getAttribute("contenteditable")).toBe("false");
    expect(await vera.getByRole("toolbar").count()).toBe(0);
    const before = await text(eddy);
    await vera.locator(".editor__content").click();
    await vera.keyboard.type("Vera probeert te typen");
    await vera.keyboard.press("Enter");

    // She still receives edits: once Eddy's later sentence has reached her, whatever her typing sent
    // before it has been handled by the server too — and none of it is anywhere.
    await eddy.keyboard.type(" Nog een zin.");
    await expect.poll(() => text(vera), { timeout: 10_000 }).toContain("Nog een zin.");
    expect(await text(vera)).not.toContain("Vera probeert");
    expect(await text(eddy)).not.toContain("Vera probeert");
    expect((await text(eddy)).length).toBe(before.length + " Nog een zin.".length);

    // Undo takes back one's own typing only, never the other's.
    await fien.keyboard.press("Control+End");
    await fien.keyboard.type(" Fiens laatste woord.");
    await expect.poll(() => text(eddy), { timeout: 10_000 }).toContain("Fiens laatste woord.");
    await eddy.keyboard.press("Control+z");
    await expect.poll(() => text(eddy), { timeout: 10_000 }).not.toContain("Nog een zin.");
    expect(await text(eddy)).toContain("Fiens laatste woord.");
    await expect.poll(() => text(fien), { timeout: 10_000 }).not.toContain("Nog een zin.");
    await eddy.keyboard.press("Control+Shift+z");
    await expect.poll(() => text(fien), { timeout: 10_000 }).toContain("Nog een zin.");

    // Links: only http, https and mailto are accepted.
    await eddy.locator(".editor__content p").first().click();
    await eddy.keyboard.press("End");
    await eddy.keyboard.press("Shift+Home");
    await eddy.keyboard.press("Control+k");
    const url = eddy.getByLabel("Adres (URL)");
    await url.fill("javascript:alert(1)");
    await eddy.getByRole("button", { name: "Link toevoegen" }).click();
    await expect
      .poll(() => eddy.getByRole("dialog").textContent())
      .toContain("Alleen http-, https- en mailto-adressen");
    await url.fill("https://www.vvsg.be/");
    await eddy.getByRole("button", { name: "Link toevoegen" }).click();
    await expect
      .poll(() => fien.locator('.editor__content a[href="https://www.vvsg.be/"]').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await fien.locator('.editor__content a[href^="javascript"]').count()).toBe(0);

    await eddy.screenshot({ path: screenshotPath("coediting-eddy") });
    await fien.screenshot({ path: screenshotPath("coediting-fien") });
    expect(pageErrors).toEqual([]);
  });

  it("tells a writer who goes offline that their edits will sync, and syncs them on reconnect", async () => {
    const eddy = await openAs(env.ws.editor);
    const fien = await openAs(env.ws.facilitator);
    await eddy.context().setOffline(true);
    // Drop Eddy's socket from the server side; the browser cannot reconnect while offline.
    for (const conn of Array.from(env.server.themawerk.collab.connections())) {
      if (conn.identity.userId === env.ws.editor.id)
        conn.close(CLOSE_CODES.serverShutdown, "test: connection lost");
    }
    await expect.poll(() => eddy.locator(".connection-state").getAttribute("data-state")).toBe("offline");
    expect(await eddy.locator(".connection-offline").textContent()).toContain(
      "Wat je schrijft blijft op dit apparaat bewaard",
    );
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+End");
    await eddy.keyboard.type(" Offline geschreven.");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await text(fien)).not.toContain("Offline geschreven.");

    await eddy.context().setOffline(false);
    await expect
      .poll(() => eddy.locator(".connection-state").getAttribute("data-state"), { timeout: 15_000 })
      .toBe("connected");
    expect(await eddy.locator(".connection-state").textContent()).toContain("Verbonden");
    await expect.poll(() => text(fien), { timeout: 10_000 }).toContain("Offline geschreven.");
  });

  it("turns an open editor read-only when the writer's role is lowered", async () => {
    const cas = await openAs(env.ws.commenter);
    expect(await cas.locator(".editor__content").getAttribute("contenteditable")).toBe("false");
    const raise = await changeRole(env.ws.commenter, "editor");
    expect(raise.status).toBe(200);
    await expect.poll(() => cas.getByRole("toolbar").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => cas.locator(".editor__content").getAttribute("contenteditable")).toBe("true");

    const lower = await changeRole(env.ws.commenter, "viewer");
    expect(lower.status).toBe(200);
    await expect.poll(() => cas.getByRole("toolbar").count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => cas.locator(".editor__content").getAttribute("contenteditable")).toBe("false");
    await expect.poll(() => cas.locator(".connection-state").getAttribute("data-state")).toBe("connected");
  });

  it("creates a case from the dialog, renames it inline, trashes and restores it", async () => {
    const page = await openAs(env.ws.facilitator);
    const sidebar = page.getByRole("navigation");
    await page.getByRole("button", { name: "Nieuw document" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Titel").fill("Casus Gent");
    await dialog.getByRole("button", { name: /Soort/ }).click();
    await page.getByRole("option", { name: "Casus" }).click();
    // The municipality is required for a case: the field says so, nothing is created.
    await dialog.getByRole("button", { name: "Aanmaken" }).click();
    await expect.poll(() => dialog.textContent()).toContain("Vul dit veld in.");
    await dialog.getByLabel("Gemeente").fill("Gent");
    await dialog.getByText("Centrumstad").click();
    await dialog.getByRole("button", { name: "Aanmaken" }).click();

    await page.waitForURL(/\/d\/[a-z0-9]+$/);
    const title = page.getByLabel("Titel van het document");
    await expect.poll(() => title.inputValue()).toBe("Casus Gent");
    await expect
      .poll(() => page.locator(".document-details").textContent())
      .toMatch(/Gent[\s\S]*Centrumstad[\s\S]*Lopend/);
    await expect.poll(() => sidebar.textContent()).toMatch(/Casussen/i);

    await page.getByRole("button", { name: "Gegevens bewerken" }).click();
    const details = page.getByRole("dialog");
    // The centre-city checkbox shows its box, checked (the case was created as a centre city).
    const box = details.locator(".checkbox__box");
    const size = await box.boundingBox();
    expect(size?.width).toBeGreaterThanOrEqual(14);
    expect(size?.height).toBeGreaterThanOrEqual(14);
    expect(await box.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("solid");
    expect(await box.textContent()).toBe("✓");
    expect(await details.getByRole("checkbox").isChecked()).toBe(true);
    await details.screenshot({ path: screenshotPath("document-details-checkbox") });
    await details.getByRole("button", { name: /Uitkomst/ }).click();
    await page.getByRole("option", { name: "Geslaagd" }).click();
    await details.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => page.locator(".document-details").textContent()).toContain("Geslaagd");

    await title.fill("Casus Gent — dienstenwijzer");
    await title.press("Enter");
    await expect.poll(() => sidebar.textContent()).toContain("Casus Gent — dienstenwijzer");

    // Trashing asks first; cancelling keeps the document.
    await page.getByRole("button", { name: "Naar prullenbak" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Naar de prullenbak?" });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("Casus Gent — dienstenwijzer");
    await confirm.getByRole("button", { name: "Annuleren" }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(page.url()).toContain("/d/");
    // Confirmed: the workspace home says so, with an undo that brings the document back.
    await page.getByRole("button", { name: "Naar prullenbak" }).click();
    await confirm.getByRole("button", { name: "Naar prullenbak" }).click();
    await page.waitForURL(new RegExp(`/w/${env.ws.workspaceId}$`));
    const notice = page.locator(".trashed-notice");
    await expect.poll(() => notice.textContent()).toContain("‘Casus Gent — dienstenwijzer’ staat in de prullenbak.");
    await page.screenshot({ path: screenshotPath("documents-trashed-undo") });
    await notice.getByRole("button", { name: "Ongedaan maken" }).click();
    await page.waitForURL(/\/d\//);
    await expect.poll(() => page.getByRole("button", { name: "Naar prullenbak" }).count(), { timeout: 10_000 }).toBe(1);

    // Trashed again, and restored from the trash list this time.
    await page.getByRole("button", { name: "Naar prullenbak" }).click();
    await confirm.getByRole("button", { name: "Naar prullenbak" }).click();
    await page.waitForURL(new RegExp(`/w/${env.ws.workspaceId}$`));
    await expect
      .poll(() => sidebar.locator(".document-list__group").allTextContents())
      .not.toContain(expect.stringContaining("Casus Gent"));
    await page.getByRole("button", { name: "Prullenbak", exact: true }).click();
    await page.getByRole("button", { name: "Casus Gent — dienstenwijzer terugzetten" }).click();
    await expect
      .poll(() => sidebar.locator(".document-list__group").allTextContents())
      .toContainEqual(expect.stringContaining("Casus Gent — dienstenwijzer"));
    await page.screenshot({ path: screenshotPath("documents-restored") });
    expect(pageErrors).toEqual([]);
  });
});
