import { $createParagraphNode, $createTextNode, $getRoot, type LexicalNode } from "lexical";
import { expect } from "vitest";
import { $createLessonNode, $isLessonNode, type LessonNode } from "../../shared/editor";
import type { LessonKind } from "../../shared/lessons";
import { apiCall } from "./api-client";
import type { FixtureUser } from "./fixtures";
import { type LexicalClient, lexicalClient } from "./lexical-client";

/** Themes, cases and lesson blocks made the way people make them: through the API and a live editor. */
export function lessonScenario(server: { url: string }) {
  const clients: LexicalClient[] = [];
  const api = (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
    apiCall(server.url, path, cookie, init);

  return {
    async createTheme(workspaceId: string, facilitator: FixtureUser, name: string): Promise<string> {
      const res = await api(`/api/workspaces/${workspaceId}/themes`, facilitator.cookie, {
        method: "POST",
        json: { name },
      });
      expect(res.status).toBe(201);
      return res.body.theme.id;
    },

    async createCase(workspaceId: string, editor: FixtureUser, title: string): Promise<string> {
      const res = await api(`/api/workspaces/${workspaceId}/documents`, editor.cookie, {
        method: "POST",
        json: { title, kind: "case", municipality: "Teststad", isCentreCity: false, outcome: "struggled" },
      });
      expect(res.status).toBe(201);
      return res.body.document.id;
    },

    /** Writes lesson blocks into a case as `editor` and waits until the server lists them; their ids in order. */
    async writeLessons(
      workspaceId: string,
      documentId: string,
      editor: FixtureUser,
      blocks: Array<[LessonKind, string[], string]>,
    ): Promise<string[]> {
      const client = await lexicalClient(server.url, documentId, editor.cookie);
      clients.push(client);
      await client.edit(() => {
        $getRoot().append(
          $createParagraphNode().append($createTextNode("Inleiding")),
          ...blocks.map(([kind, themes, text]) =>
            $createLessonNode(kind, themes).append($createTextNode(text)),
          ),
        );
      });
      const ids = client.editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .filter((n: LexicalNode): n is LessonNode => $isLessonNode(n))
          .map((n) => n.getLessonId()),
      );
      await expect
        .poll(
          async () => {
            const res = await api(`/api/workspaces/${workspaceId}/lessons`, editor.cookie);
            return (res.body.lessons as Array<{ id: string }>).map((l) => l.id).sort();
          },
          { timeout: 10_000 },
        )
        .toEqual([...ids].sort());
      return ids;
    },

    /** Closes the editors opened for writing lessons. */
    close() {
      for (const client of clients.splice(0)) client.destroy();
    },
  };
}
