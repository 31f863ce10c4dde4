import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { $createLessonNode } from "../../shared/editor";
import { apiClient } from "./api-client";
import { workspaceWithRoles } from "./fixtures";
import { lexicalClient } from "./lexical-client";
import type { TestServer } from "./test-server";

/**
 * A workspace with a theme and a case document in which an editor wrote, through the real collaboration
 * server, a paragraph and a pitfall on that theme — the starting point of the search API tests.
 */
export async function searchScenario(server: TestServer) {
  const api = apiClient(server.url);
  const people = await workspaceWithRoles(server.themawerk);
  const theme = (
    await api(`/api/workspaces/${people.workspaceId}/themes`, people.facilitator.cookie, {
      method: "POST",
      json: { name: "Dienstenwijzer" },
    })
  ).body.theme;
  const doc = (
    await api(`/api/workspaces/${people.workspaceId}/documents`, people.editor.cookie, {
      method: "POST",
      json: {
        title: "Casus Kleinegem",
        kind: "case",
        municipality: "Kleinegem",
        isCentreCity: false,
        outcome: "struggled",
      },
    })
  ).body.document;
  const client = await lexicalClient(server.url, doc.id, people.editor.cookie);
  await client.edit(() => {
    $getRoot().append(
      $createParagraphNode().append(
        $createTextNode("Het klaverbladmodel bleef onduidelijk voor de promotoren."),
      ),
      $createLessonNode("pitfall", [theme.id]).append(
        $createTextNode("De dienstenwijzer raakte verouderd in kleine gemeenten"),
      ),
    );
  });
  const search = (query: string, who = people.viewer) =>
    api(`/api/workspaces/${people.workspaceId}/search?${query}`, who.cookie);
  const deadline = Date.now() + 15_000;
  while (((await search("q=dienstenwijzer&type=lesson")).body.hits?.length ?? 0) !== 1) {
    if (Date.now() > deadline) throw new Error("the pitfall was not indexed within 15 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return { api, people, theme, doc, client, search };
}

type SearchScenario = Awaited<ReturnType<typeof searchScenario>>;
const idsOf = (res: { body: { hits: { type: string; id: string }[] } }) =>
  res.body.hits.map((h) => `${h.type}:${h.id}`);

/**
 * Kind words are filters, on either engine: "valkuil dienstenwijzer" searches "dienstenwijzer" among
 * pitfalls and says how it read the query; `literal=1` (the chip taken away) searches every word as text.
 */
export async function checkKindWordsAreFilters(s: SearchScenario, expect: typeof import("vitest").expect) {
  const pitfall = await s.search(`q=${encodeURIComponent("Valkuil dienstenwijzer")}`);
  expect(pitfall.status).toBe(200);
  expect(pitfall.body.understood).toEqual({ lessonKinds: ["pitfall"], q: "dienstenwijzer" });
  expect(pitfall.body.hits).toHaveLength(1);
  expect(pitfall.body.hits[0]).toMatchObject({ type: "lesson", lessonKind: "pitfall", documentId: s.doc.id });
  // The same as asking for the kind by its filter.
  expect(idsOf(pitfall)).toEqual(idsOf(await s.search("q=dienstenwijzer&lessonKind=pitfall")));
  // English, plural, and a kind the document has none of.
  expect(idsOf(await s.search("q=pitfalls+dienstenwijzer"))).toEqual(idsOf(pitfall));
  const none = await s.search("q=knelpunt+dienstenwijzer");
  expect(none.body.understood).toEqual({ lessonKinds: ["bottleneck"], q: "dienstenwijzer" });
  expect(none.body.hits).toEqual([]);
  // Taken literally, "valkuil" is a word the text does not hold.
  const literal = await s.search(`q=${encodeURIComponent("valkuil dienstenwijzer")}&literal=1`);
  expect(literal.status).toBe(200);
  expect(literal.body.understood).toEqual({ lessonKinds: [], q: "valkuil dienstenwijzer" });
  expect(literal.body.hits).toEqual([]);
  // A kind word alone lists that kind.
  const all = await s.search("q=valkuilen");
  expect(all.body.hits.map((h: { lessonKind: string }) => h.lessonKind)).toEqual(["pitfall"]);
}

/** A new document is findable by its title at once, before anyone typed in it (either engine). */
export async function checkNewDocumentFindableByTitle(
  s: SearchScenario,
  expect: typeof import("vitest").expect,
) {
  const created = await s.api(`/api/workspaces/${s.people.workspaceId}/documents`, s.people.editor.cookie, {
    method: "POST",
    json: { title: "Verslag kwartiermakers", kind: "note" },
  });
  expect(created.status).toBe(201);
  const id = created.body.document.id;
  const deadline = Date.now() + 3_000;
  let found: string[] = [];
  while (Date.now() < deadline) {
    found = idsOf(await s.search("q=kwartiermakers&type=document"));
    if (found.length > 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(found).toEqual([`document:${id}`]);
}

/**
 * Synonyms per workspace, on either engine: a facilitator's group "KBM" ↔ "klaverbladmodel" makes "KBM" find the
 * text that says "klaverbladmodel", at once after the change and until the group is removed; only facilitators
 * keep them, bad input is refused with the JSON error, and a term sits in one group only.
 */
export async function checkSynonyms(s: SearchScenario, expect: typeof import("vitest").expect) {
  const path = `/api/workspaces/${s.people.workspaceId}/synonyms`;
  const kbm = async () => idsOf(await s.search("q=KBM"));
  expect(await kbm()).toEqual([]);
  for (const who of [s.people.editor, s.people.commenter, s.people.viewer]) {
    const refused = await s.api(path, who.cookie, {
      method: "POST",
      json: { terms: ["KBM", "klaverbladmodel"] },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
  }
  const bad = await s.api(path, s.people.facilitator.cookie, { method: "POST", json: { terms: ["KBM"] } });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/at least two/);
  const twice = await s.api(path, s.people.facilitator.cookie, {
    method: "POST",
    json: { terms: ["KBM", "kbm"] },
  });
  expect(twice.status).toBe(400);

  const created = await s.api(path, s.people.facilitator.cookie, {
    method: "POST",
    json: { terms: ["KBM", "klaverbladmodel"] },
  });
  expect(created.status).toBe(201);
  expect(created.body.synonym.terms).toEqual(["KBM", "klaverbladmodel"]);
  await expect.poll(kbm, { timeout: 10_000 }).toEqual([`document:${s.doc.id}`]);
  // Every member reads the list; a term already in a group cannot go in another.
  const listed = await s.api(path, s.people.viewer.cookie);
  expect(listed.body.synonyms.map((g: { terms: string[] }) => g.terms)).toEqual([["KBM", "klaverbladmodel"]]);
  const clash = await s.api(path, s.people.facilitator.cookie, {
    method: "POST",
    json: { terms: ["Klaverbladmodel", "KBM-model"] },
  });
  expect(clash.status).toBe(409);

  const groupPath = `/api/synonyms/${created.body.synonym.id}`;
  const editorPut = await s.api(groupPath, s.people.editor.cookie, {
    method: "PUT",
    json: { terms: ["a1", "b2"] },
  });
  expect(editorPut.status).toBe(403);
  const changed = await s.api(groupPath, s.people.facilitator.cookie, {
    method: "PUT",
    json: { terms: ["KBM", "dienstenwijzer"] },
  });
  expect(changed.status).toBe(200);
  // Now "KBM" means the dienstenwijzer: the pitfall about it is found too.
  const kbmTypes = async () =>
    (await s.search("q=KBM")).body.hits
      .map((h: { type: string; lessonKind: string | null }) => h.lessonKind ?? h.type)
      .sort();
  await expect.poll(kbmTypes, { timeout: 10_000 }).toEqual(["document", "pitfall"]);
  const removed = await s.api(groupPath, s.people.facilitator.cookie, { method: "DELETE" });
  expect(removed.status).toBe(204);
  await expect.poll(kbm, { timeout: 10_000 }).toEqual([]);
}
