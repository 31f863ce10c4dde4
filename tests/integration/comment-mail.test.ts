import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "../helpers/api-client";
import { anchorFor } from "../helpers/comment-anchor";
import { addMember, createUser, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { postImport } from "../helpers/import-files";
import {
  FAST_OUTBOX,
  mailEnvFor,
  type ReceivedMail,
  type SmtpSink,
  sentHeader,
  startSmtpSink,
} from "../helpers/smtp-sink";
import { createTestStorage } from "../helpers/test-database";
import { startTestServer, type TestServer } from "../helpers/test-server";

const PASSAGE = "De welzijnsraad kwam pas aan het einde aan tafel.";
const MINUTES = `# Verslag werksessie Gent\n\n${PASSAGE}\n\nWe spraken een vervolg af.\n`;
/** A person's notices become a mail this long after the first one (the default is two minutes). */
const GROUP_MS = 2_500;

let sink: SmtpSink;
let server: TestServer;
let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
let english: FixtureUser;
let documentId: string;
let anchor: ReturnType<typeof anchorFor>;

const api = (path: string, cookie: string | undefined, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie ?? "", init);

/** Opens a thread on the passage as `author`, mentioning `mentions`; its id. */
async function threadOnPassage(author: FixtureUser, body: string, mentions: FixtureUser[]): Promise<string> {
  const res = await api(`/api/documents/${documentId}/threads`, author.cookie, {
    method: "POST",
    json: { target: "passage", anchor, body, mentions: mentions.map((m) => m.id) },
  });
  expect(res.status).toBe(201);
  return res.body.thread.id;
}

async function reply(author: FixtureUser, threadId: string, body: string, mentions: FixtureUser[] = []) {
  const res = await api(`/api/threads/${threadId}/messages`, author.cookie, {
    method: "POST",
    json: { body, mentions: mentions.map((m) => m.id) },
  });
  expect(res.status).toBe(201);
}

const mailsTo = (person: FixtureUser) => sink.mails.filter((m) => m.to.includes(person.email.toLowerCase()));

/** Waits until nothing is waiting for `person` any more (the sweeper took their notices), then a few rounds more. */
async function noticesTaken(person: FixtureUser): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await server.themawerk.database.db
            .selectFrom("comment_notices")
            .select("id")
            .where("user_id", "=", person.id)
            .execute()
        ).length,
      { timeout: 15_000, interval: 100 },
    )
    .toBe(0);
  // The outbox is polled every 100 ms here: a mail queued with the notices has gone out by then.
  await new Promise((r) => setTimeout(r, 600));
}

const unsubscribeLink = (mail: ReceivedMail) =>
  (sentHeader(mail, "List-Unsubscribe") ?? "").replace(/^<|>$/g, "");

