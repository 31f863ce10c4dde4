import type { Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CLOSE_CODES } from "../../shared/close-codes";
import { extractDocumentText } from "../../server/documents/text-extraction";
import { type Browser, chromiumAvailable, screenshotPath } from "../helpers/browser";
import { collabClient } from "../helpers/collab-clients";
import { type ServerProcess, startServerProcess } from "../helpers/collab-process";
import { browserAs, documentScenario, openPage, waitForEditor } from "../helpers/e2e-setup";
import type { FixtureUser } from "../helpers/fixtures";
import { seedWorkspaceDocument } from "../helpers/seed-storage";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

/**
 * The editor on a bad connection, in Chromium against a real server process: a dead connection is
 * noticed within seconds, text typed offline survives navigation and reloads and reaches the server
 * when it is back, and a member who lost write access while offline is told their text was not taken.
 */

const stateOf = (page: Page) => page.locator(".connection-state").getAttribute("data-state");
const unsavedOf = async (page: Page) =>
  Number(await page.locator(".connection-state").getAttribute("data-unsaved"));
const editorText = async (page: Page) => (await page.locator(".editor__content").textContent()) ?? "";

/** Pairs of the elements matched by `selectors` (first match each) whose boxes overlap on screen. */
async function overlapping(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const boxes = list.flatMap((selector) => {
      const element = document.querySelector(selector);
      return element ? [{ selector, box: element.getBoundingClientRect() }] : [];
    });
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].box;
        const b = boxes[j].box;
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
          found.push(`${boxes[i].selector} × ${boxes[j].selector}`);
      }
    }
    return found;
  }, selectors);
}

