import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall } from "../helpers/api-client";
import {
  addMember,
  createUser,
  createWorkspace,
  type FixtureUser,
  workspaceWithRoles,
} from "../helpers/fixtures";
import { lessonScenario } from "../helpers/lesson-scenario";
import {
  FAST_OUTBOX,
  mailEnvFor,
  type ReceivedMail,
  type SmtpSink,
  sentHeader,
  startSmtpSink,
} from "../helpers/smtp-sink";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** A "day" of the digest here; a weekly digest comes after seven of them. */
const DAY_MS = 3_000;

let sink: SmtpSink;
let server: TestServer;
let lessons: ReturnType<typeof lessonScenario>;

const api = (path: string, cookie: string | undefined, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie ?? "", init);
const db = () => server.themawerk.database.db;
const mailsTo = (person: FixtureUser) => sink.mails.filter((m) => m.to.includes(person.email.toLowerCase()));

const lastDigestAt = async (person: FixtureUser) =>
  (
    await db()
      .selectFrom("mail_preferences")
      .select("last_digest_at")
      .where("user_id", "=", person.id)
      .executeTakeFirst()
  )?.last_digest_at ?? null;

/** Waits until the sweeper has claimed `person`'s digest `times` more times after `after` (their period moved on). */
async function periodsPassed(person: FixtureUser, after: string | null, times = 1): Promise<string> {
  let seen = after;
  for (let i = 0; i < times; i++) {
    const before = seen;
    await expect.poll(() => lastDigestAt(person), { timeout: 6 * DAY_MS, interval: 100 }).not.toBe(before);
    seen = await lastDigestAt(person);
  }
  // The outbox is polled every 100 ms here: a mail queued with the claim has gone out by then.
  await new Promise((r) => setTimeout(r, 600));
  return seen as string;
}

const setDigest = async (person: FixtureUser, digest: string) => {
  const res = await api("/api/me/mail", person.cookie, { method: "PUT", json: { digest } });
  expect(res.status).toBe(200);
  expect(res.body.digest).toBe(digest);
};
const follow = async (person: FixtureUser, targetType: "theme" | "document", targetId: string) =>
  expect(
    (await api("/api/follows", person.cookie, { method: "PUT", json: { targetType, targetId } })).status,
  ).toBe(204);

