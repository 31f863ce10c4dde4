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
      json: { title: "Casus Kleinegem", kind: "case", municipality: "Kleinegem", isCentreCity: false, outcome: "struggled" },
    })
  ).body.document;
  const client = await lexicalClient(server.url, doc.id, people.editor.cookie);
  await client.edit(() => {
    $getRoot().append(
      $createParagraphNode().append($createTextNode("Het klaverbladmodel bleef onduidelijk voor de promotoren.")),
      $createLessonNode("pitfall", [theme.id]).append($createTextNode("De dienstenwijzer raakte verouderd in kleine gemeenten")),
    );
  });
  const search = (query: string, who = people.viewer) => api(`/api/workspaces/${people.workspaceId}/search?${query}`, who.cookie);
  const deadline = Date.now() + 15_000;
  while (((await search("q=dienstenwijzer&type=lesson")).body.hits?.length ?? 0) !== 1) {
    if (Date.now() > deadline) throw new Error("the pitfall was not indexed within 15 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return { api, people, theme, doc, client, search };
}
