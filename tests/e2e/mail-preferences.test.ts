import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { type Browser, chromiumAvailable, screenshotPath } from "../helpers/browser";
import {
  apiAs,
  browserAs,
  createDocumentAs,
  createThemesAs,
  openPage,
  TESTSTAD_CASE,
  waitForEditor,
} from "../helpers/e2e-setup";
import { workspaceWithRoles } from "../helpers/fixtures";
import { mailEnvFor, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe.skipIf(!chromiumAvailable)("mail preferences and following in Chromium", () => {
  let sink: SmtpSink;
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(mailEnvFor(sink));
    ws = await workspaceWithRoles(server.themawerk);
  });
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
    await sink?.stop();
  });

  /** The account page's e-mail section, once it shows the saved choices. */
  async function mailSection(page: Page) {
    const section = page.getByRole("region", { name: "E-mail" });
    await section.getByRole("radio", { name: "wekelijks" }).waitFor();
    await expect.poll(() => section.getByRole("checkbox").isDisabled()).toBe(false);
    return section;
  }

  it("saves the digest frequency and comment mail at once, and keeps them after a reload", async () => {
    const browser = await browserAs(server, ws.commenter, browsers);
    const page = await openPage(browser, `${server.url}/account`, "account", pageErrors);
    let section = await mailSection(page);
    expect(await section.getByRole("radio", { name: "wekelijks" }).isChecked()).toBe(true);
    expect(
      await section.getByRole("checkbox", { name: "Mail me bij vermeldingen en antwoorden" }).isChecked(),
    ).toBe(true);

    await section.getByText("dagelijks").click();
    await section.getByRole("status").filter({ hasText: "Je mailvoorkeuren zijn bewaard." }).waitFor();
    await section.getByText("Mail me bij vermeldingen en antwoorden").click();
    await expect.poll(() => section.getByRole("checkbox").isChecked()).toBe(false);
    await expect
      .poll(async () => (await apiAs(server, ws.commenter, "/api/me/mail")).body)
      .toEqual({ enabled: true, commentMail: false, digest: "daily" });
    await page.screenshot({ path: screenshotPath("mail-preferences-saved"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    section = await mailSection(page);
    expect(await section.getByRole("radio", { name: "dagelijks" }).isChecked()).toBe(true);
    expect(await section.getByRole("checkbox").isChecked()).toBe(false);

    // The keyboard reaches the choice too: arrows move it within the group.
    await section.getByRole("radio", { name: "dagelijks" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => section.getByRole("radio", { name: "wekelijks" }).isChecked()).toBe(true);
    await expect
      .poll(async () => (await apiAs(server, ws.commenter, "/api/me/mail")).body.digest)
      .toBe("weekly");
  });

  it("follows a theme on the themes page, and the page remembers it", async () => {
    await createThemesAs(server, ws.facilitator, ws.workspaceId, ["Dienstenwijzer", "Kleine gemeenten"]);
    const browser = await browserAs(server, ws.viewer, browsers);
    const page = await openPage(browser, `${server.url}/w/${ws.workspaceId}/themas`, "themes", pageErrors);
    const follow = page.getByRole("button", { name: "Volgen Dienstenwijzer" });
    await expect.poll(() => follow.isEnabled()).toBe(true);
    expect(await follow.getAttribute("aria-pressed")).toBe("false");
    await follow.click();
    const following = page.getByRole("button", { name: "Volgend Dienstenwijzer" });
    await expect.poll(() => following.getAttribute("aria-pressed")).toBe("true");
    await expect
      .poll(
        async () => (await apiAs(server, ws.viewer, `/api/workspaces/${ws.workspaceId}/follows`)).body.themes,
      )
      .toHaveLength(1);
    // Looked at (and checked for contrast) once the click's colour transition has ended: white on the accent.
    await page.mouse.move(0, 0);
    await expect.poll(() => following.evaluate((b) => getComputedStyle(b).color)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: screenshotPath("themes-following"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await expect
      .poll(() => page.getByRole("button", { name: "Volgend Dienstenwijzer" }).getAttribute("aria-pressed"))
      .toBe("true");
    expect(
      await page.getByRole("button", { name: "Volgen Kleine gemeenten" }).getAttribute("aria-pressed"),
    ).toBe("false");
  });

  it("follows a document from its header", async () => {
    const documentId = await createDocumentAs(server, ws.editor, ws.workspaceId, TESTSTAD_CASE);
    const browser = await browserAs(server, ws.commenter, browsers);
    const page = await openPage(
      browser,
      `${server.url}/w/${ws.workspaceId}/d/${documentId}`,
      "document",
      pageErrors,
    );
    await waitForEditor(page);
    const actions = page.locator(".document-page__actions");
    const follow = actions.getByRole("button", { name: "Volgen", exact: true });
    await expect.poll(() => follow.isEnabled()).toBe(true);
    await follow.click();
    await expect
      .poll(() => actions.getByRole("button", { name: "Volgend", exact: true }).getAttribute("aria-pressed"))
      .toBe("true");
    await expect
      .poll(async () => (await apiAs(server, ws.commenter, `/api/workspaces/${ws.workspaceId}/follows`)).body)
      .toEqual({ themes: [], documents: [documentId] });
    // The screenshot once the colour transition of the click has ended: white on the accent.
    await page.mouse.move(0, 0);
    await expect
      .poll(() =>
        actions
          .getByRole("button", { name: "Volgend", exact: true })
          .evaluate((b) => getComputedStyle(b).color),
      )
      .toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: screenshotPath("document-following") });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("disables the choices when the server sends no mail, and says why", async () => {
    const off = await startTestServer();
    try {
      const people = await workspaceWithRoles(off.themawerk);
      const browser = await browserAs(off, people.editor, browsers);
      const page = await openPage(browser, `${off.url}/account`, "account-off", pageErrors);
      const section = page.getByRole("region", { name: "E-mail" });
      await section.getByRole("radio", { name: "wekelijks" }).waitFor();
      await page.getByText("Deze server verstuurt geen e-mail").waitFor();
      expect(await section.getByRole("checkbox").isDisabled()).toBe(true);
      expect(await section.getByRole("radio", { name: "dagelijks" }).isDisabled()).toBe(true);
      await page.screenshot({ path: screenshotPath("mail-preferences-off"), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      for (const browser of browsers.splice(0)) await browser.close();
      await off.close();
    }
  });
});
