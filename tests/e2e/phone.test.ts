import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCall } from "../helpers/api-client";
import { chromiumAvailable, screenshotPath } from "../helpers/browser";
import { demoScenario, memberScreens } from "../helpers/demo-scenario";

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };

describe.skipIf(!chromiumAvailable)("the app on a phone and a tablet (demo workspace)", () => {
  const env = demoScenario({ facilitator: "Fien Facilitator", commenter: "Cas Commentator" });
  const { users } = env;
  const pageAs = (user: (typeof users)[keyof typeof users], viewport = PHONE) =>
    env.pageAs(user, { viewport, mobile: true });
  const screens = () => memberScreens(env.workspaceId, env.caseId);

  /** How a screen sits in the viewport: whether it scrolls sideways and where its heading starts. */
  async function layout(page: Page, path: string) {
    await page.goto(`${env.server.url}${path}`);
    await page.locator("main h1").first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    return page.evaluate(() => {
      const heading = document.querySelector("main h1")?.getBoundingClientRect();
      const wide = [...document.querySelectorAll<HTMLElement>("main *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .filter((el) => !el.closest("[data-scrolls-sideways]"))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return {
        sideways: document.documentElement.scrollWidth > window.innerWidth,
        wide,
        headingTop: Math.round(heading?.top ?? Number.POSITIVE_INFINITY),
      };
    });
  }

  for (const [device, viewport] of [
    ["phone", PHONE],
    ["tablet", TABLET],
  ] as const) {
    it(`on a ${device}, every screen starts on the first screen and nothing scrolls sideways`, async () => {
      const page = await pageAs(users.facilitator, viewport);
      const found: Record<string, unknown> = {};
      for (const [name, path] of Object.entries(screens())) {
        const seen = await layout(page, path);
        if (seen.sideways || seen.wide.length > 0 || seen.headingTop > viewport.height / 3)
          found[name] = seen;
        await page.screenshot({ path: screenshotPath(`${device}-${name}`) });
      }
      expect(found).toEqual({});
    });
  }

  it("opens the sidebar from a menu button, and closes it on a choice or Escape", async () => {
    const page = await pageAs(users.facilitator);
    await page.goto(`${env.server.url}/w/${env.workspaceId}`);
    await page.locator("main h1").waitFor();
    const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
    const menu = page.getByRole("button", { name: "Menu", exact: true });
    expect(await nav.isVisible()).toBe(false);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    await menu.click();
    await nav.waitFor({ state: "visible" });
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    // Focus goes into the menu, so a keyboard or screen-reader user lands in it.
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest("nav")))).toBe(true);
    await page.screenshot({ path: screenshotPath("phone-menu-open") });
    await nav.getByRole("link", { name: "Lessen" }).click();
    await page.waitForURL(/\/lessen$/);
    await nav.waitFor({ state: "hidden" });

    await menu.click();
    await nav.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await nav.waitFor({ state: "hidden" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain("Menu");

    // Wide enough, the sidebar is simply there and the button is not.
    await page.setViewportSize({ width: 1280, height: 800 });
    await nav.waitFor({ state: "visible" });
    expect(await menu.isVisible()).toBe(false);
  });

  it("lets a reader on a phone read, search and comment; the top bar's controls never overlap", async () => {
    const english = await apiCall(env.server.url, "/api/me", users.commenter.cookie, {
      method: "PATCH",
      json: { locale: "en" },
    });
    expect(english.status).toBe(200);
    const page = await pageAs(users.commenter);
    await page.goto(`${env.server.url}/w/${env.workspaceId}/d/${env.caseId}`);
    await page.locator(".editor__content").waitFor();
    await expect.poll(() => page.locator(".connection-state").getAttribute("data-state")).toBe("connected");

    // Nothing in the top bar overlaps anything else in it.
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".top-bar__inner > *")]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
    );
    expect(boxes.length).toBeGreaterThan(2);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
        expect(overlap, JSON.stringify({ a, b })).toBe(false);
      }
    }
    // The text is readable: at least 16 px and not wider than the screen.
    const text = await page.locator(".editor__content").evaluate((el) => ({
      size: Number.parseFloat(getComputedStyle(el).fontSize),
      right: el.getBoundingClientRect().right,
    }));
    expect(text.size).toBeGreaterThanOrEqual(16);
    expect(text.right).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshotPath("phone-reader-document-en") });

    // Comment on a sentence: select it, press Comment, write, post.
    const paragraph = page.locator(".editor__content p").first();
    await paragraph.evaluate((p) => {
      const range = document.createRange();
      range.selectNodeContents(p);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    await page
      .getByRole("toolbar", { name: "Comment" })
      .getByRole("button", { name: "Comment", exact: true })
      .tap();
    const field = page.getByRole("textbox", { name: "Comment" });
    await field.waitFor();
    const fieldBox = await field.boundingBox();
    expect(fieldBox && fieldBox.x >= 0 && fieldBox.x + fieldBox.width <= PHONE.width).toBe(true);
    await field.fill("Geldt dit ook voor kleine gemeenten?");
    await page.getByRole("button", { name: "Post" }).tap();
    await expect
      .poll(() => page.locator(".comment-thread:not(.comment-thread--draft)").first().textContent())
      .toContain("Geldt dit ook voor kleine gemeenten?");
    await page.screenshot({ path: screenshotPath("phone-reader-commented-en") });

    // Search from the top bar.
    const search = page.getByRole("combobox", { name: "Search this workspace" });
    await search.tap();
    await search.fill("regie");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/zoeken\?q=regie/);
    await expect.poll(() => page.locator(".search-results li, .search-result").count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath("phone-reader-search-en") });
  });
});
