import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Lesson } from "../../shared/schemas/lessons";
import { type Browser, chromiumAvailable, screenshotPath } from "../helpers/browser";
import { browserAs, documentScenario, openPage, TESTSTAD_CASE, waitForEditor } from "../helpers/e2e-setup";
import type { FixtureUser } from "../helpers/fixtures";

describe.skipIf(!chromiumAvailable)("lessons: marked while writing, weighed on the lessons screen", () => {
  const env = documentScenario({
    author: "editor",
    document: TESTSTAD_CASE,
    themes: ["Dienstenwijzer", "Kleine gemeenten", "Samenwerking"],
  });
  const { browsers, pageErrors, themeIds, api } = env;

  const lessons = async (): Promise<Lesson[]> =>
    (await api(`/api/workspaces/${env.ws.workspaceId}/lessons`, env.ws.viewer)).body.lessons;

  /** A browser of its own (own cookies) logged in as `user`. */
  const browserOf = (user: FixtureUser) => browserAs(env.server, user, browsers);

  async function openDocument(browser: Browser, name: string, query = ""): Promise<Page> {
    const url = `${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}${query}`;
    return waitForEditor(await openPage(browser, url, name, pageErrors));
  }

  /** Types `/word` at the caret, picks the (first) offered kind with Enter and writes the lesson. */
  async function slashLesson(page: Page, word: string, text: string) {
    await page.keyboard.type(`/${word}`);
    await page.getByRole("listbox", { name: "Invoegen" }).waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
  }

  it("turns /valkuil into a pitfall with a theme, shows it on the lessons screen with its case, and takes a commenter's endorsement", async () => {
    const eddyBrowser = await browserOf(env.ws.editor);
    const eddy = await openDocument(eddyBrowser, "Eddy");
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.type("Teststad bouwde een digitale dienstenwijzer.");
    await eddy.keyboard.press("Enter");

    // The slash menu: keyboard operable, Escape closes it and leaves the text alone.
    await eddy.keyboard.type("/valk");
    const menu = eddy.getByRole("listbox", { name: "Invoegen" });
    await menu.waitFor();
    expect(await menu.getByRole("option").allTextContents()).toEqual([expect.stringContaining("Valkuil")]);
    await eddy.keyboard.press("Escape");
    await expect.poll(() => menu.count()).toBe(0);
    for (let i = 0; i < "/valk".length; i++) await eddy.keyboard.press("Backspace");

    await eddy.keyboard.type("/valkuil");
    await menu.waitFor();
    await eddy.screenshot({ path: screenshotPath("lessons-slash-menu") });
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("De dienstenwijzer raakte verouderd zonder vaste beheerder");
    const pitfall = eddy.locator('.editor__content [data-kind="pitfall"]');
    await expect
      .poll(() => pitfall.textContent())
      .toBe("De dienstenwijzer raakte verouderd zonder vaste beheerder");
    await expect.poll(() => pitfall.getAttribute("data-kind-label")).toBe("Valkuil");

    // The control bar of the active lesson: pick a theme from the workspace's list.
    const controls = eddy.getByRole("toolbar", { name: "Les bewerken" });
    await controls.waitFor();
    await controls.getByRole("button", { name: /Thema's/ }).click();
    await eddy.getByRole("option", { name: "Dienstenwijzer" }).click();
    await eddy.keyboard.press("Escape");
    await expect.poll(() => pitfall.getAttribute("data-themes")).toBe(themeIds.Dienstenwijzer);
    await expect.poll(() => pitfall.getAttribute("data-theme-names")).toBe("Thema's: Dienstenwijzer");
    // The lessons screen (freshly loaded) shows it, with its case. By design that takes about a second (the
    // collaboration server's 1 s settle debounce); the wall time is not asserted, a loaded CI machine is slower.
    const screen = await eddyBrowser.context.newPage();
    screen.on("pageerror", (e) => pageErrors.push(`Eddy (lessons): ${e.message}`));
    const card = screen.locator(".lesson-card", { hasText: "zonder vaste beheerder" });
    await expect
      .poll(
        async () => {
          await screen.goto(`${env.server.url}/w/${env.ws.workspaceId}/lessen`);
          await screen.locator(".lesson-list, .lessons-page__empty").first().waitFor();
          return card.count();
        },
        { timeout: 15_000, interval: 100 },
      )
      .toBe(1);
    expect(await card.locator(".lesson-card__source").textContent()).toContain("Teststad");
    expect(await card.locator(".lesson-card__source").textContent()).toContain("Moeizaam");
    expect(await card.locator(".lesson-kind-badge").textContent()).toBe("Valkuil");
    expect(await card.locator(".lesson-card__themes").textContent()).toBe("Dienstenwijzer");
    const [stored] = (await lessons()).filter((l) => l.kind === "pitfall");
    expect(stored).toMatchObject({
      text: "De dienstenwijzer raakte verouderd zonder vaste beheerder",
      themes: [{ id: themeIds.Dienstenwijzer, name: "Dienstenwijzer" }],
      document: { id: env.documentId, municipality: "Teststad", outcome: "struggled" },
      author: { id: env.ws.editor.id },
    });

    // A commenter, in another browser, endorses it with a short reason.
    const casBrowser = await browserOf(env.ws.commenter);
    const cas = await casBrowser.context.newPage();
    cas.on("pageerror", (e) => pageErrors.push(`Cas: ${e.message}`));
    await cas.goto(`${env.server.url}/w/${env.ws.workspaceId}/lessen?kind=pitfall`);
    const casCard = cas.locator(".lesson-card", { hasText: "zonder vaste beheerder" });
    await casCard.waitFor({ timeout: 10_000 });
    expect(await cas.locator(".lesson-card").count()).toBe(1);
    expect(await casCard.getByLabel("Status van de les").count()).toBe(0); // only the facilitator changes it
    await casCard.getByRole("button", { name: "Steunen" }).click();
    await casCard.getByLabel("Korte motivering").fill("Herkenbaar in onze gemeente");
    await casCard.getByRole("button", { name: "Steunen" }).click();
    await expect
      .poll(() => casCard.locator(".lesson-stances__list--endorse").textContent())
      .toContain(env.ws.commenter.name);
    expect(await casCard.locator(".lesson-stances__list--endorse").textContent()).toContain(
      "Herkenbaar in onze gemeente",
    );
    await expect
      .poll(async () =>
        (await lessons()).find((l) => l.id === stored.id)?.endorsements.map((e) => e.userName),
      )
      .toEqual([env.ws.commenter.name]);

    await cas.screenshot({ path: screenshotPath("lessons-screen-commenter"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("marks lessons of every kind, changes a kind live for the others, and opens a lesson at its block from the screen", async () => {
    const eddyBrowser = await browserOf(env.ws.editor);
    const eddy = await openDocument(eddyBrowser, "Eddy");
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+End");
    await eddy.keyboard.press("Enter");
    await slashLesson(eddy, "doe", "Leg het beheer van de wijzer vast bij één dienst");
    await slashLesson(eddy, "niet", "Lanceer geen website zonder onderhoudsbudget");
    await slashLesson(eddy, "knelpunt", "Te weinig personeel voor de update");
    await slashLesson(eddy, "success", "Een lokale trekker die het dossier opvolgt");
    // The toolbar menu turns a paragraph into a lesson too, keeping its text.
    await eddy.keyboard.type("Zonder afspraken met het OCMW liep het vast");
    await eddy.getByRole("button", { name: "Les invoegen of omzetten" }).click();
    await eddy.getByRole("menuitem", { name: "Knelpunt" }).click();
    const kinds = () =>
      eddy
        .locator(".editor__content [data-lesson-id]")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
    await expect.poll(kinds).toEqual(["pitfall", "do", "dont", "bottleneck", "success_factor", "bottleneck"]);
    // The slash word itself never stays in the text.
    expect(await eddy.locator(".editor__content [data-lesson-id]").allTextContents()).toEqual([
      "De dienstenwijzer raakte verouderd zonder vaste beheerder",
      "Leg het beheer van de wijzer vast bij één dienst",
      "Lanceer geen website zonder onderhoudsbudget",
      "Te weinig personeel voor de update",
      "Een lokale trekker die het dossier opvolgt",
      "Zonder afspraken met het OCMW liep het vast",
    ]);
    expect(await eddy.locator('.editor__content [data-kind="bottleneck"]').last().textContent()).toBe(
      "Zonder afspraken met het OCMW liep het vast",
    );

    // Fien (facilitator) watches the same document; Eddy changes a kind and two themes in place.
    const fienBrowser = await browserOf(env.ws.facilitator);
    const fien = await openDocument(fienBrowser, "Fien");
    await expect
      .poll(() => fien.locator(".editor__content [data-lesson-id]").count(), { timeout: 10_000 })
      .toBe(6);
    await eddy.locator(".editor__content [data-kind='success_factor']").click();
    const controls = eddy.getByRole("toolbar", { name: "Les bewerken" });
    // Keyboard: Tab from the text reaches the lesson's controls, Escape goes back to the text.
    await controls.waitFor();
    const focusIn = () =>
      eddy.evaluate(() => {
        const active = document.activeElement;
        if (active?.closest('[role="toolbar"][aria-label="Les bewerken"]')) return "controls";
        return active?.classList.contains("editor__content") ? "text" : (active?.tagName ?? "none");
      });
    // (The comment bar of the selection may come first in the tab order.)
    for (let tabs = 0; tabs < 3 && (await focusIn()) !== "controls"; tabs++) await eddy.keyboard.press("Tab");
    expect(await focusIn()).toBe("controls");
    await eddy.keyboard.press("Escape");
    await expect.poll(focusIn).toBe("text");
    await controls.getByRole("button", { name: /Soort les/ }).click();
    await eddy.getByRole("option", { name: "Doe", exact: true }).click();
    await controls.getByRole("button", { name: /Thema's/ }).click();
    await eddy.getByRole("option", { name: "Kleine gemeenten" }).click();
    await eddy.getByRole("option", { name: "Samenwerking" }).click();
    await eddy.keyboard.press("Escape");
    const changed = fien.locator(".editor__content [data-lesson-id]", { hasText: "lokale trekker" });
    await expect.poll(() => changed.getAttribute("data-kind"), { timeout: 5_000 }).toBe("do");
    await expect
      .poll(() => changed.getAttribute("data-theme-names"), { timeout: 5_000 })
      .toBe("Thema's: Kleine gemeenten, Samenwerking");
    await eddy.screenshot({ path: screenshotPath("lessons-editor"), fullPage: true });

    // A read-only commenter sees kinds and theme names, without the controls.
    const casBrowser = await browserOf(env.ws.commenter);
    const cas = await openDocument(casBrowser, "Cas");
    await expect
      .poll(() => cas.locator(".editor__content [data-lesson-id]").count(), { timeout: 10_000 })
      .toBe(6);
    await cas.locator(".editor__content [data-kind='pitfall']").click();
    expect(await cas.getByRole("toolbar", { name: "Les bewerken" }).count()).toBe(0);
    expect(await cas.locator(".editor__content [data-kind='pitfall']").getAttribute("data-kind-label")).toBe(
      "Valkuil",
    );

    // The facilitator validates on the lessons screen (with undo) and opens a lesson at its block.
    await expect.poll(async () => (await lessons()).length, { timeout: 5_000 }).toBe(6);
    await fien.goto(`${env.server.url}/w/${env.ws.workspaceId}/lessen`);
    await fien.locator(".lesson-card").first().waitFor();
    expect(await fien.locator(".lesson-counts").textContent()).toContain("Kleine gemeenten");
    const card = fien.locator(".lesson-card", { hasText: "OCMW" });
    await card.getByRole("button", { name: /Status van de les/ }).click();
    await fien.getByRole("option", { name: "Gevalideerd" }).click();
    // The undo sits in the card of the lesson that changed.
    await expect.poll(() => card.locator(".lessons-page__toast").textContent()).toContain("Gevalideerd");
    expect(await fien.locator(".lessons-page__toast").count()).toBe(1);
    const ocmw = async () => (await lessons()).find((l) => l.text.includes("OCMW"));
    await expect.poll(async () => (await ocmw())?.status).toBe("validated");
    await fien.screenshot({ path: screenshotPath("lessons-status-undo") });
    await card.getByRole("button", { name: "Ongedaan maken" }).click();
    await expect.poll(async () => (await ocmw())?.status).toBe("candidate");

    // Filters live in the URL.
    await fien.goto(`${env.server.url}/w/${env.ws.workspaceId}/lessen?theme=${themeIds.Samenwerking}`);
    await expect.poll(() => fien.locator(".lesson-card").count()).toBe(1);
    await fien.screenshot({ path: screenshotPath("lessons-screen-facilitator"), fullPage: true });

    await fien.goto(`${env.server.url}/w/${env.ws.workspaceId}/lessen`);
    await card.getByRole("link").click();
    await fien.waitForURL(/\/d\/.+\?les=/);
    const target = fien.locator(".editor__content [data-lesson-id]", { hasText: "OCMW" });
    await expect.poll(() => target.getAttribute("data-highlight"), { timeout: 10_000 }).toBe("");
    // Scrolled into view (smoothly, so give it a moment).
    await expect
      .poll(() =>
        target.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("lets the facilitator add, rename, reorder, merge and archive themes, and others only read them", async () => {
    const fienBrowser = await browserOf(env.ws.facilitator);
    const fien = await fienBrowser.context.newPage();
    fien.on("pageerror", (e) => pageErrors.push(`Fien (themes): ${e.message}`));
    await fien.goto(`${env.server.url}/w/${env.ws.workspaceId}/themas`);
    const names = () => fien.locator(".theme-row__name").allTextContents();
    await expect.poll(names).toEqual(["Dienstenwijzer", "Kleine gemeenten", "Samenwerking"]);
    const row = (name: string) => fien.locator(".theme-row", { hasText: name });
    // Lesson counts come from the lessons of the tests before.
    expect(await row("Dienstenwijzer").locator(".theme-row__count").textContent()).toBe("1 les");

    await fien.getByLabel("Naam").fill("Digitale kloof");
    await fien.getByRole("button", { name: "Thema toevoegen" }).click();
    await expect
      .poll(names)
      .toEqual(["Dienstenwijzer", "Kleine gemeenten", "Samenwerking", "Digitale kloof"]);

    await row("Digitale kloof").getByRole("button", { name: "Hernoemen" }).click();
    await fien.getByRole("dialog").getByLabel("Naam").fill("Digitale inclusie");
    await fien.getByRole("dialog").getByRole("button", { name: "Bewaren" }).click();
    await expect.poll(names).toContain("Digitale inclusie");

    await fien.getByRole("button", { name: "Digitale inclusie omhoog" }).click();
    await expect
      .poll(names)
      .toEqual(["Dienstenwijzer", "Kleine gemeenten", "Digitale inclusie", "Samenwerking"]);

    // Merging Samenwerking into Kleine gemeenten moves its lesson there.
    await row("Samenwerking").getByRole("button", { name: "Samenvoegen" }).click();
    const dialog = fien.getByRole("dialog");
    await dialog.getByRole("button", { name: /Samenvoegen met/ }).click();
    await fien.getByRole("option", { name: "Kleine gemeenten" }).click();
    await dialog.getByRole("button", { name: "Samenvoegen", exact: true }).click();
    await expect.poll(names).toEqual(["Dienstenwijzer", "Kleine gemeenten", "Digitale inclusie"]);
    await expect
      .poll(async () =>
        (await lessons()).find((l) => l.text.includes("lokale trekker"))?.themes.map((t) => t.name),
      )
      .toEqual(["Kleine gemeenten"]);

    await row("Digitale inclusie").getByRole("button", { name: "Archiveren" }).click();
    await expect.poll(names).toEqual(["Dienstenwijzer", "Kleine gemeenten"]);
    await fien.getByText("Gearchiveerde thema's tonen").click();
    await expect.poll(() => row("Digitale inclusie").locator(".theme-row__archived").count()).toBe(1);
    await fien.screenshot({ path: screenshotPath("themes-facilitator"), fullPage: true });
    await row("Digitale inclusie").getByRole("button", { name: "Terugzetten" }).click();
    await expect.poll(() => row("Digitale inclusie").locator(".theme-row__archived").count()).toBe(0);

    // An editor reads the list, without the controls, and in English when she chooses it.
    const eddyBrowser = await browserOf(env.ws.editor);
    const eddy = await eddyBrowser.context.newPage();
    await eddy.goto(`${env.server.url}/w/${env.ws.workspaceId}/themas`);
    await eddy.locator(".theme-row").first().waitFor();
    expect(await eddy.getByRole("button", { name: "Hernoemen" }).count()).toBe(0);
    expect(await eddy.getByLabel("Naam").count()).toBe(0);
    await eddy.getByRole("radio", { name: "English" }).click();
    await expect.poll(() => eddy.evaluate(() => document.documentElement.lang)).toBe("en");
    await eddy.goto(`${env.server.url}/w/${env.ws.workspaceId}/d/${env.documentId}`);
    const pitfall = eddy.locator('.editor__content [data-kind="pitfall"]');
    await expect.poll(() => pitfall.getAttribute("data-kind-label"), { timeout: 20_000 }).toBe("Pitfall");
    await expect.poll(() => pitfall.getAttribute("data-theme-names")).toBe("Themes: Dienstenwijzer");
    // The block still names the merged theme's id; only live themes are shown.
    const merged = eddy.locator(".editor__content [data-lesson-id]", { hasText: "lokale trekker" });
    await expect.poll(() => merged.getAttribute("data-theme-names")).toBe("Themes: Kleine gemeenten");
    // The slash menu speaks English too: its label and the slash words it suggests.
    await eddy.locator(".editor__content").click();
    await eddy.keyboard.press("Control+End");
    await eddy.keyboard.press("Enter");
    await eddy.keyboard.type("/pit");
    const slashMenu = eddy.getByRole("listbox", { name: "Insert" });
    await slashMenu.waitFor();
    expect(await slashMenu.textContent()).toContain("Type /pitfall");
    expect(await slashMenu.textContent()).not.toContain("Typ /");
    await eddy.keyboard.press("Escape");
    for (let i = 0; i < "/pit".length + 1; i++) await eddy.keyboard.press("Backspace");
    await eddy.screenshot({ path: screenshotPath("lessons-editor-en"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