describe("mail about mentions and replies", () => {
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(mailEnvFor(sink), {
      mailSettings: FAST_OUTBOX,
      noticeSettings: { pollMs: 100, groupMs: GROUP_MS },
    });
    people = await workspaceWithRoles(server.themawerk);
    english = await createUser(server.themawerk, "Erin English");
    await server.themawerk.database.db
      .updateTable("users")
      .set({ locale: "en" })
      .where("id", "=", english.id)
      .execute();
    await addMember(server.themawerk, people.workspaceId, english, "commenter");
    const imported = await postImport(server, people.workspaceId, people.editor.cookie, {
      name: "werksessie-gent.md",
      bytes: MINUTES,
    });
    expect(imported.status).toBe(201);
    documentId = imported.body.documentId;
    anchor = anchorFor(await server.themawerk.collab.readDocument(documentId), PASSAGE);
  });
  afterAll(async () => {
    await server?.close();
    await sink?.stop();
  });

  it("mails each mentioned person once, in their language, quoting the passage and the comment, with a link to the thread", async () => {
    const body = 'Vraag @Vera Viewer en @Erin English: klopt dit? <b>vet</b> & "zo"';
    const threadId = await threadOnPassage(people.editor, body, [people.viewer, english]);
    const [dutch] = await sink.waitFor(people.viewer.email);
    const [inEnglish] = await sink.waitFor(english.email);
    const link = `${server.url}/w/${people.workspaceId}/d/${documentId}?reactie=${threadId}`;

    expect(dutch?.subject).toBe("Eddy Editor noemde je in “Verslag werksessie Gent”");
    expect(dutch?.from).toBe("noreply@themawerk.test");
    expect(dutch?.text).toContain(`> ${PASSAGE}`);
    expect(dutch?.text).toContain(`> Eddy Editor: ${body}`);
    expect(dutch?.text).toContain(`Bekijk de reactie: ${link}`);
    // The HTML part says the same, with the comment's markup as text.
    expect(dutch?.html).toContain("&lt;b&gt;vet&lt;/b&gt; &amp; &quot;zo&quot;");
    expect(dutch?.html).not.toContain("<b>vet</b>");
    expect(dutch?.html).toContain(`href="${link}"`);
    expect(unsubscribeLink(dutch as ReceivedMail)).toMatch(
      new RegExp(`^${server.url}/mail/afmelden/[A-Za-z0-9_-]{32}$`),
    );
    expect(sentHeader(dutch as ReceivedMail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    expect(inEnglish?.subject).toBe("Eddy Editor mentioned you in “Verslag werksessie Gent”");
    expect(inEnglish?.text).toContain("See the comment:");
    expect(inEnglish?.text).toContain("No more mail from Themawerk:");

    // The writer is not mailed about their own comment, and nobody gets a second copy.
    await noticesTaken(people.viewer);
    expect(mailsTo(people.editor)).toEqual([]);
    expect(mailsTo(people.viewer)).toHaveLength(1);
    expect(mailsTo(english)).toHaveLength(1);
  });

  it("groups two mentions that come close together into one mail", async () => {
    const before = mailsTo(people.commenter).length;
    const threadId = await threadOnPassage(people.facilitator, "@Cas Commenter, wat denk jij?", [
      people.commenter,
    ]);
    // A second mention a moment later: sent at once, the first would have gone on its own by now.
    await new Promise((r) => setTimeout(r, 1_000));
    await reply(people.editor, threadId, "@Cas Commenter, en over de timing?", [people.commenter]);
    const mails = await sink.waitFor(people.commenter.email, before + 1);
    await noticesTaken(people.commenter);
    expect(mailsTo(people.commenter)).toHaveLength(before + 1);
    const mail = mails[before];
    expect(mail?.subject).toBe("2 nieuwe reacties voor je in Themawerk");
    expect(mail?.text).toContain("Fien Facilitator noemde je bij deze passage");
    expect(mail?.text).toContain("> Fien Facilitator: @Cas Commenter, wat denk jij?");
    expect(mail?.text).toContain("> Eddy Editor: @Cas Commenter, en over de timing?");
  });

  it("tells earlier participants of a thread about a reply, but not about one they have read already", async () => {
    // What earlier tests told the facilitator has gone out first.
    await noticesTaken(people.facilitator);
    const starterBefore = mailsTo(people.facilitator).length;
    const threadId = await threadOnPassage(people.facilitator, "Wie neemt dit op?", []);
    await reply(people.editor, threadId, "Ik doe het.");
    const toStarter = (await sink.waitFor(people.facilitator.email, starterBefore + 1))[starterBefore];
    expect(toStarter?.subject).toBe("Eddy Editor reageerde in “Verslag werksessie Gent”");
    expect(toStarter?.text).toContain("in een gesprek waar je aan meedeed");

    // The editor took part too; the facilitator's answer is read in the app before the mail would go.
    const editorBefore = mailsTo(people.editor).length;
    await reply(people.facilitator, threadId, "Dank je!");
    expect(
      (await api(`/api/threads/${threadId}/read`, people.editor.cookie, { method: "POST" })).status,
    ).toBe(204);
    await noticesTaken(people.editor);
    expect(mailsTo(people.editor)).toHaveLength(editorBefore);
  });

  it("unsubscribes without logging in, from the link in the mail or a mail client's one-click post", async () => {
    const person = await createUser(server.themawerk, "Uma Uitschrijver");
    await addMember(server.themawerk, people.workspaceId, person, "commenter");
    await threadOnPassage(people.editor, "@Uma Uitschrijver, kijk je mee?", [person]);
    const [mail] = await sink.waitFor(person.email);
    const link = unsubscribeLink(mail as ReceivedMail);

    // Opening the link asks first (mail scanners open links); nothing changed yet.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain(person.email);
    expect((await api("/api/me/mail", person.cookie)).body).toEqual({
      enabled: true,
      commentMail: true,
      digest: "weekly",
    });

    // A mail client's RFC 8058 post: no cookie, no Origin, the form body of the standard.
    const posted = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain("Je krijgt geen mails meer over reacties");
    expect((await api("/api/me/mail", person.cookie)).body).toEqual({
      enabled: true,
      commentMail: false,
      digest: "off",
    });

    // Mentioned again: no mail.
    await threadOnPassage(people.editor, "@Uma Uitschrijver, nog één vraag.", [person]);
    await noticesTaken(person);
    expect(mailsTo(person)).toHaveLength(1);

    // Back on from the account page's preference.
    const on = await api("/api/me/mail", person.cookie, { method: "PUT", json: { commentMail: true } });
    expect(on.body).toEqual({ enabled: true, commentMail: true, digest: "off" });
    await threadOnPassage(people.editor, "@Uma Uitschrijver, welkom terug.", [person]);
    await sink.waitFor(person.email, 2);

    // A made-up or malformed token changes nothing and says so.
    expect((await fetch(`${server.url}/mail/afmelden/${"x".repeat(32)}`, { method: "POST" })).status).toBe(
      404,
    );
    expect((await fetch(`${server.url}/mail/afmelden/kort`)).status).toBe(404);
  });

  it("checks the preferences route: a session is needed and the body is validated", async () => {
    expect((await api("/api/me/mail", undefined)).status).toBe(401);
    const bad = await api("/api/me/mail", people.viewer.cookie, {
      method: "PUT",
      json: { commentMail: "ja" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    expect((await api("/api/me/mail", people.viewer.cookie)).body.commentMail).toBe(true);
  });

  it("mails nobody who left the workspace, nor about a comment deleted before its mail went", async () => {
    const leaver = await createUser(server.themawerk, "Lou Leaver");
    await addMember(server.themawerk, people.workspaceId, leaver, "commenter");
    await threadOnPassage(people.editor, "@Lou Leaver, nog even dit.", [leaver]);
    await server.themawerk.database.db.deleteFrom("memberships").where("user_id", "=", leaver.id).execute();

    const threadId = await threadOnPassage(people.editor, "@Vera Viewer, oeps, verkeerd.", [people.viewer]);
    const thread = await api(`/api/threads/${threadId}`, people.editor.cookie);
    const messageId = thread.body.thread.messages[0].id;
    expect((await api(`/api/messages/${messageId}`, people.editor.cookie, { method: "DELETE" })).status).toBe(
      200,
    );
    const viewerBefore = mailsTo(people.viewer).length;

    await noticesTaken(leaver);
    await noticesTaken(people.viewer);
    expect(mailsTo(leaver)).toEqual([]);
    expect(mailsTo(people.viewer)).toHaveLength(viewerBefore);
  });
});

describe("comment mail across a dead relay and a restart", () => {
  it("mails a mention made while SMTP was down once, after the app restarted and the relay came back", async () => {
    const relay = await startSmtpSink();
    const storage = await createTestStorage();
    const env = mailEnvFor(relay);
    const settings = {
      mailSettings: FAST_OUTBOX,
      noticeSettings: { pollMs: 100, groupMs: 1_000 },
      storage,
    };
    let first: TestServer | undefined;
    let second: TestServer | undefined;
    try {
      await relay.stop();
      first = await startTestServer(env, settings);
      const ws = await workspaceWithRoles(first.themawerk);
      const doc = await postImport(first, ws.workspaceId, ws.editor.cookie, { name: "b.md", bytes: MINUTES });
      const posted = await apiCall(
        first.url,
        `/api/documents/${doc.body.documentId}/threads`,
        ws.editor.cookie,
        {
          method: "POST",
          json: { target: "document", body: "@Vera Viewer, lees je mee?", mentions: [ws.viewer.id] },
        },
      );
      expect(posted.status).toBe(201);
      // The sweeper made the mail and the dispatcher tried the dead relay at least once.
      await expect
        .poll(
          async () =>
            (
              await first?.themawerk.database.db
                .selectFrom("mail_outbox")
                .select(["attempts", "sent_at"])
                .where("to_address", "=", ws.viewer.email)
                .execute()
            )?.map((r) => [Number(r.attempts) > 0, r.sent_at]),
          { timeout: 10_000, interval: 100 },
        )
        .toEqual([[true, null]]);
      await first.close();
      first = undefined;

      await relay.start();
      second = await startTestServer(env, settings);
      const [mail] = await relay.waitFor(ws.viewer.email);
      expect(mail?.subject).toBe("Eddy Editor noemde je in “Verslag werksessie Gent”");
      await new Promise((r) => setTimeout(r, 800));
      expect(relay.mails.filter((m) => m.to.includes(ws.viewer.email.toLowerCase()))).toHaveLength(1);
    } finally {
      await first?.close();
      await second?.close();
      await relay.stop();
      await storage.cleanup();
    }
  });
});

describe("comment mail with email off", () => {
  it("records no notices and says on the preferences that mail is off", async () => {
    const off = await startTestServer();
    try {
      const ws = await workspaceWithRoles(off.themawerk);
      const doc = await postImport(off, ws.workspaceId, ws.editor.cookie, {
        name: "a.md",
        bytes: "# A\n\nTekst.\n",
      });
      const res = await apiCall(off.url, `/api/documents/${doc.body.documentId}/threads`, ws.editor.cookie, {
        method: "POST",
        json: { target: "document", body: "@Vera Viewer, kijk eens", mentions: [ws.viewer.id] },
      });
      expect(res.status).toBe(201);
      const notices = await off.themawerk.database.db.selectFrom("comment_notices").select("id").execute();
      expect(notices).toEqual([]);
      expect((await apiCall(off.url, "/api/me/mail", ws.viewer.cookie)).body).toEqual({
        enabled: false,
        commentMail: true,
        digest: "weekly",
      });
    } finally {
      await off.close();
    }
  });
});
