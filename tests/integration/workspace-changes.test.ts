import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/database";
import { type WorkspaceChanges, workspaceChangesSchema } from "../../shared/schemas/versions";
import { apiCall } from "../helpers/api-client";
import {
  addMember,
  createUser,
  createWorkspace,
  type FixtureUser,
  workspaceWithRoles,
} from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
const openClients: LexicalClient[] = [];
const DAY_MS = 24 * 60 * 60_000;

const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie, init);
const db = (): Db => server.themawerk.database.db;

/** The date (UTC) `days` from today, YYYY-MM-DD. */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const startOf = (date: string) => `${date}T00:00:00.000Z`;

/** The changes answer, read by `cookie` and checked against the contract the client parses it with. */
async function changes(workspaceId: string, cookie: string, since?: string): Promise<WorkspaceChanges> {
  const query = since === undefined ? "" : `?since=${encodeURIComponent(since)}`;
  const res = await api(`/api/workspaces/${workspaceId}/changes${query}`, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return workspaceChangesSchema.parse(res.body);
}

async function createDocument(workspaceId: string, author: FixtureUser, json: Record<string, unknown>) {
  const res = await api(`/api/workspaces/${workspaceId}/documents`, author.cookie, { method: "POST", json });
  expect(res.status).toBe(201);
  return res.body.document.id as string;
}

/** Opens the document as `person` through the stock client and replaces or extends its text. */
async function write(documentId: string, person: FixtureUser, edit: () => void): Promise<LexicalClient> {
  const client = await lexicalClient(server.url, documentId, person.cookie);
  openClients.push(client);
  await client.edit(edit);
  return client;
}

/** Closes a client before the test ends (the rest close after it). */
function close(client: LexicalClient): void {
  openClients.splice(openClients.indexOf(client), 1);
  client.destroy();
}

const paragraph = (text: string) => $createParagraphNode().append($createTextNode(text));

/**
 * Waits until the server has settled the document's text and recorded each of `editors` as having
 * edited it: after that no follow-up of those edits is left to stamp a later time on the rows.
 */
async function settled(documentId: string, plainText: string, editors: FixtureUser[]): Promise<void> {
  await expect
    .poll(
      async () => {
        const doc = await db()
          .selectFrom("documents")
          .select("plain_text")
          .where("id", "=", documentId)
          .executeTakeFirstOrThrow();
        const rows = await db()
          .selectFrom("document_editors")
          .select("user_id")
          .where("document_id", "=", documentId)
          .execute();
        return { text: doc.plain_text, editors: rows.map((r) => r.user_id).sort() };
      },
      { timeout: 10_000 },
    )
    .toEqual({ text: plainText, editors: editors.map((e) => e.id).sort() });
}

async function takeVersion(documentId: string, person: FixtureUser, name: string): Promise<string> {
  const res = await api(`/api/documents/${documentId}/versions`, person.cookie, {
    method: "POST",
    json: { name },
  });
  expect(res.status).toBe(201);
  return res.body.version.id as string;
}

/** Moves a document's creation, last edit and every editor's last edit to `at` (what happened long ago). */
async function backdate(documentId: string, created: string, edited: string): Promise<void> {
  await db()
    .updateTable("documents")
    .set({ created_at: created, updated_at: edited })
    .where("id", "=", documentId)
    .execute();
  await db()
    .updateTable("document_editors")
    .set({ edited_at: edited })
    .where("document_id", "=", documentId)
    .execute();
}

async function backdateVersion(versionId: string, at: string): Promise<void> {
  await db().updateTable("document_versions").set({ created_at: at }).where("id", "=", versionId).execute();
}

beforeAll(async () => {
  // Last-editor stamps and settled text follow an edit within 50 ms here (seconds by default).
  server = await startTestServer({}, { collabSettings: { touchEveryMs: 50, settleDebounceMs: 50 } });
});

afterEach(() => {
  for (const client of openClients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

describe("what changed in a workspace since …", () => {
  it("lists new and changed documents with their block counts and who edited since, and leaves the rest out", async () => {
    const people = await workspaceWithRoles(server.themawerk);
    const { workspaceId, editor, facilitator, viewer } = people;
    const earlier = await createUser(server.themawerk, "Erik Eerder");
    await addMember(server.themawerk, workspaceId, earlier, "editor");
    const since = dayFromToday(-1);
    const sinceIso = startOf(since);
    const daysBefore = (days: number) => new Date(Date.parse(sinceIso) - days * DAY_MS).toISOString();

    // Before `since`: a case description grows in two steps, each kept as a version.
    const casus = await createDocument(workspaceId, editor, { title: "Casus Zwolle", kind: "note" });
    const first = await write(casus, editor, () => {
      $getRoot().clear().append(paragraph("Aanleiding: te weinig betaalbare woningen."));
    });
    await settled(casus, "Aanleiding: te weinig betaalbare woningen.", [editor]);
    close(first);
    const firstDraft = await takeVersion(casus, editor, "Eerste opzet");
    const second = await write(casus, earlier, () => {
      $getRoot().append(
        paragraph("De gemeente voert de regie over de aanpak."),
        paragraph("Volgende keer: evaluatie van de pilot."),
      );
    });
    const before = [
      "Aanleiding: te weinig betaalbare woningen.",
      "De gemeente voert de regie over de aanpak.",
      "Volgende keer: evaluatie van de pilot.",
    ].join("\n");
    await settled(casus, before, [editor, earlier]);
    close(second);
    const atMeeting = await takeVersion(casus, editor, "Voor de bijeenkomst");
    await backdate(casus, daysBefore(10), daysBefore(1));
    await backdateVersion(firstDraft, daysBefore(2));
    await backdateVersion(atMeeting, daysBefore(1));

    // Also before `since`: minutes nobody touched since, and a note that will only be renamed.
    const archive = await createDocument(workspaceId, editor, { title: "Notulen archief", kind: "note" });
    const minutes = await write(archive, editor, () => {
      $getRoot().clear().append(paragraph("Vastgesteld zonder wijzigingen."));
    });
    await settled(archive, "Vastgesteld zonder wijzigingen.", [editor]);
    close(minutes);
    await backdate(archive, daysBefore(20), daysBefore(5));
    const renamed = await createDocument(workspaceId, editor, { title: "Werknotitie", kind: "note" });
    const note = await write(renamed, editor, () => {
      $getRoot().clear().append(paragraph("Eerste punt."), paragraph("Tweede punt."));
    });
    await settled(renamed, "Eerste punt.\nTweede punt.", [editor]);
    close(note);
    const renamedVersion = await takeVersion(renamed, editor, "Stand");
    await backdate(renamed, daysBefore(3), daysBefore(3));
    await backdateVersion(renamedVersion, daysBefore(3));
    expect((await changes(workspaceId, viewer.cookie, since)).documents).toEqual([]);

    // Since then: the case is reworded, loses a line and gains one, by two people one after the other.
    await write(casus, editor, () => {
      const [, regie, evaluatie] = $getRoot().getChildren();
      regie.replace(paragraph("De provincie voert de regie over de aanpak."));
      evaluatie.remove();
    });
    const casusIn = async () =>
      (await changes(workspaceId, viewer.cookie, since)).documents.find((d) => d.documentId === casus);
    await expect
      .poll(async () => (await casusIn())?.contributors.map((p) => p.id), { timeout: 10_000 })
      .toEqual([editor.id]);
    await write(casus, facilitator, () => {
      $getRoot().append(paragraph("Besluit: budget voor twee jaar toegekend."));
    });
    await expect
      .poll(async () => (await casusIn())?.contributors.map((p) => p.id), { timeout: 10_000 })
      .toEqual([editor.id, facilitator.id]);
    // A version taken after `since` is not what the change is measured from.
    await takeVersion(casus, editor, "Na de bijeenkomst");

    // A new document (with a version of its own), a renamed one, and a new one that went to the trash.
    const fresh = await createDocument(workspaceId, editor, { title: "Casus Deventer", kind: "note" });
    await write(fresh, editor, () => {
      $getRoot()
        .clear()
        .append(paragraph("Aanleiding: leegstand in de binnenstad."), paragraph("Aanpak: pop-up winkels."));
    });
    await settled(fresh, "Aanleiding: leegstand in de binnenstad.\nAanpak: pop-up winkels.", [editor]);
    await takeVersion(fresh, editor, "Eerste opzet");
    const renaming = await api(`/api/documents/${renamed}`, editor.cookie, {
      method: "PATCH",
      json: { title: "Werknotitie (herzien)" },
    });
    expect(renaming.status).toBe(200);
    const dropped = await createDocument(workspaceId, editor, { title: "Verworpen concept", kind: "note" });
    const listed = async () =>
      (await changes(workspaceId, viewer.cookie, since)).documents.map((d) => d.documentId);
    expect(await listed()).toContain(dropped);
    expect((await api(`/api/documents/${dropped}`, editor.cookie, { method: "DELETE" })).status).toBe(200);

    const answer = await changes(workspaceId, viewer.cookie, since);
    expect(answer).toMatchObject({ since: sinceIso, meeting: null, meetings: [] });
    expect(answer.documents.map((d) => d.documentId).sort()).toEqual([casus, fresh, renamed].sort());
    const updated = answer.documents.map((d) => d.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    const byId = new Map(answer.documents.map((d) => [d.documentId, d]));
    expect(byId.get(casus)).toEqual({
      documentId: casus,
      title: "Casus Zwolle",
      kind: "note",
      change: "changed",
      updatedAt: expect.any(String),
      contributors: [
        { id: editor.id, name: editor.name },
        { id: facilitator.id, name: facilitator.name },
      ],
      baseVersionId: atMeeting,
      counts: { added: 1, removed: 1, changed: 1, same: 1 },
    });
    expect(byId.get(fresh)).toMatchObject({
      change: "new",
      baseVersionId: null,
      contributors: [{ id: editor.id, name: editor.name }],
      counts: { added: 2, removed: 0, changed: 0, same: 0 },
    });
    expect(byId.get(renamed)).toMatchObject({
      title: "Werknotitie (herzien)",
      change: "changed",
      baseVersionId: renamedVersion,
      contributors: [],
      counts: { added: 0, removed: 0, changed: 0, same: 2 },
    });

    // The same moment as an instant with an offset; a moment after everything lists nothing.
    const asInstant = await changes(workspaceId, people.commenter.cookie, `${since}T02:00:00+02:00`);
    expect(asInstant.since).toBe(sinceIso);
    expect(asInstant.documents.map((d) => d.documentId)).toEqual(answer.documents.map((d) => d.documentId));
    expect((await changes(workspaceId, viewer.cookie, dayFromToday(1))).documents).toEqual([]);
    // From the very moment the case was created: it is new, every block of it added; the archive changed since.
    const fromCreation = await changes(workspaceId, viewer.cookie, daysBefore(10));
    expect(fromCreation.documents.map((d) => d.documentId).sort()).toEqual(
      [casus, fresh, renamed, archive].sort(),
    );
    expect(fromCreation.documents.find((d) => d.documentId === casus)).toMatchObject({
      change: "new",
      baseVersionId: null,
      counts: { added: 3, removed: 0, changed: 0, same: 0 },
    });
    // A document that never got a version is measured from nothing.
    expect(fromCreation.documents.find((d) => d.documentId === archive)).toMatchObject({
      change: "changed",
      baseVersionId: null,
      contributors: [{ id: editor.id, name: editor.name }],
      counts: { added: 1, removed: 0, changed: 0, same: 0 },
    });
    // Before the case's first version, after its creation: measured from that first version.
    const beforeFirstDraft = await changes(workspaceId, viewer.cookie, daysBefore(9));
    expect(beforeFirstDraft.documents.find((d) => d.documentId === casus)).toMatchObject({
      change: "changed",
      baseVersionId: firstDraft,
    });
    // Between the two versions: measured from the first, and the earlier editor's last edit counts too.
    const afterFirstDraft = await changes(workspaceId, viewer.cookie, daysBefore(1.5));
    expect(afterFirstDraft.documents.find((d) => d.documentId === casus)).toMatchObject({
      change: "changed",
      baseVersionId: firstDraft,
      contributors: [
        { id: earlier.id, name: earlier.name },
        { id: editor.id, name: editor.name },
        { id: facilitator.id, name: facilitator.name },
      ],
      counts: { added: 2, removed: 0, changed: 0, same: 1 },
    });
  });

  it("starts by default at the last meeting before today and lists the meetings newest first", async () => {
    const { workspaceId, editor, viewer, facilitator } = await workspaceWithRoles(server.themawerk);
    const meeting = (title: string, days: number) =>
      createDocument(workspaceId, editor, { title, kind: "meeting", meetingDate: dayFromToday(days) });
    const long = await meeting("Bijeenkomst 1", -10);
    const last = await meeting("Bijeenkomst 2", -3);
    const today = await meeting("Bijeenkomst 3", 0);
    const next = await meeting("Bijeenkomst 4", 5);
    const cancelled = await meeting("Extra bijeenkomst", -1);
    expect((await api(`/api/documents/${cancelled}`, editor.cookie, { method: "DELETE" })).status).toBe(200);

    const answer = await changes(workspaceId, viewer.cookie);
    expect(answer.since).toBe(startOf(dayFromToday(-3)));
    expect(answer.meeting).toEqual({ documentId: last, title: "Bijeenkomst 2", date: dayFromToday(-3) });
    expect(answer.meetings).toEqual([
      { documentId: next, title: "Bijeenkomst 4", date: dayFromToday(5) },
      { documentId: today, title: "Bijeenkomst 3", date: dayFromToday(0) },
      { documentId: last, title: "Bijeenkomst 2", date: dayFromToday(-3) },
      { documentId: long, title: "Bijeenkomst 1", date: dayFromToday(-10) },
    ]);
    // All four were made just now; the trashed one is not among them.
    expect(answer.documents.map((d) => d.documentId).sort()).toEqual([long, last, today, next].sort());
    expect(answer.documents.every((d) => d.change === "new")).toBe(true);

    // A date that is a meeting's names it; another date names none.
    expect((await changes(workspaceId, viewer.cookie, dayFromToday(-10))).meeting).toMatchObject({
      documentId: long,
    });
    expect((await changes(workspaceId, viewer.cookie, dayFromToday(-4))).meeting).toBeNull();

    // Without any meeting: a week back, from the start of that day.
    const quiet = await createWorkspace(server.themawerk, facilitator, "Zonder bijeenkomsten");
    const fallback = await changes(quiet, facilitator.cookie);
    expect(fallback).toEqual({
      since: startOf(dayFromToday(-7)),
      meeting: null,
      meetings: [],
      documents: [],
    });
  });

  it("answers members of every role, and non-members as the other workspace routes do", async () => {
    const people = await workspaceWithRoles(server.themawerk);
    const documentId = await createDocument(people.workspaceId, people.editor, {
      title: "Casus",
      kind: "note",
    });
    for (const role of ["facilitator", "editor", "commenter", "viewer"] as const) {
      const answer = await changes(people.workspaceId, people[role].cookie, dayFromToday(-1));
      expect(answer.documents.map((d) => d.documentId)).toEqual([documentId]);
    }
    const outsider = await api(`/api/workspaces/${people.workspaceId}/changes`, people.outsider.cookie);
    const documentsList = await api(
      `/api/workspaces/${people.workspaceId}/documents`,
      people.outsider.cookie,
    );
    expect(documentsList.status).toBe(404);
    expect(outsider).toEqual(documentsList);
    expect((await api("/api/workspaces/zzzzzzzzzzzzzzzz/changes", people.viewer.cookie)).status).toBe(404);
    const anonymous = await api(`/api/workspaces/${people.workspaceId}/changes`, "");
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "unauthorized"]);
  });

  it("refuses a since that is no date or instant with the JSON error shape", async () => {
    const { workspaceId, viewer } = await workspaceWithRoles(server.themawerk);
    for (const since of [
      "gisteren",
      "2024-02-30",
      "2024-13-01",
      "2024-05-01T10:00:00",
      "1714557600000",
      "9999-12-31T23:59:59-23:59",
    ]) {
      const res = await api(
        `/api/workspaces/${workspaceId}/changes?since=${encodeURIComponent(since)}`,
        viewer.cookie,
      );
      expect([since, res.status]).toEqual([since, 400]);
      expect(res.body).toEqual({
        error: { code: "validation_failed", message: expect.stringMatching(/^since: /), field: "since" },
      });
    }
  });
});
