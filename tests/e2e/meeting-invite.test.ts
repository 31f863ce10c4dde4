import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../helpers/axe";
import { type Browser, chromiumAvailable, screenshotPath } from "../helpers/browser";
import { apiAs, browserAs, createDocumentAs, openPage } from "../helpers/e2e-setup";
import { workspaceWithRoles } from "../helpers/fixtures";
import { FAST_OUTBOX, mailEnvFor, type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { startTestServer, type TestServer } from "../helpers/test-server";

describe.skipIf(!chromiumAvailable)("a meeting in calendars, in the browser", () => {
  let sink: SmtpSink;
  let server: TestServer;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let meetingId: string;
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(mailEnvFor(sink), { mailSettings: FAST_OUTBOX });
    ws = await workspaceWithRoles(server.themawerk);
    meetingId = await createDocumentAs(server, ws.facilitator, ws.workspaceId, {
      title: "Werkgroepoverleg, januari",
      kind: "meeting",
      meetingDate: "2027-01-14",
      meetingPlace: "Stadhuis Gent, zaal 2",
    });
  });
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
    await sink?.stop();
  });

  /** The meeting's page as `user`, once its calendar link is on screen. */
  async function meetingPage(user: "facilitator" | "viewer"): Promise<Page> {
    const page = await openPage(
      await browserAs(server, ws[user], browsers),
      `${server.url}/w/${ws.workspaceId}/d/${meetingId}`,
      user,
      pageErrors,
    );
    await page.getByRole("link", { name: "In agenda zetten (.ics)" }).waitFor();
    return page;
  }

  it("lets the facilitator download the .ics and mail the invitation to every member", async () => {
    const page = await meetingPage("facilitator");
    const link = page.getByRole("link", { name: "In agenda zetten (.ics)" });
    expect(await link.getAttribute("href")).toBe(`/api/documents/${meetingId}/meeting.ics`);
    expect(await link.getAttribute("download")).not.toBeNull();
    // The link answers the calendar file with this browser's session.
    const ics = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      `/api/documents/${meetingId}/meeting.ics`,
    );
    expect(ics).toContain("DTSTART;VALUE=DATE:20270114\r\n");

    const open = page.getByRole("button", { name: "Uitnodiging mailen" });
    await open.waitFor();
    // Keyboard: focus the button and open the dialog with Enter.
    await open.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Uitnodiging mailen" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("«Werkgroepoverleg, januari»");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("meeting-invite-dialog") });

    // The request is held until the progress has been seen; then it goes to the real server.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/api/documents/${meetingId}/meeting-invite`, async (route) => {
      await held;
      await route.continue();
    });
    await dialog.getByRole("button", { name: "Versturen" }).click();
    const sending = dialog.getByRole("button", { name: "Versturen…" });
    await sending.waitFor();
    expect(await dialog.getByRole("button", { name: "Annuleren" }).isDisabled()).toBe(true);
    release();
    const status = page.getByRole("status").filter({ hasText: "Uitnodiging verstuurd naar" });
    await status.waitFor();
    expect(await status.textContent()).toBe("Uitnodiging verstuurd naar 4 leden.");
    expect(await dialog.count()).toBe(0);
    // Focus went back to the button that opened the dialog.
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    for (const member of [ws.facilitator, ws.editor, ws.commenter, ws.viewer]) {
      const [mail] = await sink.waitFor(member.email, 1);
      expect(mail.subject).toBe("Vergadering: Werkgroepoverleg, januari (donderdag 14 januari 2027)");
      expect(mail.raw.attachments.map((a) => a.filename)).toEqual(["Werkgroepoverleg, januari.ics"]);
    }
    expect(sink.mails.some((m) => m.to.includes(ws.outsider.email))).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("meeting-invite-sent") });
  });

  it("says in words when the hourly limit of invitations is reached", async () => {
    // Four more through the API make five this hour (the first test sent one).
    for (let i = 0; i < 4; i++) {
      const res = await apiAs(server, ws.facilitator, `/api/documents/${meetingId}/meeting-invite`, "POST");
      expect(res.status).toBe(200);
    }
    const page = await meetingPage("facilitator");
    await page.getByRole("button", { name: "Uitnodiging mailen" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Uitnodiging mailen" });
    await dialog.getByRole("button", { name: "Versturen" }).click();
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^Er zijn het afgelopen uur al genoeg uitnodigingen voor deze vergadering verstuurd\. Probeer het over \d+ minuten opnieuw\.$/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("meeting-invite-limit") });
  });

  it("gives a viewer the .ics link but not the invitation", async () => {
    const page = await meetingPage("viewer");
    expect(await page.getByRole("link", { name: "In agenda zetten (.ics)" }).getAttribute("href")).toBe(
      `/api/documents/${meetingId}/meeting.ics`,
    );
    // The mail status has been read once the network settles: only then is the button's absence an answer.
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("button", { name: "Uitnodiging mailen" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("meeting-viewer") });
  });
});

describe.skipIf(!chromiumAvailable)("a meeting on a server without email, in the browser", () => {
  let server: TestServer;
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const browser of browsers.splice(0)) await browser.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("offers the facilitator the .ics but no invitation", async () => {
    const ws = await workspaceWithRoles(server.themawerk);
    const id = await createDocumentAs(server, ws.facilitator, ws.workspaceId, {
      title: "Overleg zonder mail",
      kind: "meeting",
      meetingDate: "2027-02-01",
    });
    const page = await openPage(
      await browserAs(server, ws.facilitator, browsers),
      `${server.url}/w/${ws.workspaceId}/d/${id}`,
      "facilitator",
      pageErrors,
    );
    await page.getByRole("link", { name: "In agenda zetten (.ics)" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("button", { name: "Uitnodiging mailen" }).count()).toBe(0);
  });
});
