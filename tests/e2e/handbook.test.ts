import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumAvailable, launchBrowser, screenshotPath } from "../helpers/browser";
import { logInBrowser } from "../helpers/e2e-setup";
import { addMember, createUser, type FixtureUser } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

const succeededCase = "Casus Voorbeeldstad (geslaagd)";
const struggledCase = "Casus Voorbeeldgemeente (moeizaam)";
const weeklyGuide = "Een dienstenwijzer die elke week wordt bijgewerkt door één vaste verantwoordelijke.";
const outdatedGuide = "De dienstenwijzer raakte verouderd omdat niemand hem bijhield.";
const accessTheme = "Lokaal aanbod ontsluiten (virtueel loket, dienstenwijzer)";

describe.skipIf(!chromiumAvailable)("comparison and handbook in Chromium (demo workspace)", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let fien: FixtureUser;
  let workspaceId: string;
  let recommendationId: string;
  const pageErrors: string[] = [];
  const validated: string[] = [];

  /** A JSON API call as Fien, with the Origin the server requires on changes. */
  async function api(method: string, url: string, body?: unknown) {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { Cookie: fien.cookie, Origin: server.url, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  }

  beforeAll(async () => {
    server = await startTestServer({ DEMO: "1" });
    // Demo passwords are random and printed once: our own facilitator joins the demo workspace instead.
    fien = await createUser(server.themawerk, "Fien Facilitator");
    workspaceId = (
      await server.themawerk.database.db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()
    ).id;
    await addMember(server.themawerk, workspaceId, fien, "facilitator");

    // Validate the lessons of both cases, so the handbook has something to compile.
    const lessons = (await api("GET", `/api/workspaces/${workspaceId}/lessons`)).body.lessons as Array<{
      id: string;
      text: string;
      document: { kind: string };
    }>;
    for (const lesson of lessons.filter((l) => l.document.kind === "case")) {
      expect((await api("PATCH", `/api/lessons/${lesson.id}/status`, { status: "validated" })).status).toBe(
        200,
      );
      validated.push(lesson.text);
    }
    expect(validated).toContain(weeklyGuide);
    const recommendation = await api("POST", `/api/workspaces/${workspaceId}/documents`, {
      title: "Aanbeveling: een vaste beheerder voor de dienstenwijzer",
      kind: "recommendation",
    });
    expect(recommendation.status).toBe(201);
    recommendationId = recommendation.body.document.id;
    const weekly = lessons.find((l) => l.text === weeklyGuide)!;
    expect((await api("PUT", `/api/documents/${recommendationId}/evidence/${weekly.id}`)).status).toBe(200);

    browser = await launchBrowser();
    await logInBrowser(browser, server, fien);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("compares the two demo cases, saves the comparison and opens a marked row's lesson at its block", async () => {
    await page.goto(`${server.url}/w/${workspaceId}`);
    await page.getByRole("link", { name: "Vergelijken", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Casussen vergelijken");

    await page.getByRole("checkbox", { name: succeededCase }).check();
    await page.getByRole("checkbox", { name: struggledCase }).check();
    const table = page.getByRole("table", { name: "Lessen per thema en per casus" });
    await table.waitFor();

    // Columns: the two cases with their facts; rows: crucial ones first.
    const headers = await table.locator("thead th").allTextContents();
    expect(headers[1]).toContain(succeededCase);
    expect(headers[1]).toContain("Centrumstad");
    expect(headers[1]).toContain("Geslaagd");
    expect(headers[2]).toContain("Geen centrumstad");
    expect(headers[2]).toContain("Moeizaam");
    const flags = await table
      .locator("tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-crucial")));
    expect(flags[0]).toBe("1");
    expect(flags.indexOf("0")).toBeGreaterThan(0);
    expect(flags.slice(flags.indexOf("0"))).not.toContain("1");
    const accessRow = table.locator("tbody tr", { hasText: accessTheme });
    expect(await accessRow.getAttribute("data-crucial")).toBe("1");
    expect(await accessRow.locator("td").nth(0).textContent()).toContain("Succesfactor");
    expect(await accessRow.locator("td").nth(1).textContent()).toContain("Valkuil");

    // The mark explains its rule on keyboard focus (a key press first: tooltips open on keyboard focus only).
    const marker = accessRow.getByRole("button", { name: "Mogelijk cruciaal element" });
    await marker.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    expect(await marker.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByRole("tooltip").textContent()).toContain("Een casus die slaagde");
    await page.keyboard.press("Escape");
    // A lesson shows the recommendation citing it.
    await expect
      .poll(() => accessRow.locator("td").nth(0).textContent())
      .toContain("Aanbeveling: een vaste beheerder voor de dienstenwijzer");
    await page.screenshot({ path: screenshotPath("handbook-01-comparison"), fullPage: true });

    // Save it under a name: the saved comparison has its own link and exports.
    await page.getByLabel("Naam van de vergelijking").fill("Voorbeeldstad naast Voorbeeldgemeente");
    await page.getByRole("button", { name: "Vergelijking bewaren" }).click();
    await page.waitForURL(/\/vergelijking\/[^/]+$/);
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Vergelijking: Voorbeeldstad naast Voorbeeldgemeente");
    expect(await page.getByLabel("Link naar deze vergelijking").inputValue()).toBe(page.url());
    const csvHref = await page.getByRole("link", { name: "CSV downloaden" }).getAttribute("href");
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
    expect(csv).toContain(outdatedGuide.slice(0, 30));

    // Opening the pitfall in the marked row goes to its case, at the block.
    const savedRow = page.locator("tbody tr", { hasText: accessTheme });
    await savedRow.getByRole("link", { name: outdatedGuide }).click();
    await page.waitForURL(/\/d\/[^/?]+\?les=/);
    await page.locator(".editor__content").waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator("h1 textarea").inputValue()).toBe(struggledCase);
    await expect
      .poll(() => page.locator(".editor__content").textContent(), { timeout: 15_000 })
      .toContain(outdatedGuide);
    // The lesson's own block is the one brought into view and highlighted.
    const lessonId = new URL(page.url()).searchParams.get("les")!;
    const block = page.locator(`[data-lesson-id="${lessonId}"]`);
    expect(await block.textContent()).toBe(outdatedGuide);
    await expect.poll(() => block.getAttribute("data-highlight")).toBe("");
    expect(pageErrors).toEqual([]);
  });

  it("shows the recommendation's evidence with counts and adds a lesson found by search", async () => {
    await page.goto(`${server.url}/w/${workspaceId}/d/${recommendationId}`);
    const panel = page.getByRole("region", { name: "Onderbouwing" });
    await expect.poll(() => panel.textContent()).toContain("Gesteund door 1 les en 1 casus");
    await panel.getByLabel("Les zoeken om toe te voegen").fill("buurgemeenten");
    await panel.getByRole("button", { name: /^Les toevoegen: Samenwerken met buurgemeenten/ }).click();
    await expect.poll(() => panel.textContent()).toContain("Gesteund door 2 lessen en 2 casussen");
    await panel.screenshot({ path: screenshotPath("handbook-04-evidence") });
    await panel.getByRole("button", { name: /^Les verwijderen uit de onderbouwing: Samenwerken/ }).click();
    await expect.poll(() => panel.textContent()).toContain("Gesteund door 1 les en 1 casus");
    expect(pageErrors).toEqual([]);
  });

  it("arranges the outline by keyboard, previews the handbook, downloads the DOCX and marks with undo", async () => {
    await page.goto(`${server.url}/w/${workspaceId}`);
    await page.getByRole("link", { name: "Handboek", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Handboek");
    const preview = page.locator("article.handbook");
    await preview.waitFor();

    // Chapters with validated lessons grouped by kind, each citing its case.
    const chapter = preview.locator("section.handbook__chapter", { hasText: accessTheme });
    await expect.poll(() => chapter.textContent()).toContain(weeklyGuide);
    expect(await chapter.textContent()).toContain("Voorbeeldstad — Casus Voorbeeldstad (geslaagd)");
    expect(await chapter.locator(".handbook__group-title").allTextContents()).toEqual([
      "Valkuilen",
      "Succesfactoren",
    ]);
    expect(await preview.locator("#hb-recommendations").textContent()).toContain(
      "Gesteund door 1 les uit 1 casus",
    );

    // Move the second chapter up with the keyboard, save, and the preview follows.
    const chapters = page.getByRole("list", { name: "Hoofdstukken" }).locator("li");
    const second = (await chapters.nth(1).locator(".outline-item__name").textContent())!.trim();
    const moveUp = page.getByRole("button", { name: `${second} omhoog` });
    await moveUp.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => chapters.nth(0).locator(".outline-item__name").textContent()).toContain(second);
    // Focus stays on the moved chapter's controls, so the keyboard user can go on.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      `${second} omlaag`,
    );
    await page.getByRole("button", { name: "Inhoudstafel bewaren" }).click();
    await expect.poll(() => page.getByText("Inhoudstafel bewaard.").count()).toBe(1);
    await expect.poll(() => preview.locator(".handbook__toc li").first().textContent()).toBe(`1. ${second}`);
    // Element shots: a full-page shot paints the sticky shell in the middle of a long page.
    await page.locator("section.outline-editor").screenshot({ path: screenshotPath("handbook-02-outline") });
    await preview.screenshot({ path: screenshotPath("handbook-03-preview") });

    // DOCX: a real download of a zip holding word/document.xml with the lessons and citations.
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Handboek downloaden als Word (DOCX)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), "themawerk-docx-")),
      download.suggestedFilename(),
    );
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const entries = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(entries)).toContain("word/document.xml");
    const xml = strFromU8(entries["word/document.xml"]);
    expect(xml).toContain(weeklyGuide);
    expect(xml).toContain("Casus Voorbeeldstad (geslaagd)");
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await expect.poll(() => page.getByText(/gedownload\.$/).textContent()).toContain(".docx");

    // Mark the exported lessons in one action, then undo it.
    await page.getByRole("button", { name: "Geëxporteerde lessen markeren als ‘in handboek’" }).click();
    const toast = page.locator(".toast");
    await expect.poll(() => toast.textContent()).toContain(`${validated.length} lessen gemarkeerd`);
    const statuses = async () =>
      (
        (await api("GET", `/api/workspaces/${workspaceId}/lessons`)).body.lessons as Array<{
          text: string;
          status: string;
        }>
      )
        .filter((l) => validated.includes(l.text))
        .map((l) => l.status);
    expect(new Set(await statuses())).toEqual(new Set(["in_handbook"]));
    await toast.getByRole("button", { name: "Ongedaan maken" }).click();
    await expect
      .poll(() => toast.textContent())
      .toContain(`${validated.length} lessen staan weer op ‘gevalideerd’`);
    expect(new Set(await statuses())).toEqual(new Set(["validated"]));
    expect(pageErrors).toEqual([]);
  });

  it("lets the facilitator compose the minimal version, shown as a checklist per theme", async () => {
    await page.getByRole("link", { name: "Minimale invulling", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Minimale invulling");
    expect(await page.getByText("Nog geen lessen als minimum aangeduid.").count()).toBe(1);
    await page.getByRole("button", { name: "Minimum samenstellen" }).click();
    const box = page
      .getByRole("checkbox", { name: /^Hoort bij het minimum: Samenwerken met buurgemeenten/ })
      .first();
    await box.check();
    await expect.poll(() => box.isChecked()).toBe(true);
    await page.getByRole("button", { name: "Klaar met samenstellen" }).click();
    // Listed once, under its first theme, even when the lesson has more.
    const checklist = page.locator("section.minimal-theme", { hasText: "Samenwerken met buurgemeenten" });
    await expect.poll(() => checklist.count()).toBe(1);
    expect(await page.locator(".minimal-item").count()).toBe(1);
    const tick = checklist.getByRole("checkbox", { name: /Samenwerken met buurgemeenten/ });
    await tick.click();
    await expect.poll(() => tick.isChecked()).toBe(true);
    await expect.poll(() => page.getByText(/1 van 1 afgevinkt/).count()).toBe(1);
    // The tick is the group's, kept on the server: still there after a reload, with who set it.
    await page.reload();
    await expect
      .poll(() => checklist.getByRole("checkbox", { name: /Samenwerken met buurgemeenten/ }).isChecked())
      .toBe(true);
    await expect.poll(() => checklist.textContent()).toMatch(/afgevinkt door /);
    await page.screenshot({ path: screenshotPath("handbook-05-minimal") });
    expect(pageErrors).toEqual([]);
  });

  it("links a chapter document to its theme, and the outline counts it", async () => {
    const created = await api("POST", `/api/workspaces/${workspaceId}/documents`, {
      title: "Hoofdstuk: samen sterker",
      kind: "chapter",
    });
    expect(created.status).toBe(201);
    const chapterId = created.body.document.id as string;
    await page.goto(`${server.url}/w/${workspaceId}/d/${chapterId}`);
    await page.getByRole("button", { name: /Hoofdstuk van het handboek bij thema/ }).click();
    await page.getByRole("option", { name: "Partnerschap" }).click();
    await expect.poll(() => page.getByText("Gekoppeld aan Partnerschap.").count()).toBe(1);
    const themes = (await api("GET", `/api/workspaces/${workspaceId}/themes`)).body.themes as Array<{
      id: string;
      name: string;
    }>;
    const partnership = themes.find((x) => x.name === "Partnerschap")!.id;
    expect((await api("GET", `/api/documents/${chapterId}/chapter-theme`)).body.themeId).toBe(partnership);

    await page.getByRole("link", { name: "Handboek", exact: true }).click();
    const row = page.getByRole("list", { name: "Hoofdstukken" }).locator("li", { hasText: "Partnerschap" });
    await expect.poll(() => row.textContent()).toContain("1 hoofdstuktekst");
    expect(pageErrors).toEqual([]);
  });

  it("lists the saved comparison and deletes it after confirmation", async () => {
    await page.getByRole("link", { name: "Vergelijken", exact: true }).click();
    const saved = page.getByRole("region", { name: "Bewaarde vergelijkingen" });
    await saved.getByRole("link", { name: "Voorbeeldstad naast Voorbeeldgemeente" }).click();
    await page.waitForURL(/\/vergelijking\/[^/]+$/);
    await page.getByRole("button", { name: "Verwijderen", exact: true }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Verwijderen" }).click();
    await page.waitForURL(/\/vergelijken$/);
    await expect.poll(() => saved.textContent()).toContain("Nog geen bewaarde vergelijkingen.");
    expect((await api("GET", `/api/workspaces/${workspaceId}/comparisons`)).body.comparisons).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
