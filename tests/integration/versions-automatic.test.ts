import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AccessControl } from "../../server/auth/access";
import { WorkerTextExtractor } from "../../server/documents/worker-text-extractor";
import { insertVersion, listVersions } from "../../server/modules/versions/versions.repo";
import { VersionsService } from "../../server/modules/versions/versions.service";
import type { VersionSummary } from "../../shared/schemas/versions";
import { apiCall } from "../helpers/api-client";
import { workspaceWithRoles } from "../helpers/fixtures";
import { type LexicalClient, lexicalClient } from "../helpers/lexical-client";
import { startTestServer, type TestServer } from "../helpers/test-server";

let server: TestServer;
const openClients: LexicalClient[] = [];

const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
  apiCall(server.url, path, cookie, init);

beforeAll(async () => {
  // An editing session ends after 1.5 s of stillness here (5 minutes by default); the sweeper looks every 100 ms.
  server = await startTestServer(
    {},
    {
      // Thinning is left to the test that calls it: the sweeper's own round would race it for the same rows.
      versionSettings: { sessionIdleMs: 1_500, sweepEveryMs: 100, thinAfterMs: 100 * 365 * 24 * 60 * 60_000 },
      collabSettings: { touchEveryMs: 50, settleDebounceMs: 50 },
    },
  );
});

afterEach(() => {
  for (const client of openClients.splice(0)) client.destroy();
});

afterAll(async () => {
  await server?.close();
});

describe("automatic versions", () => {
  it("takes one after each editing session, crediting who edited, and none while nothing changes", async () => {
    const people = await workspaceWithRoles(server.themawerk);
    const created = await api(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
      method: "POST",
      json: { title: "Casusbeschrijving", kind: "note" },
    });
    const documentId: string = created.body.document.id;
    const versions = async (): Promise<VersionSummary[]> =>
      (await api(`/api/documents/${documentId}/versions`, people.viewer.cookie)).body.versions;
    const client = await lexicalClient(server.url, documentId, people.editor.cookie);
    openClients.push(client);
    await client.edit(() => {
      $getRoot()
        .clear()
        .append($createParagraphNode().append($createTextNode("Eerste sessie.")));
    });
    await expect.poll(async () => (await versions()).length, { timeout: 10_000 }).toBe(1);
    const [first] = await versions();
    expect(first).toMatchObject({ kind: "auto", createdBy: null, contributors: [{ id: people.editor.id }] });
    const detail = await api(`/api/documents/${documentId}/versions/${first.id}`, people.viewer.cookie);
    expect(detail.body.version.plainText).toBe("Eerste sessie.");

    // Many sweeps later, with no edit, still one version.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await versions()).toHaveLength(1);

    const second = await lexicalClient(server.url, documentId, people.facilitator.cookie);
    openClients.push(second);
    await second.edit(() => {
      $getRoot().append($createParagraphNode().append($createTextNode("Tweede sessie.")));
    });
    // Two people in one session: both are credited (the editor writes after seeing the facilitator's line).
    await expect
      .poll(() => client.editor.getEditorState().read(() => $getRoot().getTextContent()))
      .toContain("Tweede");
    await client.edit(() => {
      $getRoot().append($createParagraphNode().append($createTextNode("Aangevuld.")));
    });
    await expect.poll(async () => (await versions()).length, { timeout: 10_000 }).toBe(2);
    const [latest] = await versions();
    expect(latest.contributors.map((p) => p.id).sort()).toEqual(
      [people.facilitator.id, people.editor.id].sort(),
    );
    const text = await api(`/api/documents/${documentId}/versions/${latest.id}`, people.viewer.cookie);
    expect(text.body.version.plainText).toBe("Eerste sessie.\nTweede sessie.\nAangevuld.");
  });
});

describe("thinning", () => {
  it("keeps the last automatic version of each old day and every named one, and moves the credit along", async () => {
    const { db } = server.themawerk.database;
    const people = await workspaceWithRoles(server.themawerk);
    const created = await api(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
      method: "POST",
      json: { title: "Oud verslag", kind: "note" },
    });
    const documentId: string = created.body.document.id;
    const content = (text: string) => ({
      lexicalJson: { root: { type: "root", children: [], version: 1 } } as never,
      plainText: text,
    });
    const at = [
      "2026-09-01T09:00:00.000Z",
      "2026-09-01T11:00:00.000Z",
      "2026-09-01T12:00:00.000Z",
      "2026-09-01T15:00:00.000Z",
      "2026-09-02T10:00:00.000Z",
      "2026-11-30T10:00:00.000Z",
      "2026-11-30T11:00:00.000Z",
    ];
    const kinds = ["auto", "auto", "named", "auto", "auto", "auto", "auto"] as const;
    const contributors = [
      [people.editor.id],
      [people.commenter.id],
      [],
      [people.facilitator.id],
      [],
      [people.editor.id],
      [people.viewer.id],
    ];
    const ids: string[] = [];
    for (let i = 0; i < at.length; i++) {
      const row = await insertVersion(db, {
        documentId,
        kind: kinds[i],
        name: kinds[i] === "named" ? "Na bijeenkomst 1" : null,
        title: "Oud verslag",
        content: content(`stand ${i}`),
        contributorIds: contributors[i],
        restoredFrom: null,
        createdBy: null,
      });
      await db.updateTable("document_versions").set({ created_at: at[i] }).where("id", "=", row.id).execute();
      ids.push(row.id);
    }
    const work = new WorkerTextExtractor();
    try {
      const service = new VersionsService(db, new AccessControl(db), server.themawerk.collab, work);
      expect(await service.thin("2026-11-01T00:00:00.000Z")).toBe(2);
    } finally {
      await work.close();
    }
    const left = (await listVersions(db, documentId)).reverse();
    // Gone: the two automatic versions of 1 September that a later one of that day follows.
    expect(left.map((v) => v.id)).toEqual([ids[2], ids[3], ids[4], ids[5], ids[6]]);
    // Their contributors are credited to the next version that stays (the named one).
    expect(left[0].contributorIds.sort()).toEqual([people.editor.id, people.commenter.id].sort());
    expect(left[1].contributorIds).toEqual([people.facilitator.id]);
  });
});
