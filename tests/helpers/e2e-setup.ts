import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { apiCall } from "./api-client";
import { type Browser, launchBrowser } from "./browser";
import { type FixtureUser, workspaceWithRoles } from "./fixtures";
import { startTestServer, type TestServer } from "./test-server";

/** A JSON call to the test server's API as `user`: the app's Origin on changes, the body parsed (null on 204). */
export function apiAs(server: TestServer, user: FixtureUser, path: string, method = "GET", json?: unknown) {
  return apiCall(server.url, path, user.cookie, { method, json });
}

/** Creates a document in the workspace as `user` (through the API, so it gets its seeded text state); its id. */
export async function createDocumentAs(
  server: TestServer,
  user: FixtureUser,
  workspaceId: string,
  document: Record<string, unknown>,
): Promise<string> {
  const created = await apiAs(server, user, `/api/workspaces/${workspaceId}/documents`, "POST", document);
  expect(created.status).toBe(201);
  return created.body.document.id;
}

/** A struggling case in a town that is not a centre city: what the lessons and search tests write into. */
export const TESTSTAD_CASE = {
  title: "Casus Teststad",
  kind: "case",
  municipality: "Teststad",
  isCentreCity: false,
  outcome: "struggled",
};

/** Creates the named themes as `user`; their ids by name. */
export async function createThemesAs(
  server: TestServer,
  user: FixtureUser,
  workspaceId: string,
  names: string[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) {
    const res = await apiAs(server, user, `/api/workspaces/${workspaceId}/themes`, "POST", { name });
    expect(res.status).toBe(201);
    ids[name] = res.body.theme.id;
  }
  return ids;
}

/** Sets `user`'s session cookie in the browser, so its pages open logged in. */
export async function logInBrowser(
  browser: Browser,
  server: { url: string },
  user: FixtureUser,
): Promise<void> {
  await browser.context.addCookies([
    { name: SESSION_COOKIE, value: user.cookie.slice(SESSION_COOKIE.length + 1), url: server.url },
  ]);
}

/** A Chromium of its own (own cookies) logged in as `user`, added to `browsers` for the test to close. */
export async function browserAs(
  server: { url: string },
  user: FixtureUser,
  browsers: Browser[],
): Promise<Browser> {
  const browser = await launchBrowser();
  browsers.push(browser);
  await logInBrowser(browser, server, user);
  return browser;
}

/** A new tab on `url` whose uncaught errors go to `pageErrors`, prefixed with `name`. */
export async function openPage(
  browser: Browser,
  url: string,
  name: string,
  pageErrors: string[],
): Promise<Page> {
  const page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${name}: ${e.message}`));
  await page.goto(url);
  return page;
}

/** Waits until the document's editor is on screen and its collaboration connection is up. */
export async function waitForEditor(page: Page): Promise<Page> {
  await page.locator(".editor__content").waitFor({ timeout: 20_000 });
  await expect.poll(() => page.locator(".connection-state").getAttribute("data-state")).toBe("connected");
  return page;
}

/** What a browser test on one document works with; `server`, `ws` and `documentId` are set before all tests. */
export interface DocumentScenario {
  server: TestServer;
  ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  documentId: string;
  themeIds: Record<string, string>;
  /** The browsers a test opened: closed after each test. */
  browsers: Browser[];
  /** Uncaught errors of the pages the test opened. */
  pageErrors: string[];
  /** `apiAs` on this scenario's server. */
  api(path: string, user: FixtureUser, method?: string, json?: unknown): ReturnType<typeof apiAs>;
}

/**
 * Registers the hooks of a browser test on one document: before all, a test server, a workspace with one
 * member per role, the named themes (by the facilitator) and the document (by `author`, through the API so
 * it gets its seeded text state); after each test, its browsers close; after all, the server stops.
 */
export function documentScenario(options: {
  author: "facilitator" | "editor";
  document: Record<string, unknown>;
  themes?: string[];
}): DocumentScenario {
  const scenario = {
    themeIds: {},
    browsers: [],
    pageErrors: [],
    api: (path, user, method = "GET", json) => apiAs(scenario.server, user, path, method, json),
  } as Omit<DocumentScenario, "server" | "ws" | "documentId"> as DocumentScenario;
  beforeAll(async () => {
    scenario.server = await startTestServer();
    const ws = await workspaceWithRoles(scenario.server.themawerk);
    scenario.ws = ws;
    if (options.themes) {
      Object.assign(
        scenario.themeIds,
        await createThemesAs(scenario.server, ws.facilitator, ws.workspaceId, options.themes),
      );
    }
    scenario.documentId = await createDocumentAs(
      scenario.server,
      ws[options.author],
      ws.workspaceId,
      options.document,
    );
  });
  afterEach(async () => {
    // One test's browsers at a time on a 2-core machine.
    for (const browser of scenario.browsers.splice(0)) await browser.close();
  });
  afterAll(async () => {
    await scenario.server?.close();
  });
  return scenario;
}
