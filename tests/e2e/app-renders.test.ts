import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumAvailable, launchBrowser, screenshotPath } from "../helpers/browser";
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
});
