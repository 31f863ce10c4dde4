import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumAvailable, launchBrowser, screenshotPath } from "../helpers/browser";
import { hashPassword } from "../../server/auth/passwords";
import { apiCall } from "../helpers/api-client";
import { logInBrowser } from "../helpers/e2e-setup";
import { createDocument, workspaceWithRoles } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe.skipIf(!chromiumAvailable)("the client app in Chromium", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("renders the app shell on a deep link", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}/werkruimtes`);
    await expect.poll(() => page.locator("h1").first().textContent()).toMatch(/Themawerk|Aanmelden/);
    await page.screenshot({ path: screenshotPath("app-renders") });
    expect(errors).toEqual([]);
  });

  it("answers an unknown workspace, document or comparison with a not-found page and a way back", async () => {
    const people = await workspaceWithRoles(server.themawerk);
    await logInBrowser(browser, server, people.viewer);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const path of [
      "/w/onbekendewerkrm1",
      `/w/${people.workspaceId}/d/onbekenddocument1`,
      `/w/${people.workspaceId}/vergelijking/onbekendevergel1`,
    ]) {
      await page.goto(`${server.url}${path}`);
      const heading = page.getByRole("heading", { level: 1, name: "Pagina niet gevonden" });
      await heading.waitFor({ timeout: 10_000 });
      expect(await page.getByRole("button", { name: "Opnieuw proberen" }).count(), path).toBe(0);
      await page.getByRole("link", { name: "Naar mijn werkruimtes" }).waitFor();
    }
    await page.screenshot({ path: screenshotPath("not-found") });
    await page.getByRole("link", { name: "Naar mijn werkruimtes" }).click();
    await page.waitForURL((url) => !url.pathname.includes("vergelijking"));
    expect(errors).toEqual([]);
  });

  it("logs a member of one workspace straight into it, where the home shows the group's work", async () => {
    const people = await workspaceWithRoles(server.themawerk);
    await server.themawerk.database.db
      .updateTable("users")
      .set({ password_hash: await hashPassword("een-goed-wachtwoord") })
      .where("id", "=", people.editor.id)
      .execute();
    // An open conversation (and a resolved one, which the home leaves out).
    const minutes = await createDocument(
      server.themawerk,
      people.workspaceId,
      people.editor,
      "Verslag bijeenkomst 2",
    );
    for (const body of ["Klopt de datum van de volgende bijeenkomst?", "Al besproken"]) {
      const created = await apiCall(
        server.url,
        `/api/documents/${minutes}/threads`,
        people.commenter.cookie,
        {
          method: "POST",
          json: { target: "document", body },
        },
      );
      expect(created.status).toBe(201);
      if (body === "Al besproken") {
        const resolved = await apiCall(
          server.url,
          `/api/threads/${created.body.thread.id}/resolve`,
          people.facilitator.cookie,
          {
            method: "POST",
          },
        );
        expect(resolved.status).toBe(200);
      }
    }
    const fresh = await launchBrowser();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`${server.url}/aanmelden`);
      await page.getByLabel("E-mailadres").fill(people.editor.email);
      await page.getByLabel("Wachtwoord").fill("een-goed-wachtwoord");
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await page.waitForURL(`${server.url}/w/${people.workspaceId}`);
      for (const name of ["Recent bewerkt", "Nieuwste lessen", "Reacties"])
        await page.getByRole("heading", { level: 2, name }).waitFor();
      await page.getByRole("heading", { level: 3, name: "1 open gesprek" }).waitFor();
      const open = page.getByRole("list", { name: "1 open gesprek" }).getByRole("listitem");
      expect(await open.count()).toBe(1);
      expect(await open.textContent()).toContain("Klopt de datum van de volgende bijeenkomst?");
      await page.screenshot({ path: screenshotPath("workspace-home-work"), fullPage: true });
      await open.getByRole("link", { name: "Verslag bijeenkomst 2" }).click();
      await page.waitForURL(new RegExp(`/d/${minutes}\\?reactie=`));
    } finally {
      await fresh.close();
    }
  });
});
