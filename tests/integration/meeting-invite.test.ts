import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEETING_INVITES_PER_HOUR } from "../../shared/schemas/meetings";
import { apiClient } from "../helpers/api-client";
import { createDocument, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import {
  FAST_OUTBOX,
  mailEnvFor,
  type ReceivedMail,
  type SmtpSink,
  startSmtpSink,
} from "../helpers/smtp-sink";
import { startTestServer, type TestServer } from "../helpers/test-server";

/** One property of an .ics: its parameters and its value, TEXT escapes undone. */
interface IcsProperty {
  params: string;
  value: string;
}

/** A tiny RFC 5545 reader: unfolds, splits at CRLF, and keeps the first of each property name. */
function parseIcs(text: string): Map<string, IcsProperty> {
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const properties = new Map<string, IcsProperty>();
  for (const line of text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean)) {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const [, name, params, raw] = match;
    const value = raw.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
    if (!properties.has(name)) properties.set(name, { params, value });
  }
  return properties;
}

type Fixture = Awaited<ReturnType<typeof workspaceWithRoles>>;

async function meetingDocument(
  server: TestServer,
  people: Fixture,
  title: string,
  date: string | null,
  place: string | null,
): Promise<string> {
  const id = await createDocument(server.themawerk, people.workspaceId, people.facilitator, title, "meeting");
  await server.themawerk.database.db
    .updateTable("documents")
    .set({ meeting_date: date, meeting_place: place })
    .where("id", "=", id)
    .execute();
  return id;
}