describe("the digest of what people follow", () => {
  let people: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let english: FixtureUser;

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer(mailEnvFor(sink), {
      mailSettings: FAST_OUTBOX,
      digestSettings: { pollMs: 200, dayMs: DAY_MS },
    });
    people = await workspaceWithRoles(server.themawerk);
    english = await createUser(server.themawerk, "Erin English");
    await db().updateTable("users").set({ locale: "en" }).where("id", "=", english.id).execute();
    await addMember(server.themawerk, people.workspaceId, english, "commenter");
    lessons = lessonScenario(server);
  });
  afterAll(async () => {
    lessons?.close();
    await server?.close();
    await sink?.stop();
  });

  it("checks the preferences: a session, a known frequency, at least one field", async () => {
    expect((await api("/api/me/mail", undefined)).status).toBe(401);
    expect((await api("/api/me/mail", undefined, { method: "PUT", json: { digest: "daily" } })).status).toBe(
      401,
    );
    const me = people.viewer.cookie;
    expect((await api("/api/me/mail", me)).body).toEqual({
      enabled: true,
      commentMail: true,
      digest: "weekly",
    });
    for (const json of [
      { digest: "maandelijks" },
      {},
      { digest: "daily", extra: 1 },
      { commentMail: "ja" },
    ]) {
      const bad = await api("/api/me/mail", me, { method: "PUT", json });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe("validation_failed");
    }
    const both = await api("/api/me/mail", me, {
      method: "PUT",
      json: { commentMail: false, digest: "daily" },
    });
    expect(both.body).toEqual({ enabled: true, commentMail: false, digest: "daily" });
    const one = await api("/api/me/mail", me, { method: "PUT", json: { commentMail: true } });
    expect(one.body).toEqual({ enabled: true, commentMail: true, digest: "daily" });
  });

  it("mails one daily digest per person: their unweighed lessons in followed themes, new threads on followed documents, changes since the last meeting; in their language; never twice", async () => {
    const { workspaceId, facilitator, editor, commenter: cas, viewer } = people;
    // Everyone's first round comes before there is anything to tell: it only starts their period.
    const claimed = await Promise.all([cas, english].map((p) => periodsPassed(p, null)));
    expect(mailsTo(cas)).toEqual([]);
    // Nothing goes out while the scenario is built; the viewer keeps the digest off throughout.
    for (const person of [cas, english, viewer]) await setDigest(person, "off");

    const followed = await lessons.createTheme(workspaceId, facilitator, "Dienstenwijzer");
    const other = await lessons.createTheme(workspaceId, facilitator, "Kleine gemeenten");
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const meeting = await api(`/api/workspaces/${workspaceId}/documents`, facilitator.cookie, {
      method: "POST",
      json: { title: "Overleg themagroep", kind: "meeting", meetingDate: yesterday },
    });
    expect(meeting.status).toBe(201);
    const caseId = await lessons.createCase(workspaceId, editor, "Casus Teststad");
    const noteId = await lessons.createCase(workspaceId, editor, "Casus Elders");
    for (const person of [cas, english, viewer]) {
      await follow(person, "theme", followed);
      await follow(person, "document", caseId);
    }
    const [toWeigh, weighedByCas, unfollowed] = await lessons.writeLessons(workspaceId, caseId, editor, [
      ["pitfall", [followed], "De wachttijd werd onderschat."],
      ["do", [followed], "Betrek de welzijnsraad vroeg."],
      ["bottleneck", [other], "Kleine gemeenten delen personeel."],
    ]);
    const weigh = await api(`/api/lessons/${weighedByCas}/stance`, cas.cookie, {
      method: "PUT",
      json: { stance: "endorse" },
    });
    expect(weigh.status).toBe(200);
    const thread = await api(`/api/documents/${caseId}/threads`, facilitator.cookie, {
      method: "POST",
      json: { target: "document", body: "Wie neemt de opvolging op?" },
    });
    expect(thread.status).toBe(201);
    const threadId = thread.body.thread.id;
    const elsewhere = await api(`/api/documents/${noteId}/threads`, facilitator.cookie, {
      method: "POST",
      json: { target: "document", body: "Dit document volgt niemand." },
    });
    expect(elsewhere.status).toBe(201);
    for (const person of [cas, english]) await setDigest(person, "daily");

    const [dutch] = await sink.waitFor(cas.email, 1, 4 * DAY_MS);
    const [inEnglish] = await sink.waitFor(english.email, 1, 4 * DAY_MS);
    const base = `${server.url}/w/${workspaceId}/d`;
    expect(dutch?.subject).toBe("Je dagelijkse overzicht van Themawerk");
    expect(dutch?.text).toContain("Te wegen — Valkuil in “Casus Teststad” (Testwerkruimte):");
    expect(dutch?.text).toContain("> De wachttijd werd onderschat.");
    expect(dutch?.text).toContain(`Weeg deze les: ${base}/${caseId}?les=${toWeigh}`);
    expect(dutch?.text).not.toContain("Betrek de welzijnsraad vroeg.");
    expect(dutch?.text).not.toContain(`?les=${unfollowed}`);
    expect(dutch?.text).toContain("Fien Facilitator begon een gesprek in “Casus Teststad” (Testwerkruimte):");
    expect(dutch?.text).toContain("> Wie neemt de opvolging op?");
    expect(dutch?.text).toContain(`Bekijk het gesprek: ${base}/${caseId}?reactie=${threadId}`);
    expect(dutch?.text).not.toContain("Dit document volgt niemand.");
    expect(dutch?.text).toContain("Gewijzigd sinds het overleg “Overleg themagroep”");
    expect(dutch?.text).toContain(`“Casus Elders” (Testwerkruimte)\n\nOpen het document: ${base}/${noteId}`);
    expect(dutch?.text).toContain(`Open het document: ${base}/${caseId}`);
    expect(dutch?.html).toContain(`href="${base}/${caseId}?les=${toWeigh}"`);
    expect(sentHeader(dutch as ReceivedMail, "List-Unsubscribe")).toMatch(
      new RegExp(`^<${server.url}/mail/afmelden/[A-Za-z0-9_-]{32}>$`),
    );
    expect(sentHeader(dutch as ReceivedMail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    expect(inEnglish?.subject).toBe("Your daily Themawerk digest");
    expect(inEnglish?.text).toContain("To weigh — Pitfall in “Casus Teststad” (Testwerkruimte):");
    expect(inEnglish?.text).toContain("To weigh — Do in “Casus Teststad” (Testwerkruimte):");
    expect(inEnglish?.text).toContain("Fien Facilitator started a conversation in “Casus Teststad”");
    expect(inEnglish?.text).toContain("Changed since the meeting “Overleg themagroep”");
    expect(inEnglish?.text).not.toContain("Kleine gemeenten delen personeel.");

    // A few more days with nothing new: no second mail to anyone, and none ever to the viewer (off).
    const after = await lastDigestAt(cas);
    expect(after).not.toBe(claimed[0]);
    await periodsPassed(cas, after, 2);
    expect(mailsTo(cas)).toHaveLength(1);
    expect(mailsTo(english)).toHaveLength(1);
    expect(mailsTo(viewer)).toEqual([]);

    // The unsubscribe link stops the digest too.
    const link = (sentHeader(dutch as ReceivedMail, "List-Unsubscribe") ?? "").replace(/^<|>$/g, "");
    const page = await fetch(link);
    expect(await page.text()).toContain("ook geen overzicht");
    expect((await fetch(link, { method: "POST" })).status).toBe(200);
    expect((await api("/api/me/mail", cas.cookie)).body).toEqual({
      enabled: true,
      commentMail: false,
      digest: "off",
    });
  });

  it("mails a weekly digest only after seven days, a daily one after one; only about workspaces one is in", async () => {
    const editor = people.editor;
    const owner = await createUser(server.themawerk, "Olga Owner");
    const weekly = await createUser(server.themawerk, "Wim Wekelijks");
    const daily = await createUser(server.themawerk, "Dana Dagelijks");
    const workspaceId = await createWorkspace(server.themawerk, owner, "Tweede werkruimte");
    await addMember(server.themawerk, workspaceId, editor, "editor");
    await addMember(server.themawerk, workspaceId, weekly, "commenter");
    await addMember(server.themawerk, workspaceId, daily, "commenter");
    const theme = await lessons.createTheme(workspaceId, owner, "Wonen");
    for (const person of [weekly, daily]) await follow(person, "theme", theme);
    await setDigest(daily, "daily");
    const weekStart = await periodsPassed(weekly, null);
    await periodsPassed(daily, null);

    const caseId = await lessons.createCase(workspaceId, editor, "Casus Wonen");
    const [lessonId] = await lessons.writeLessons(workspaceId, caseId, editor, [
      ["success_factor", [theme], "Een vaste contactpersoon per dossier."],
    ]);
    const [dailyMail] = await sink.waitFor(daily.email, 1, 4 * DAY_MS);
    expect(dailyMail?.text).toContain(`?les=${lessonId}`);
    expect(dailyMail?.text).toContain("Succesfactor in “Casus Wonen” (Tweede werkruimte)");
    // Nothing of the first workspace, where they are no member.
    expect(dailyMail?.text).not.toContain("Testwerkruimte");
    // A day has passed (the daily reader's digest came): the weekly reader is still waiting.
    expect(await lastDigestAt(weekly)).toBe(weekStart);
    expect(mailsTo(weekly)).toEqual([]);

    // A week later (the start of their period moved back seven days), their digest comes, once.
    const weekAgo = new Date(Date.parse(weekStart) - 7 * DAY_MS).toISOString();
    await db()
      .updateTable("mail_preferences")
      .set({ last_digest_at: weekAgo })
      .where("user_id", "=", weekly.id)
      .execute();
    const [weeklyMail] = await sink.waitFor(weekly.email, 1, 4 * DAY_MS);
    expect(weeklyMail?.subject).toBe("Je wekelijkse overzicht van Themawerk");
    expect(weeklyMail?.text).toContain("> Een vaste contactpersoon per dossier.");
    // Its period starts again now: the next is a week away.
    expect(Date.parse((await lastDigestAt(weekly)) ?? "")).toBeGreaterThan(Date.parse(weekStart));
    expect(mailsTo(weekly)).toHaveLength(1);
    expect(mailsTo(daily)).toHaveLength(1);
  });
});
