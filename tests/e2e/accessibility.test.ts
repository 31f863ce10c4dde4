import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "../helpers/api-client";
import { type AxeViolation, axeViolations } from "../helpers/axe";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { demoScenario, memberScreens } from "../helpers/demo-scenario";
import { waitForEditor } from "../helpers/e2e-setup";

describe.skipIf(!chromiumAvailable)("accessibility of every screen (axe-core, demo workspace)", () => {
  const env = demoScenario({ facilitator: "Fien Facilitator", viewer: "Vera Viewer" });
  const { users, pageAs } = env;
  let noteId: string;
  let toolbarNoteId: string;

  beforeAll(async () => {
    // The viewer reads the app in English, so both catalogues are audited.
    const english = await apiCall(env.server.url, "/api/me", users.viewer.cookie, {
      method: "PATCH",
      json: { locale: "en" },
    });
    expect(english.status).toBe(200);
    const newNote = async (title: string) => {
      const note = await apiCall(
        env.server.url,
        `/api/workspaces/${env.workspaceId}/documents`,
        users.facilitator.cookie,
        { method: "POST", json: { title, kind: "note" } },
      );
      expect(note.status).toBe(201);
      return note.body.document.id as string;
    };
    noteId = await newNote("Verslag bijeenkomst 4");
    // A document of its own for the toolbar test: the slash test leaves "/valk" where a click may reopen the menu.
    toolbarNoteId = await newNote("Verslag bijeenkomst 5");
  });

  /** Opens `path`, waits for its heading and for the data it loads, and audits it. */
  async function audit(page: Page, path: string): Promise<AxeViolation[]> {
    await page.goto(`${env.server.url}${path}`);
    await page.locator("h1").first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    return axeViolations(page);
  }

  /** Every screen of a member, and the not-found pages. */
  const allScreens = (): Record<string, string> => ({
    ...memberScreens(env.workspaceId, env.caseId),
    "unknown document": `/w/${env.workspaceId}/d/00000000-0000-0000-0000-000000000000`,
    "unknown page": "/nergens",
  });

  async function auditAll(
    page: Page,
    screens: Record<string, string>,
  ): Promise<Record<string, AxeViolation[]>> {
    const found: Record<string, AxeViolation[]> = {};
    for (const [name, path] of Object.entries(screens)) {
      const violations = await audit(page, path);
      if (violations.length > 0) found[name] = violations;
    }
    return found;
  }

  it("has no axe violation on any screen for a facilitator, in Dutch", async () => {
    const page = await pageAs(users.facilitator);
    expect(await auditAll(page, allScreens())).toEqual({});
  });

  it("has no axe violation on any screen for a viewer, in English", async () => {
    const page = await pageAs(users.viewer);
    expect(await auditAll(page, allScreens())).toEqual({});
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  it("has none before login either: the login page and an unknown invitation", async () => {
    const page = await pageAs(null);
    expect(await auditAll(page, { login: "/aanmelden", invitation: "/uitnodiging/onbekend" })).toEqual({});
  });

  it("has none with the slash menu or a comment draft open", async () => {
    const page = await pageAs(users.facilitator);
    await page.goto(`${env.server.url}/w/${env.workspaceId}/d/${noteId}`);
    await waitForEditor(page);
    await page.locator(".editor__content").click();
    await page.keyboard.type("De regisseur moet vast zijn.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("/valk");
    const menu = page.getByRole("listbox", { name: "Invoegen" });
    await menu.waitFor();
    // The menu is inside the page's main landmark, under the caret.
    expect(await page.locator("main .lesson-slash-menu").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("a11y-slash-menu") });
    await page.keyboard.press("Escape");
    await expect.poll(() => menu.count()).toBe(0);

    await page.locator(".editor__content p", { hasText: "regisseur" }).click();
    await page.keyboard.press("End");
    await page.keyboard.press("Shift+Home");
    await page.locator(".comment-bar").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Control+Alt+m");
    await page.getByRole("textbox", { name: "Reactie" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("makes the editor toolbar one Tab stop, with the arrow keys between its buttons", async () => {
    const page = await pageAs(users.facilitator);
    await page.goto(`${env.server.url}/w/${env.workspaceId}/d/${toolbarNoteId}`);
    await waitForEditor(page);
    await page.locator(".editor__content").click();
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        return {
          inToolbar: Boolean(active?.closest('[role="toolbar"]')),
          label: active?.getAttribute("aria-label") ?? active?.textContent ?? "",
          editor: Boolean(active?.classList.contains("editor__content")),
          // Shown when a step fails: where focus went instead.
          element: active?.outerHTML.slice(0, 120),
        };
      });
    await expect.poll(async () => (await focused()).editor).toBe(true);
    // Back from the text into the toolbar: one step, onto a button.
    await page.keyboard.press("Shift+Tab");
    // Polled as text so a failure shows where focus went instead.
    await expect
      .poll(async () => ((await focused()).inToolbar ? "in the toolbar" : (await focused()).element))
      .toBe("in the toolbar");
    const entered = await focused();
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await focused()).label).not.toBe(entered.label);
    const left = await focused();
    expect(left.inToolbar).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await focused()).label).toBe(entered.label);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(async () => (await focused()).label).toBe(left.label);
    // Tab leaves the whole toolbar at once, back to the text.
    await page.keyboard.press("Tab");
    await expect.poll(focused).toMatchObject({ inToolbar: false, editor: true });
    // Coming back lands on the button that had focus last.
    await page.keyboard.press("Shift+Tab");
    await expect.poll(focused).toMatchObject({ inToolbar: true, label: left.label });
  });
});