async function download(server: TestServer, documentId: string, who?: FixtureUser) {
  const res = await fetch(`${server.url}/api/documents/${documentId}/meeting.ics`, {
    headers: who ? { Cookie: who.cookie } : {},
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The mails of one invitation: those whose .ics names this document. */
const invitationsFor = (sink: SmtpSink, documentId: string) =>
  sink.mails.filter((m) =>
    m.raw.attachments.some((a) => a.content.toString("utf8").includes(`UID:${documentId}@`)),
  );

let sink: SmtpSink;
let server: TestServer;
let people: Fixture;
let meetingId: string;
const TITLE = "Overleg, deel 2; Gent";

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer(mailEnvFor(sink), { mailSettings: FAST_OUTBOX });
  people = await workspaceWithRoles(server.themawerk);
  await server.themawerk.database.db
    .updateTable("users")
    .set({ locale: "en" })
    .where("id", "=", people.commenter.id)
    .execute();
  meetingId = await meetingDocument(server, people, TITLE, "2026-12-31", "Stadhuis, zaal 2");
});
afterAll(async () => {
  await server?.close();
  await sink?.stop();
});

describe("GET /api/documents/:id/meeting.ics", () => {
  it("gives a member an all-day event with the title escaped, the place and the link", async () => {
    const res = await download(server, meetingId, people.viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Overleg, deel 2; Gent\.ics"/,
    );
    expect(res.text).toContain("SUMMARY:Overleg\\, deel 2\\; Gent\r\n");
    const ics = parseIcs(res.text);
    const link = `${server.url}/w/${people.workspaceId}/d/${meetingId}`;
    expect(ics.get("METHOD")?.value).toBe("PUBLISH");
    expect(ics.get("DTSTART")).toEqual({ params: ";VALUE=DATE", value: "20261231" });
    expect(ics.get("DTEND")).toEqual({ params: ";VALUE=DATE", value: "20270101" });
    expect(ics.get("SUMMARY")?.value).toBe(TITLE);
    expect(ics.get("LOCATION")?.value).toBe("Stadhuis, zaal 2");
    expect(ics.get("UID")?.value).toBe(`${meetingId}@127.0.0.1`);
    expect(ics.get("URL")?.value).toBe(link);
    expect(ics.get("DESCRIPTION")?.value).toContain(link);
    expect(ics.get("DTSTAMP")?.value).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it("raises SEQUENCE when the facilitator moves the date", async () => {
    const before = Number(
      parseIcs((await download(server, meetingId, people.viewer)).text).get("SEQUENCE")?.value,
    );
    await new Promise((r) => setTimeout(r, 1100));
    const api = apiClient(server.url);
    const moved = await api(`/api/documents/${meetingId}`, people.facilitator.cookie, {
      method: "PATCH",
      json: { meetingDate: "2027-01-14" },
    });
    expect(moved.status).toBe(200);
    const after = parseIcs((await download(server, meetingId, people.viewer)).text);
    expect(after.get("DTSTART")?.value).toBe("20270114");
    expect(Number(after.get("SEQUENCE")?.value)).toBeGreaterThan(before);
    await api(`/api/documents/${meetingId}`, people.facilitator.cookie, {
      method: "PATCH",
      json: { meetingDate: "2026-12-31" },
    });
  });

  it("answers 404 to an outsider and 401 without a session", async () => {
    expect((await download(server, meetingId, people.outsider)).status).toBe(404);
    expect((await download(server, meetingId)).status).toBe(401);
    expect((await download(server, "not-an-id", people.viewer)).status).toBe(404);
  });

  it("answers 409 for a document that is not a meeting, a meeting without a date, and the trash", async () => {
    const note = await createDocument(server.themawerk, people.workspaceId, people.facilitator, "Notitie");
    const undated = await meetingDocument(server, people, "Nog te plannen", null, null);
    const trashed = await meetingDocument(server, people, "Weggegooid", "2026-05-01", null);
    const api = apiClient(server.url);
    expect((await api(`/api/documents/${trashed}`, people.editor.cookie, { method: "DELETE" })).status).toBe(
      200,
    );
    for (const id of [note, undated, trashed]) {
      const res = await api(`/api/documents/${id}/meeting.ics`, people.viewer.cookie);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
      expect(res.body.error.message).toMatch(/not a meeting|no date|trash/);
    }
  });
});

describe("POST /api/documents/:id/meeting-invite", () => {
  it("mails every member once, in their own language, with the .ics attached", async () => {
    const api = apiClient(server.url);
    const res = await api(`/api/documents/${meetingId}/meeting-invite`, people.facilitator.cookie, {
      method: "POST",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sent: 4 });
    const members = [people.facilitator, people.editor, people.commenter, people.viewer];
    const received: ReceivedMail[] = [];
    for (const member of members) received.push(...(await sink.waitFor(member.email, 1)));
    // Every queued invitation has been sent, so nothing more is on its way.
    const rows = await server.themawerk.database.db
      .selectFrom("mail_outbox")
      .select(["to_address", "sent_at"])
      .where("kind", "=", "meeting_invite")
      .execute();
    expect(rows.map((r) => r.to_address).sort()).toEqual(members.map((m) => m.email).sort());
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
    expect(invitationsFor(sink, meetingId)).toHaveLength(4);
    expect(sink.mails.some((m) => m.to.includes(people.outsider.email))).toBe(false);

    for (const mail of received) {
      const english = mail.to.includes(people.commenter.email);
      expect(mail.subject).toBe(
        english
          ? `Meeting: ${TITLE} (Thursday, 31 December 2026)`
          : `Vergadering: ${TITLE} (donderdag 31 december 2026)`,
      );
      expect(mail.html).toContain(english ? '<html lang="en">' : '<html lang="nl">');
      expect(mail.text).toContain(english ? "Where: Stadhuis, zaal 2" : "Waar: Stadhuis, zaal 2");
      expect(mail.text).toContain(`${server.url}/w/${people.workspaceId}/d/${meetingId}`);
      expect(mail.raw.attachments).toHaveLength(1);
      const [ics] = mail.raw.attachments;
      expect(ics.filename).toBe(`${TITLE}.ics`);
      expect(ics.contentType).toBe("text/calendar");
      const parsed = parseIcs(ics.content.toString("utf8"));
      expect(parsed.get("UID")?.value).toBe(`${meetingId}@127.0.0.1`);
      expect(parsed.get("SUMMARY")?.value).toBe(TITLE);
      expect(parsed.get("DTSTART")?.value).toBe("20261231");
    }
  });

  it("is for facilitators only: 403 for the other roles, 404 for an outsider, 401 without a session", async () => {
    const api = apiClient(server.url);
    const path = `/api/documents/${meetingId}/meeting-invite`;
    for (const member of [people.editor, people.commenter, people.viewer]) {
      const res = await api(path, member.cookie, { method: "POST" });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    expect((await api(path, people.outsider.cookie, { method: "POST" })).status).toBe(404);
    expect((await api(path, "", { method: "POST" })).status).toBe(401);
  });

  it("answers 409 for a document that is not a meeting", async () => {
    const note = await createDocument(server.themawerk, people.workspaceId, people.facilitator, "Notitie 2");
    const res = await apiClient(server.url)(
      `/api/documents/${note}/meeting-invite`,
      people.facilitator.cookie,
      {
        method: "POST",
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/not a meeting/);
  });

  it(`refuses the invitation after ${MEETING_INVITES_PER_HOUR} in an hour with 429 and Retry-After`, async () => {
    const id = await meetingDocument(server, people, "Herhaalde uitnodiging", "2027-03-01", null);
    const invite = () =>
      fetch(`${server.url}/api/documents/${id}/meeting-invite`, {
        method: "POST",
        headers: { Cookie: people.facilitator.cookie, Origin: server.url },
      });
    for (let i = 0; i < MEETING_INVITES_PER_HOUR; i++) expect((await invite()).status).toBe(200);
    const refused = await invite();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // Another meeting still has its own allowance.
    const other = await meetingDocument(server, people, "Andere vergadering", "2027-03-02", null);
    const res = await apiClient(server.url)(
      `/api/documents/${other}/meeting-invite`,
      people.facilitator.cookie,
      {
        method: "POST",
      },
    );
    expect(res.status).toBe(200);
  });
});

describe("with email off", () => {
  it("still offers the .ics but answers the invitation 409", async () => {
    const quiet = await startTestServer();
    try {
      const group = await workspaceWithRoles(quiet.themawerk);
      const id = await createDocument(
        quiet.themawerk,
        group.workspaceId,
        group.facilitator,
        "Stil",
        "meeting",
      );
      await quiet.themawerk.database.db
        .updateTable("documents")
        .set({ meeting_date: "2027-02-01" })
        .where("id", "=", id)
        .execute();
      expect((await download(quiet, id, group.viewer)).status).toBe(200);
      const res = await apiClient(quiet.url)(
        `/api/documents/${id}/meeting-invite`,
        group.facilitator.cookie,
        {
          method: "POST",
        },
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
      expect(res.body.error.message).toMatch(/email is off/i);
      expect(res.body.error.reason).toBe("mail_off");
    } finally {
      await quiet.close();
    }
  });
});