/** The top bar's controls and the offline banner never cover each other or the editor, in each language and width. */
async function expectNothingCovered(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: screenshotPath(`offline-banner-${name}-${width}`) });
    const topBar = [
      ".top-bar__menu",
      ".top-bar__search",
      ".presence",
      ".connection-state",
      ".language-switch",
      ".account-button",
    ];
    expect(await overlapping(page, topBar), `${name} at ${width} px`).toEqual([]);
    const editor = [".connection-offline", '[role="toolbar"]', ".editor__content"];
    expect(await overlapping(page, editor), `${name} at ${width} px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Waits until the service worker controls the page, so its answers are kept for offline use. */
/** Until the service worker is installed and controls the page (bounded: a failed install fails here, clearly). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 })
    .toBe(true);
}

describe.skipIf(!chromiumAvailable)("a server process that goes away", () => {
  let storage: TestStorage | undefined;
  let server: ServerProcess | undefined;
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];

  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
    if (server?.child.signalCode === null && server.child.exitCode === null) server.child.kill("SIGCONT");
    await server?.stop("SIGKILL");
    server = undefined;
    await storage?.cleanup();
    storage = undefined;
  });

  async function start() {
    storage = await createTestStorage();
    const seeded = await seedWorkspaceDocument(storage);
    server = await startServerProcess(storage);
    const { people, documentId } = seeded;
    const url = `${server.url}/w/${people.workspaceId}/d/${documentId}`;
    const open = async (user: FixtureUser, name: string) => {
      const browser = await browserAs({ url: (server as ServerProcess).url }, user, browsers);
      return waitForEditor(await openPage(browser, url, name, pageErrors));
    };
    return { people, documentId, url, open };
  }

  it("shows a paused server as offline within 5 s, and the others stop seeing that person", async () => {
    const { people, open } = await start();
    const eddy = await open(people.editor, "eddy");
    const fien = await open(people.facilitator, "fien");
    await expect.poll(() => fien.locator(".presence").textContent()).toContain(people.editor.name);
    await expect.poll(() => eddy.locator(".presence").textContent()).toContain(people.facilitator.name);

    (server as ServerProcess).child.kill("SIGSTOP");
    // Both deadlines count from the pause: nothing arrives any more, not even a close.
    await Promise.all([
      expect.poll(() => stateOf(eddy), { timeout: 5_000, interval: 100 }).toBe("offline"),
      expect
        .poll(() => fien.locator(".presence").textContent(), { timeout: 5_000, interval: 100 })
        .not.toContain(people.editor.name),
    ]);
    await eddy.screenshot({ path: screenshotPath("offline-paused-server") });
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.type("Tijdens de pauze. ");
    await expect.poll(() => unsavedOf(eddy)).toBeGreaterThan(0);
    await expectNothingCovered(eddy, "nl");
    // The language is saved with the account, which waits for the paused server; the page switches at once.
    await eddy
      .getByRole("radio", { name: "English" })
      .or(eddy.getByRole("button", { name: "English" }))
      .click();
    await expect
      .poll(() => eddy.locator(".connection-offline").textContent())
      .toContain("No connection to the server");
    await expectNothingCovered(eddy, "en");

    (server as ServerProcess).child.kill("SIGCONT");
    await expect.poll(() => stateOf(eddy), { timeout: 20_000 }).toBe("connected");
    await expect
      .poll(() => fien.locator(".presence").textContent(), { timeout: 20_000 })
      .toContain(people.editor.name);
    expect(pageErrors).toEqual([]);
  });

  it("keeps text typed while the server is down through navigation and a reload, and syncs it when it returns", {
    timeout: 120_000,
  }, async () => {
    const { people, documentId, url, open } = await start();
    let eddy = await open(people.editor, "eddy");
    const dialogs: string[] = [];
    eddy.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await waitForServiceWorker(eddy);
    // Opened once under the service worker: that is what "recently opened" means.
    await eddy.reload();
    await waitForEditor(eddy);

    const port = (server as ServerProcess).port;
    await (server as ServerProcess).stop("SIGKILL");
    await expect.poll(() => stateOf(eddy), { timeout: 5_000 }).toBe("offline");
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+End");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("Offline geschreven in het gemeentehuis.");
    await expect.poll(() => unsavedOf(eddy)).toBeGreaterThan(0);
    await expect(eddy.locator(".connection-state").textContent()).resolves.toMatch(/nog niet op de server/);
    await expect(eddy.locator(".connection-offline").textContent()).resolves.toContain(
      "op dit apparaat bewaard",
    );
    await eddy.screenshot({ path: screenshotPath("offline-unsaved-changes") });

    // Another page of the app and back, by the sidebar.
    await eddy.getByRole("link", { name: "Lessen" }).click();
    await eddy.waitForURL(/\/lessen$/);
    await eddy.goBack();
    await eddy.locator(".editor__content").waitFor();
    await expect.poll(() => editorText(eddy)).toContain("Offline geschreven in het gemeentehuis.");

    // A reload with no server at all: the shell, the document's details and its text come from this browser.
    await eddy.reload();
    await eddy.locator(".editor__content").waitFor({ timeout: 20_000 });
    await expect
      .poll(() => editorText(eddy), { timeout: 10_000 })
      .toContain("Offline geschreven in het gemeentehuis.");
    await expect.poll(() => unsavedOf(eddy)).toBeGreaterThan(0);
    await eddy.screenshot({ path: screenshotPath("offline-after-reload") });
    // Everything was kept locally, so leaving asked nothing.
    expect(dialogs).toEqual([]);

    // The tab closed and a new one opened, still without a server.
    const context = eddy.context();
    await eddy.close();
    eddy = await context.newPage();
    eddy.on("pageerror", (e) => pageErrors.push(`eddy: ${e.message}`));
    await eddy.goto(url);
    await eddy.locator(".editor__content").waitFor({ timeout: 20_000 });
    await expect
      .poll(() => editorText(eddy), { timeout: 10_000 })
      .toContain("Offline geschreven in het gemeentehuis.");

    server = await startServerProcess(storage as TestStorage, { port });
    await expect.poll(() => stateOf(eddy), { timeout: 20_000 }).toBe("connected");
    await expect.poll(() => unsavedOf(eddy), { timeout: 10_000 }).toBe(0);

    const fien = await open(people.facilitator, "fien");
    await expect
      .poll(() => editorText(fien), { timeout: 10_000 })
      .toContain("Offline geschreven in het gemeentehuis.");
    // And the server holds it: a fresh client that never saw a browser reads it from the store.
    const reader = collabClient(server.url, documentId, { cookie: people.viewer.cookie, doc: new Y.Doc() });
    await reader.synced();
    expect(extractDocumentText(reader.doc).plainText).toContain("Offline geschreven in het gemeentehuis.");
    reader.destroy();
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable)("a writer offline while the server runs", () => {
  const env = documentScenario({
    author: "facilitator",
    document: { title: "Verslag vierde bijeenkomst", kind: "meeting", meetingDate: "2006-04-11" },
  });

  it("keeps the offline text off the server, says so, offers it to copy, and logging out clears the copy", async () => {
    const eddy = await waitForEditor(
      await openPage(
        await browserAs(env.server, env.ws.editor, env.browsers),
        `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`,
        "eddy",
        env.pageErrors,
      ),
    );
    await eddy.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
    // Installed before the network goes: an install cut off by it only comes back once the browser is online.
    await waitForServiceWorker(eddy);
    await eddy.context().setOffline(true);
    for (const conn of Array.from(env.server.themawerk.collab.connections())) {
      if (conn.identity.userId === env.ws.editor.id)
        conn.close(CLOSE_CODES.serverShutdown, "test: connection lost");
    }
    await expect.poll(() => stateOf(eddy)).toBe("offline");
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+End");
    await eddy.keyboard.type(" Tekst van Eddy zonder schrijfrechten.");
    await expect.poll(() => unsavedOf(eddy)).toBeGreaterThan(0);

    const demoted = await env.api(
      `/api/workspaces/${env.ws.workspaceId}/members/${env.ws.editor.id}`,
      env.ws.facilitator,
      "PATCH",
      {
        role: "viewer",
      },
    );
    expect(demoted.status).toBe(200);
    await eddy.context().setOffline(false);

    const dialogs: string[] = [];
    eddy.on("dialog", (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    const refused = eddy.getByRole("alert").filter({ hasText: "Je offline wijzigingen zijn niet aanvaard" });
    await refused.waitFor({ timeout: 20_000 });
    await expect.poll(() => stateOf(eddy), { timeout: 10_000 }).toBe("connected");
    await eddy.screenshot({ path: screenshotPath("offline-changes-refused") });
    const stored = await env.server.themawerk.collab.readDocument(env.documentId);
    expect(extractDocumentText(stored).plainText).not.toContain("zonder schrijfrechten");

    await refused.getByRole("button", { name: "Kopieer mijn tekst" }).click();
    await eddy.getByText("Je tekst staat op het klembord.").waitFor();
    expect(await eddy.evaluate(() => navigator.clipboard.readText())).toContain(
      "Tekst van Eddy zonder schrijfrechten.",
    );

    await refused.getByRole("button", { name: "Toon de versie van de server" }).click();
    await expect.poll(() => editorText(eddy), { timeout: 10_000 }).not.toContain("zonder schrijfrechten");
    await expect.poll(() => stateOf(eddy), { timeout: 10_000 }).toBe("connected");
    expect(await unsavedOf(eddy)).toBe(0);
    // After this reload the service worker keeps the page's API answers (it controls the page only once installed).
    await waitForServiceWorker(eddy);
    await eddy.reload();
    await waitForEditor(eddy);
    expect(await editorText(eddy)).not.toContain("zonder schrijfrechten");

    // Logging out leaves nothing of the user's documents in this browser.
    const localCopies = () =>
      eddy.evaluate(
        async () =>
          (await indexedDB.databases()).filter((db) => db.name?.startsWith("themawerk-doc:")).length,
      );
    const keptAnswers = () =>
      eddy.evaluate(async () =>
        (await caches.has("themawerk-api")) ? (await (await caches.open("themawerk-api")).keys()).length : 0,
      );
    expect(await localCopies()).toBeGreaterThan(0);
    expect(await keptAnswers()).toBeGreaterThan(0);
    await eddy.getByRole("button", { name: /, accountmenu$/ }).click();
    await eddy.getByRole("menuitem", { name: "Afmelden" }).click();
    await eddy.waitForURL(/\/aanmelden/);
    await expect.poll(localCopies).toBe(0);
    expect(await keptAnswers()).toBe(0);
    // Nothing was waiting for the server any more, so logging out asked nothing.
    expect(dialogs).toEqual([]);
    expect(env.pageErrors).toEqual([]);
  });

  // Fien, since Eddy logged out above (that ended his session).
  it("warns before leaving only while a change is neither on the server nor kept in the browser", async () => {
    const browser = await browserAs(env.server, env.ws.facilitator, env.browsers);
    // A browser that keeps nothing (as some private modes): no IndexedDB at all.
    await browser.context.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", { value: undefined });
    });
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
    const open = async () => {
      const page = await waitForEditor(await openPage(browser, url, "fien", env.pageErrors));
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      return { page, dialogs };
    };

    // Online, once the server confirmed the change: nothing to warn about.
    const online = await open();
    await online.page.locator(".editor__content").click();
    await online.page.keyboard.type("Bevestigd. ");
    await expect.poll(() => unsavedOf(online.page), { timeout: 10_000 }).toBe(0);
    await online.page.close({ runBeforeUnload: true });
    await expect.poll(() => online.page.isClosed()).toBe(true);
    expect(online.dialogs).toEqual([]);

    // Offline, with nowhere to keep the change: the banner says so, and leaving asks first.
    const offline = await open();
    await browser.context.setOffline(true);
    for (const conn of Array.from(env.server.themawerk.collab.connections())) {
      if (conn.identity.userId === env.ws.facilitator.id)
        conn.close(CLOSE_CODES.serverShutdown, "test: connection lost");
    }
    await expect.poll(() => stateOf(offline.page)).toBe("offline");
    await offline.page.locator(".editor__content").click();
    await offline.page.keyboard.type("Nergens bewaard.");
    await expect.poll(() => unsavedOf(offline.page)).toBeGreaterThan(0);
    await expect(offline.page.locator(".connection-offline").textContent()).resolves.toContain(
      "kan niets bewaren",
    );
    await offline.page.screenshot({ path: screenshotPath("offline-nothing-kept") });
    await offline.page.close({ runBeforeUnload: true });
    await expect.poll(() => offline.dialogs).toEqual(["beforeunload"]);
    await browser.context.setOffline(false);
  });
});

describe.skipIf(!chromiumAvailable)("offline support installed on a bad connection", () => {
  const env = documentScenario({ author: "facilitator", document: { title: "Verslag", kind: "note" } });

  it("installs the service worker once the browser is back online after the network cut off its first install", async () => {
    const browser = await browserAs(env.server, env.ws.editor, env.browsers);
    const page = await browser.context.newPage();
    page.on("pageerror", (e) => env.pageErrors.push(`eddy: ${e.message}`));
    await page.goto(`${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`);
    // The cut lands while the worker is still storing the app shell, so that install fails.
    await page.waitForFunction(
      () => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.installing)),
      null,
      { timeout: 20_000 },
    );
    await browser.context.setOffline(true);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await browser.context.setOffline(false);
    await waitForServiceWorker(page);
    expect(env.pageErrors).toEqual([]);
  });
});
