import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, chromiumAvailable, launchBrowser, screenshotPath } from "../helpers/browser";
import { startTestServer, type TestServer } from "../helpers/test-server";

const ADMIN = { email: "fien.facilitator@example.test", password: "lokale-regie-2005" };
const NEWCOMER = { name: "Nora Nieuwkomer", email: "nora@example.test", password: "werkwinkel-heusden" };
const WORKSPACE = "Lokale regiefunctie — themawerking 2005";

/** Fills the login form and submits it. */
async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

/** Errors are tied to their field: the field's description (aria-describedby) must contain the text. */
async function fieldError(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((input) => {
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
  });
}

describe.skipIf(!chromiumAvailable)("accounts and workspaces in Chromium", () => {
  let server: TestServer;
  let facilitator: Browser;
  let newcomer: Browser;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    facilitator = await launchBrowser();
    newcomer = await launchBrowser();
  });
  afterAll(async () => {
    await facilitator?.close();
    await newcomer?.close();
    await server?.close();
  });

  it("invites a new person who accepts in another browser, sees the workspace, and logs out", async () => {
    const page = await facilitator.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    // Not logged in: a deep link leads to the login page, which remembers where to go next.
    await page.goto(`${server.url}/account`);
    await page.waitForURL(/\/aanmelden\?next=%2Faccount$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Aanmelden");

    // Empty fields are refused next to the field, before anything is sent.
    await page.getByRole("button", { name: "Aanmelden" }).click();
    expect(await fieldError(page, "E-mailadres")).toContain("Vul dit veld in.");

    // A wrong password gets the generic message and an empty password field.
    await logIn(page, ADMIN.email, "not-the-password");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Het e-mailadres of het wachtwoord klopt niet.");
    expect(await page.getByLabel("Wachtwoord").inputValue()).toBe("");
    await page.screenshot({ path: screenshotPath("accounts-01-wrong-password") });

    // The right password leads on to the page asked for first.
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.waitForURL(`${server.url}/account`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Mijn account");
    await page.screenshot({ path: screenshotPath("accounts-02-account"), fullPage: true });

    // Create a workspace from "my workspaces".
    await page.getByRole("link", { name: "Themawerk", exact: true }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Mijn werkruimtes");
    await page.getByRole("button", { name: "Nieuwe werkruimte" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Werkruimte maken" }).click();
    expect(await fieldError(page, "Naam")).toContain("Vul dit veld in.");
    await dialog.getByLabel("Naam").fill(WORKSPACE);
    await dialog
      .getByLabel("Beschrijving")
      .fill("De regierol van lokale besturen in de lokale diensteneconomie.");
    await dialog.getByLabel("Periode").fill("september 2005 – december 2006");
    await page.screenshot({ path: screenshotPath("accounts-03-create-workspace") });
    await dialog.getByRole("button", { name: "Werkruimte maken" }).click();
    await page.waitForURL(/\/w\/[a-z0-9]+$/);
    const workspacePath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator("h1").textContent()).toBe(WORKSPACE);
    await expect
      .poll(() => page.getByRole("navigation").getByRole("link", { name: WORKSPACE }).count())
      .toBe(1);

    // Invite a commenter and read the link that is shown once.
    await page.getByRole("button", { name: /Rol van de nieuwe persoon/ }).click();
    await page.getByRole("option", { name: /Expert/ }).click();
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    const linkField = page.getByLabel("Uitnodigingslink");
    await linkField.waitFor();
    const inviteUrl = await linkField.inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/uitnodiging/[A-Za-z0-9_-]+$`));
    await expect.poll(() => page.locator(".invite-list__item").count()).toBe(1);
    expect(await page.locator(".invite-list__item").textContent()).toContain("Expert");
    await page.screenshot({ path: screenshotPath("accounts-04-invitation-created"), fullPage: true });

    // A second link, revoked at once: it is no longer offered for copying; the first stays open.
    await page.getByRole("button", { name: /Rol van de nieuwe persoon/ }).click();
    await page.getByRole("option", { name: /Lezer/ }).click();
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    await expect.poll(() => page.locator(".invite-list__item").count()).toBe(2);
    expect(await linkField.inputValue()).not.toBe(inviteUrl);
    await page.getByRole("button", { name: "Uitnodiging (Lezer) intrekken" }).click();
    await expect.poll(() => page.locator(".invite-list__item").count()).toBe(1);
    await expect.poll(() => linkField.count()).toBe(0);

    // A second browser (its own cookies) opens the invitation and sees what it offers.
    const guest = await newcomer.context.newPage();
    guest.on("pageerror", (e) => errors.push(e.message));
    await guest.goto(inviteUrl);
    await expect.poll(() => guest.locator("h1").textContent()).toBe(WORKSPACE);
    expect(await guest.locator(".public__intro").textContent()).toContain("Jouw rol: Expert");
    await guest.getByRole("button", { name: "Account maken en deelnemen" }).click();
    expect(await fieldError(guest, "Naam")).toContain("Vul dit veld in.");
    await guest.getByLabel("Naam").fill(NEWCOMER.name);
    await guest.getByLabel("E-mailadres").fill(NEWCOMER.email);
    await guest.getByLabel("Wachtwoord").fill("kort");
    await guest.getByRole("button", { name: "Account maken en deelnemen" }).click();
    expect(await fieldError(guest, "Wachtwoord")).toContain("Gebruik minstens 8 tekens.");
    await guest.getByLabel("Wachtwoord").fill(NEWCOMER.password);
    await guest.screenshot({ path: screenshotPath("accounts-05-accept-invitation") });
    await guest.getByRole("button", { name: "Account maken en deelnemen" }).click();

    // Accepted: the newcomer is in the workspace, as a commenter, and sees no facilitator tools.
    await guest.waitForURL(`${server.url}${workspacePath}`);
    await expect.poll(() => guest.locator("h1").textContent()).toBe(WORKSPACE);
    await expect.poll(() => guest.locator(".page__meta").textContent()).toContain("Jouw rol: Expert");
    await expect.poll(() => guest.getByRole("row").filter({ hasText: NEWCOMER.email }).count()).toBe(1);
    expect(await guest.getByRole("heading", { name: "Uitnodigingen" }).count()).toBe(0);
    expect(await guest.getByRole("button", { name: "Bewerken" }).count()).toBe(0);
    await guest.screenshot({ path: screenshotPath("accounts-06-newcomer-in-workspace"), fullPage: true });

    // The invitation is used up: opening it again explains why it no longer works.
    const again = await facilitator.context.newPage();
    await again.goto(inviteUrl);
    await expect.poll(() => again.locator("h1").textContent()).toBe("Deze uitnodiging is niet meer geldig");
    await again.close();

    // The facilitator sees the new member and no open invitation any more.
    await page.reload();
    await expect.poll(() => page.getByRole("row").filter({ hasText: NEWCOMER.name }).count()).toBe(1);
    await expect.poll(() => page.getByText("Er staan geen uitnodigingen open.").count()).toBe(1);
    await page.screenshot({ path: screenshotPath("accounts-07-facilitator-sees-member"), fullPage: true });

    // The facilitator makes the newcomer an editor; the newcomer's screen follows on reload.
    await page.getByRole("button", { name: new RegExp(`Rol van ${NEWCOMER.name}`) }).click();
    await page.getByRole("option", { name: /Redacteur/ }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "is nu Redacteur" }).count()).toBe(1);
    await guest.reload();
    await expect.poll(() => guest.locator(".page__meta").textContent()).toContain("Jouw rol: Redacteur");

    // A second workspace: the newcomer, already logged in, joins it with one click.
    await page.getByRole("link", { name: "Themawerk", exact: true }).click();
    await page.getByRole("button", { name: "Nieuwe werkruimte" }).click();
    await page.getByRole("dialog").getByLabel("Naam").fill("Werkwinkel kleine gemeenten");
    await page.getByRole("dialog").getByRole("button", { name: "Werkruimte maken" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Werkwinkel kleine gemeenten");
    await page.getByRole("button", { name: "Uitnodiging maken" }).click();
    await page.getByLabel("Uitnodigingslink").waitFor();
    const secondInvite = await page.getByLabel("Uitnodigingslink").inputValue();
    await guest.goto(secondInvite);
    await expect.poll(() => guest.locator("h1").textContent()).toBe("Werkwinkel kleine gemeenten");
    await expect.poll(() => guest.getByText(`Je bent aangemeld als ${NEWCOMER.name}`).count()).toBe(1);
    await guest.screenshot({ path: screenshotPath("accounts-08-join-with-one-click") });
    await guest.getByRole("button", { name: "Deelnemen" }).click();
    await expect.poll(() => guest.locator(".page__meta").textContent()).toContain("Jouw rol: Redacteur");
    // The sidebar's workspace list refetches after joining: it follows within moments, not necessarily at once.
    await expect
      .poll(() =>
        guest.getByRole("navigation").getByRole("link", { name: "Werkwinkel kleine gemeenten" }).count(),
      )
      .toBe(1);

    // The facilitator removes the newcomer from the second workspace again, after confirming.
    await page.reload();
    await page.getByRole("button", { name: `${NEWCOMER.name} uit de werkruimte verwijderen` }).click();
    const confirm = page.getByRole("alertdialog");
    expect(await confirm.getByRole("heading").textContent()).toBe(`${NEWCOMER.name} verwijderen?`);
    await confirm.getByRole("button", { name: "Verwijderen" }).click();
    await expect.poll(() => page.getByRole("row").filter({ hasText: NEWCOMER.email }).count()).toBe(0);

    // The newcomer switches to English (remembered in the account), then logs out.
    await guest.goto(`${server.url}${workspacePath}`);
    await expect.poll(() => guest.locator("h1").textContent()).toBe(WORKSPACE);
    await guest
      .getByRole("radio", { name: "English" })
      .or(guest.getByRole("button", { name: "English" }))
      .click();
    await expect.poll(() => guest.getByRole("heading", { name: "Members" }).count()).toBe(1);
    await guest.getByRole("button", { name: /^Nora Nieuwkomer\b.*account menu$/ }).click();
    await guest.screenshot({ path: screenshotPath("accounts-09-account-menu") });
    await guest.getByRole("menuitem", { name: "Log out" }).click();
    await guest.waitForURL(`${server.url}/aanmelden`);
    await guest.goto(`${server.url}${workspacePath}`);
    await guest.waitForURL(/\/aanmelden\?next=/);

    // Logged out for real: the API refuses the old cookie jar.
    const me = await guest.evaluate(() => fetch("/api/me").then((r) => r.status));
    expect(me).toBe(401);

    // The language follows the person: in the facilitator's (Dutch) browser, the newcomer gets English.
    await page.getByRole("button", { name: /, accountmenu$/ }).click();
    await page.getByRole("menuitem", { name: "Afmelden" }).click();
    await page.waitForURL(`${server.url}/aanmelden`);
    await logIn(page, NEWCOMER.email, NEWCOMER.password);
    // A member of one workspace (she left the second) goes straight into it, in her language.
    await expect.poll(() => page.locator("h1").textContent()).toBe(WORKSPACE);
    await expect.poll(() => page.getByRole("heading", { name: "Members" }).count()).toBe(1);

    // Account: a wrong current password is named next to its field; then the change goes through.
    await page.getByRole("button", { name: /, account menu$/ }).click();
    await page.getByRole("menuitem", { name: "My account" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("My account");
    await page.getByLabel("Current password", { exact: true }).fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill("een-nieuw-wachtwoord");
    await page.getByLabel("Repeat the new password").fill("een-nieuw-wachtwoord");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => fieldError(page, "Current password")).toContain("The current password is wrong.");
    await page.getByLabel("Current password", { exact: true }).fill(NEWCOMER.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "password has been changed" }).count())
      .toBe(1);
    await page.screenshot({ path: screenshotPath("accounts-10-password-changed") });

    expect(errors).toEqual([]);
  });

  it("slows down a run of wrong passwords and says how long to wait", async () => {
    // A fresh browser, in Dutch (the newcomer's browser remembers English).
    const stranger = await launchBrowser();
    try {
      const page = await stranger.context.newPage();
      await page.goto(`${server.url}/aanmelden`);
      let message = "";
      for (let attempt = 0; attempt < 10 && !message.startsWith("Te veel pogingen"); attempt++) {
        await logIn(page, "niemand@example.test", `wrong-password-${attempt}`);
        await expect.poll(() => page.getByRole("alert").count()).toBeGreaterThan(0);
        message = (await page.getByRole("alert").first().textContent()) ?? "";
      }
      expect(message).toMatch(/^Te veel pogingen\. Probeer het over \d+ seconden? opnieuw\.$/);
      await page.screenshot({ path: screenshotPath("accounts-11-throttled") });
    } finally {
      await stranger.close();
    }
  });
});
