import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "../helpers/api-client";
import { axeViolations } from "../helpers/axe";
import { type Browser, chromiumAvailable, launchBrowser, screenshotPath } from "../helpers/browser";
import { mailEnvFor, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { startTestServer, type TestServer } from "../helpers/test-server";

// The admin bootstrap makes a real account with a password (Dutch interface, as every new account).
const ACCOUNT = { email: "rita.regie@example.test", password: "lokale-regie-2005" };
const NEW_PASSWORD = "diensteneconomie-2006";
const UNKNOWN = "niemand@example.test";
const SENT =
  "Als er een account met dit adres bestaat, krijg je binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen. De link is een uur geldig.";
const DONE = "Je wachtwoord is gewijzigd. Je bent overal afgemeld; log in met je nieuwe wachtwoord.";
const INVALID = "Deze link is niet meer geldig: hij is al gebruikt of ouder dan een uur.";

/** Fills the login form and submits it. */
async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

/** Errors are tied to their field: the field's description (aria-describedby) must contain the text. */
async function fieldError(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((input) => {
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
  });
}

/** A session made outside the browser (another device), as a Cookie header. */
async function sessionElsewhere(server: TestServer): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify(ACCOUNT),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0].split(";")[0];
}

describe.skipIf(!chromiumAvailable)("forgotten password, through a real mail, in Chromium", () => {
  let sink: SmtpSink;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(
      {
        ADMIN_EMAIL: ACCOUNT.email,
        ADMIN_PASSWORD: ACCOUNT.password,
        ...mailEnvFor(sink),
      },
      // The outbox is nudged when a mail is queued; short waits keep a retry (if any) within the test.
      { mailSettings: { pollMs: 200, retryBaseMs: 200 } },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.stop();
  });

  it("asks for a link, opens it from the mail, sets a new password and logs in with it — once", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const otherDevice = await sessionElsewhere(server);

    // From the login page, the address typed so far goes along.
    await page.goto(`${server.url}/aanmelden`);
    await page.getByLabel("E-mailadres").fill(ACCOUNT.email);
    await page.screenshot({ path: screenshotPath("password-reset-00-login") });
    await page.getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    await page.waitForURL(`${server.url}/wachtwoord-vergeten`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Wachtwoord vergeten");
    expect(await page.getByLabel("E-mailadres").inputValue()).toBe(ACCOUNT.email);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("password-reset-01-forgot") });

    // A bad address is refused beside the field, before anything is sent.
    await page.getByLabel("E-mailadres").fill("rita.regie");
    await page.getByRole("button", { name: "Stuur me een link" }).click();
    expect(await fieldError(page, "E-mailadres")).toContain("Geef een geldig e-mailadres.");
    expect(sink.mails).toHaveLength(0);

    // An address without an account gets exactly the same answer (and, below, no mail).
    await page.getByLabel("E-mailadres").fill(UNKNOWN);
    await page.getByRole("button", { name: "Stuur me een link" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe(SENT);
    await page.goto(`${server.url}/wachtwoord-vergeten`);
    await expect.poll(() => page.getByLabel("E-mailadres").count()).toBe(1);

    // Sent with the keyboard: the confirmation replaces the form and takes the focus.
    await page.getByLabel("E-mailadres").fill(ACCOUNT.email);
    await page.getByLabel("E-mailadres").press("Enter");
    await expect.poll(() => page.getByRole("status").textContent()).toBe(SENT);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(SENT);
    expect(await page.getByRole("link", { name: "Terug naar aanmelden" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("password-reset-02-sent") });

    // The mail arrives through SMTP, in the account's language (Dutch), with the link in text and HTML.
    const [mail] = await sink.waitFor(ACCOUNT.email);
    expect(mail.from).toBe("noreply@themawerk.test");
    const linkPattern = new RegExp(`${server.url}/wachtwoord-herstellen#token=[A-Za-z0-9_-]{43}`);
    const link = mail.text.match(linkPattern)?.[0];
    expect(link, mail.text).toBeDefined();
    expect(mail.html).toContain(link);
    expect(mail.html).toContain('<html lang="nl">');
    const prose = `${mail.subject}\n${mail.text.replace(linkPattern, "")}`;
    expect(prose).toMatch(/wachtwoord/i);
    expect(prose).toMatch(/\buur\b/);
    expect(prose).not.toMatch(/\bpassword\b/i);
    // The unknown address was asked for first; the outbox never had a mail for it.
    expect(sink.mails.filter((m) => m.to.includes(UNKNOWN))).toEqual([]);

    // The link opens the form; the token leaves the address bar at once.
    await page.goto(link as string);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Nieuw wachtwoord kiezen");
    expect(page.url()).toBe(`${server.url}/wachtwoord-herstellen`);
    expect(await page.evaluate(() => window.location.hash)).toBe("");

    // Too short, then two different passwords: each refused beside its field.
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill("kort");
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    expect(await fieldError(page, "Nieuw wachtwoord")).toContain("Gebruik minstens 8 tekens.");
    await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(`${NEW_PASSWORD}!`);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    expect(await fieldError(page, "Herhaal het nieuwe wachtwoord")).toContain(
      "De twee wachtwoorden verschillen.",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("password-reset-03-reset-form") });

    await page.getByLabel("Herhaal het nieuwe wachtwoord").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe(DONE);
    expect(await page.locator("h1").textContent()).toBe("Wachtwoord gewijzigd");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(DONE);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("password-reset-04-done") });

    // Every session of the account ended, also the one on the other device.
    expect((await apiCall(server.url, "/api/me", otherDevice)).status).toBe(401);

    // The old password no longer works, the new one does.
    await page.getByRole("link", { name: "Naar aanmelden" }).click();
    await page.waitForURL(`${server.url}/aanmelden`);
    await logIn(page, ACCOUNT.email, ACCOUNT.password);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("Het e-mailadres of het wachtwoord klopt niet.");
    await logIn(page, ACCOUNT.email, NEW_PASSWORD);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Mijn werkruimtes");

    // The link is used up: opening it again says so and offers a new one.
    const again = await browser.context.newPage();
    again.on("pageerror", (e) => errors.push(e.message));
    await again.goto(link as string);
    await again.getByLabel("Nieuw wachtwoord", { exact: true }).fill("nog-een-ander-wachtwoord");
    await again.getByLabel("Herhaal het nieuwe wachtwoord").fill("nog-een-ander-wachtwoord");
    await again.getByRole("button", { name: "Wachtwoord opslaan" }).click();
    await expect.poll(() => again.getByRole("status").textContent()).toBe(INVALID);
    expect(await again.locator("h1").textContent()).toBe("Link niet meer geldig");
    expect(await again.evaluate(() => window.location.hash)).toBe("");
    expect(await axeViolations(again)).toEqual([]);
    await again.screenshot({ path: screenshotPath("password-reset-05-used-link") });
    await again.getByRole("link", { name: "Vraag een nieuwe link aan" }).click();
    await again.waitForURL(`${server.url}/wachtwoord-vergeten`);

    // A link without a token (cut off in a mail program) gets the same explanation, without asking the server.
    await again.goto(`${server.url}/wachtwoord-herstellen#token=afgeknipt`);
    await expect.poll(() => again.getByRole("status").textContent()).toBe(INVALID);

    // Asked too often for one address (three per quarter of an hour): the page says when to try again.
    for (let i = 0; i < 2; i++) {
      const asked = await apiCall(server.url, "/api/auth/password-reset", "", {
        method: "POST",
        json: { email: ACCOUNT.email },
      });
      expect(asked.status).toBe(202);
    }
    await again.goto(`${server.url}/wachtwoord-vergeten`);
    await again.getByLabel("E-mailadres").fill(ACCOUNT.email);
    await again.getByRole("button", { name: "Stuur me een link" }).click();
    await expect
      .poll(() => again.getByRole("alert").textContent())
      .toMatch(/^Je hebt al te vaak een link gevraagd\. Probeer het over \d+ minuten? opnieuw\.$/);
    await again.screenshot({ path: screenshotPath("password-reset-06-rate-limited") });

    expect(errors).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable)("forgotten password on a server that sends no email", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_EMAIL: ACCOUNT.email, ADMIN_PASSWORD: ACCOUNT.password });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("says how an administrator makes a link instead, and the account page says email is off", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(`${server.url}/wachtwoord-vergeten`);
    await expect.poll(() => page.getByText("Deze server verstuurt geen e-mail").count()).toBe(1);
    expect(await page.locator("code").textContent()).toBe("npm run reset-password -- <e-mailadres>");
    expect(await page.getByRole("button", { name: "Stuur me een link" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("password-reset-07-mail-off") });

    await page.getByRole("link", { name: "Terug naar aanmelden" }).click();
    await logIn(page, ACCOUNT.email, ACCOUNT.password);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Mijn werkruimtes");
    await page.goto(`${server.url}/account`);
    await expect
      .poll(() =>
        page
          .getByText("Deze server verstuurt geen e-mail: meldingen en wachtwoordherstel per mail staan uit.")
          .count(),
      )
      .toBe(1);
    await page.screenshot({ path: screenshotPath("password-reset-08-account-mail-off"), fullPage: true });

    expect(errors).toEqual([]);
  });
});
