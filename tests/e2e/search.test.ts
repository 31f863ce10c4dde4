import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchResponse } from "../../shared/schemas/search";
import { type Browser, chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, TESTSTAD_CASE, waitForEditor } from "../helpers/e2e-setup";
import { workspaceWithRoles } from "../helpers/fixtures";
import { type MeiliServer, meiliUnavailableReason, startMeilisearch } from "../helpers/meilisearch";
import { startTestServer, type TestServer } from "../helpers/test-server";

const PITFALL = "De dienstenwijzer raakte verouderd zonder vaste beheerder";
const SMALL_TOWNS = "Kleine gemeenten vonden geen trekker voor hun dienstenwijzer";
/** "dienstenwijzer" with one typo (n → m), not a prefix of it. */
const TYPO = "diemstenwijzer";

/** Ctrl+K from wherever the focus is, then the words, as a person types them. */
async function searchFor(page: Page, words: string) {
  await page.keyboard.press("Control+k");
  const field = page.getByRole("combobox", { name: "Zoeken in deze werkruimte" });
  await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.type(words, { delay: 20 });
  return field;
}

describe.skipIf(!chromiumAvailable)(
  "search: find a pitfall with a typo, filter by theme, open it at its block",
  () => {
    const env = documentScenario({
      author: "editor",
      document: TESTSTAD_CASE,
      themes: ["Dienstenwijzer", "Kleine gemeenten"],
    });
    const { browsers, pageErrors, themeIds, api } = env;

    /** Writes `/valkuil` + text at the caret and gives the lesson one theme from the control bar. */
    async function writePitfall(page: Page, text: string, theme: string) {
      await page.keyboard.type("/valkuil");
      await page.getByRole("listbox", { name: "Invoegen" }).waitFor();
      await page.keyboard.press("Enter");
      await page.keyboard.type(text);
      const block = page.locator(".editor__content [data-lesson-id]", { hasText: text });
      await expect.poll(() => block.getAttribute("data-kind")).toBe("pitfall");
      const controls = page.getByRole("toolbar", { name: "Les bewerken" });
      await controls.getByRole("button", { name: /Thema's/ }).click();
      await page.getByRole("option", { name: theme }).click();
      await page.keyboard.press("Escape");
      await expect.poll(() => block.getAttribute("data-themes")).toBe(themeIds[theme]);
    }

    it("finds a pitfall written in a document by a word with one typo, filters by its theme and opens it at the block", async () => {
      const eddyBrowser = await browserAs(env.server, env.ws.editor, browsers);
      const documentUrl = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`;
      const eddy = await waitForEditor(await openPage(eddyBrowser, documentUrl, "Eddy", pageErrors));
      await eddy.locator(".editor__content").click();
      await eddy.keyboard.type("Teststad bouwde een digitale wegwijzer voor diensten.");
      await eddy.keyboard.press("Enter");
      await writePitfall(eddy, PITFALL, "Dienstenwijzer");
      await eddy.locator(".editor__content").click();
      await eddy.keyboard.press("Control+End");
      await eddy.keyboard.press("Enter");
      await writePitfall(eddy, SMALL_TOWNS, "Kleine gemeenten");

      // The index follows the extracted lessons (debounced): wait until both carry their theme.
      const indexed = async () => {
        const res = await api(
          `/api/workspaces/${env.ws.workspaceId}/search?q=${TYPO}&type=lesson`,
          env.ws.viewer,
        );
        return (res.body as SearchResponse).hits.map((h) => h.themes.map((t) => t.name).join()).sort();
      };
      await expect.poll(indexed, { timeout: 10_000 }).toEqual(["Dienstenwijzer", "Kleine gemeenten"]);

      // Ctrl+K from inside the editor (caret, no selection) goes to search; results appear while typing.
      await eddy.locator(".editor__content").click();
      const field = await searchFor(eddy, TYPO);
      const listbox = eddy.getByRole("listbox", { name: "Zoekresultaten" });
      const lessonOptions = listbox
        .getByRole("option")
        .filter({ has: eddy.locator('.search-hit[data-type="lesson"]') });
      const pitfallOption = lessonOptions.filter({ hasText: "zonder vaste beheerder" });
      await pitfallOption.waitFor({ timeout: 5_000 });
      expect(await field.getAttribute("aria-expanded")).toBe("true");
      expect(await pitfallOption.locator(".lesson-kind-badge").textContent()).toBe("Valkuil");
      expect(await pitfallOption.locator(".search-hit__themes").textContent()).toContain("Dienstenwijzer");
      expect(await pitfallOption.locator(".search-hit__case").textContent()).toContain("Teststad");
      expect(await pitfallOption.locator(".search-hit__case").textContent()).toContain("Moeizaam");
      expect((await pitfallOption.locator(".search-hit__snippet mark").allTextContents()).join(" ")).toMatch(
        /dienstenwijzer/i,
      );
      // The editor did not get a link dialog or a stray "k".
      expect(await eddy.locator(".editor__content").textContent()).not.toContain("diemsten");

      // Arrow keys move the active option; focus stays in the field (aria-activedescendant).
      await eddy.keyboard.press("ArrowDown");
      const firstId = await listbox.getByRole("option").first().getAttribute("id");
      expect(await field.getAttribute("aria-activedescendant")).toBe(firstId);
      expect(await listbox.getByRole("option").first().getAttribute("aria-selected")).toBe("true");
      // Up from the first wraps to the last option: the full results page.
      await eddy.keyboard.press("ArrowUp");
      const last = listbox.getByRole("option").last();
      expect(await field.getAttribute("aria-activedescendant")).toBe(await last.getAttribute("id"));
      expect(await last.textContent()).toContain("Alle resultaten voor “diemstenwijzer”");
      await eddy.screenshot({ path: screenshotPath("search-popover") });

      // Escape closes the list; Enter without a chosen option opens the full results page.
      await eddy.keyboard.press("Escape");
      expect(await field.getAttribute("aria-expanded")).toBe("false");
      await eddy.keyboard.press("Enter");
      await eddy.waitForURL(/\/zoeken\?q=diemstenwijzer$/);
      const results = eddy.locator(".search-results__item");
      const lessonResults = results.filter({ has: eddy.locator('.search-hit[data-type="lesson"]') });
      await expect.poll(() => lessonResults.filter({ hasText: "vaste beheerder" }).count()).toBe(1);
      await expect.poll(() => lessonResults.filter({ hasText: "geen trekker" }).count()).toBe(1);
      // The case document itself is found too (its body holds both lessons).
      expect(await results.filter({ has: eddy.locator('.search-hit[data-type="document"]') }).count()).toBe(
        1,
      );
      const themeBox = eddy.getByRole("group", { name: "Thema" }).getByRole("checkbox", {
        name: "Dienstenwijzer (1)",
      });
      await themeBox.waitFor();
      expect(
        await eddy
          .getByRole("group", { name: "Soort les" })
          .getByRole("checkbox", { name: "Valkuil (2)" })
          .count(),
      ).toBe(1);
      expect(
        await eddy
          .getByRole("group", { name: "Casus" })
          .getByRole("checkbox", { name: /^Teststad \(\d+\)$/ })
          .count(),
      ).toBe(1);
      await eddy.screenshot({ path: screenshotPath("search-page-facets"), fullPage: true });

      // Filter by the pitfall's theme: kept in the URL, so a reload shows the same.
      // (The router applies the URL change in a transition, so the box shows ticked a moment later: click, then wait.)
      await themeBox.click();
      await eddy.waitForURL(new RegExp(`theme=${themeIds.Dienstenwijzer}`));
      await expect.poll(() => results.count()).toBe(1);
      await expect.poll(() => themeBox.isChecked()).toBe(true);
      // The theme facet is counted without its own filter, so another theme can still be added (OR).
      const otherTheme = eddy
        .getByRole("group", { name: "Thema" })
        .getByRole("checkbox", { name: "Kleine gemeenten (1)" });
      await expect.poll(() => otherTheme.isChecked()).toBe(false);
      expect(await results.first().textContent()).toContain("zonder vaste beheerder");
      await eddy.reload();
      await expect.poll(() => results.count()).toBe(1);
      expect(await eddy.getByRole("checkbox", { name: /^Dienstenwijzer/ }).isChecked()).toBe(true);
      await eddy.screenshot({ path: screenshotPath("search-page-filtered"), fullPage: true });

      // A click opens the document at the block, highlighted.
      await results.first().getByRole("link").click();
      await eddy.waitForURL(/\/d\/.+\?les=/);
      const block = eddy.locator(".editor__content [data-lesson-id]", { hasText: "zonder vaste beheerder" });
      await expect.poll(() => block.getAttribute("data-highlight"), { timeout: 10_000 }).toBe("");
      expect(new URL(eddy.url()).searchParams.get("les")).toBe(await block.getAttribute("data-lesson-id"));

      // From the popover by keyboard alone: arrow to the other pitfall, Enter opens it at its block.
      await eddy.locator(".editor__content").waitFor();
      const again = await searchFor(eddy, "trekker");
      const other = lessonOptions.filter({ hasText: "geen trekker" });
      await other.waitFor();
      for (let i = 0; i < 5; i++) {
        await eddy.keyboard.press("ArrowDown");
        if ((await again.getAttribute("aria-activedescendant")) === (await other.getAttribute("id"))) break;
      }
      expect(await again.getAttribute("aria-activedescendant")).toBe(await other.getAttribute("id"));
      await eddy.keyboard.press("Enter");
      const otherBlock = eddy.locator(".editor__content [data-lesson-id]", { hasText: "geen trekker" });
      await expect.poll(() => otherBlock.getAttribute("data-highlight"), { timeout: 10_000 }).toBe("");
      expect(new URL(eddy.url()).searchParams.get("les")).toBe(
        await otherBlock.getAttribute("data-lesson-id"),
      );

      // A kind word is a filter, shown as a chip: only pitfalls, about "beheerder".
      await eddy.locator(".editor__content").waitFor();
      const kindField = await searchFor(eddy, "valkuil beheerder");
      const chips = eddy.locator(".search-popover .understood-kinds");
      await expect.poll(() => chips.textContent(), { timeout: 5_000 }).toContain("Valkuil");
      expect(await chips.textContent()).toContain("over “beheerder”");
      await lessonOptions.filter({ hasText: "zonder vaste beheerder" }).waitFor();
      expect(
        await listbox
          .getByRole("option")
          .filter({ has: eddy.locator('.search-hit[data-type="document"]') })
          .count(),
      ).toBe(0);
      await eddy.screenshot({ path: screenshotPath("search-kind-chip") });
      // Taking the chip away searches "valkuil" as a word, which no text holds; focus stays in the field.
      await chips
        .getByRole("button", { name: "Valkuil niet als soort lezen, maar als woord zoeken" })
        .click();
      await expect
        .poll(() => eddy.locator(".search-popover__empty").textContent())
        .toContain("Niets gevonden.");
      expect(await chips.count()).toBe(0);
      expect(await kindField.evaluate((el) => el === document.activeElement)).toBe(true);
      // On the results page the same, kept in the address.
      await eddy.goto(
        `${env.server.url}/w/${env.ws.workspaceId}/zoeken?q=${encodeURIComponent("valkuil beheerder")}`,
      );
      const pageChips = eddy.locator(".search-page__results .understood-kinds");
      await expect.poll(() => pageChips.textContent(), { timeout: 5_000 }).toContain("Valkuil");
      await expect.poll(() => results.count()).toBe(1);
      await pageChips.getByRole("button").click();
      await eddy.waitForURL(/literal=1/);
      await expect.poll(() => eddy.locator(".search-page__empty").textContent()).toContain("Niets gevonden.");
      await eddy.goBack();
      await eddy.goBack();
      await eddy.locator(".editor__content").waitFor();

      // An empty result says so.
      await searchFor(eddy, "zzqxwv");
      await expect
        .poll(() => eddy.locator(".search-popover__empty").textContent())
        .toContain("Niets gevonden.");
      expect(pageErrors).toEqual([]);
    });
  },
);

const meiliMissing = meiliUnavailableReason();
describe.skipIf(!chromiumAvailable || meiliMissing !== undefined)(
  `search: Meilisearch down${meiliMissing ? ` — SKIPPED: ${meiliMissing}` : ""}`,
  () => {
    let meili: MeiliServer;
    let server: TestServer;
    const browsers: Browser[] = [];

    beforeAll(async () => {
      meili = await startMeilisearch();
      server = await startTestServer({ MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
    });
    afterAll(async () => {
      for (const browser of browsers.splice(0)) await browser.close();
      await server?.close();
      await meili?.close();
    });

    it("says search is temporarily unavailable while the engine is down, and searches again after a retry", async () => {
      const ws = await workspaceWithRoles(server.themawerk);
      const browser = await browserAs(server, ws.viewer, browsers);
      const page = await browser.context.newPage();
      await page.goto(`${server.url}/w/${ws.workspaceId}`);
      await page.getByRole("combobox", { name: "Zoeken in deze werkruimte" }).waitFor();
      await meili.stop();
      await searchFor(page, "dienstenwijzer");
      const alert = page.locator(".search-problem");
      await expect
        .poll(() => alert.textContent(), { timeout: 10_000 })
        .toContain("Zoeken is tijdelijk niet beschikbaar");
      await page.screenshot({ path: screenshotPath("search-unavailable") });

      // In English too; then back to Dutch.
      await page.locator(".top-bar").getByText("EN", { exact: true }).click();
      await page.keyboard.press("Control+k");
      await expect
        .poll(() => alert.textContent(), { timeout: 10_000 })
        .toContain("Search is temporarily unavailable");
      await page.locator(".top-bar").getByText("NL", { exact: true }).click();
      await page.keyboard.press("Control+k");
      await expect.poll(() => alert.textContent()).toContain("Zoeken is tijdelijk niet beschikbaar");

      await meili.start();
      await expect
        .poll(
          async () => {
            if ((await alert.count()) > 0)
              await alert.getByRole("button", { name: "Opnieuw proberen" }).click();
            return page.locator(".search-popover__empty").textContent();
          },
          { timeout: 15_000, interval: 500 },
        )
        .toContain("Niets gevonden.");
    });
  },
);
