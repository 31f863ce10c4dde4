import { $createHeadingNode } from "@lexical/rich-text";
import { $createParagraphNode, $createTextNode, $getRoot } from "lexical";
import { expect } from "vitest";
import { encodeDocumentUpdate } from "../../server/documents/initial-state";
import type { ApiAnswer } from "./api-client";
import { texts, themeNames } from "./demo-handbook-texts";
import { addMember, createDocument, createUser, type FixtureUser } from "./fixtures";
import { startTestApp, type TestApp } from "./test-app";

type Person = "facilitator" | "editor" | "commenter" | "viewer" | "outsider";
type Call = (
  path: string,
  who: FixtureUser | null,
  init?: { method?: string; json?: unknown },
) => Promise<ApiAnswer & { res: Response }>;

/** The demo workspace ready for a handbook: lessons validated, a chapter document and a recommendation with evidence. */
export interface DemoHandbook {
  t: TestApp;
  workspaceId: string;
  /** One member per role, and an outsider. */
  people: Record<Person, FixtureUser>;
  /** Theme ids by the keys of `themeNames`; lesson ids by the keys of `texts`. */
  theme: Record<string, string>;
  lesson: Record<string, string>;
  chapterDoc: string;
  recommendationDoc: string;
  /** A request to the app as `who` (no one: no cookie); the body parsed when it is JSON. */
  call: Call;
}

/**
 * Starts an app with the demo workspace and readies it for the handbook: every demo lesson but the masterplan
 * don't validated, a chapter document with a heading and a paragraph, a recommendation backed by three lessons.
 */
export async function startDemoHandbook(): Promise<DemoHandbook> {
  const t = await startTestApp({ DEMO: "1" });
  const call: Call = async (path, who, init = {}) => {
    const res = await t.request(path, { ...init, cookie: who?.cookie });
    const type = res.headers.get("Content-Type") ?? "";
    return { status: res.status, body: type.includes("json") ? await res.json() : null, res };
  };
  const db = t.themawerk.database.db;
  const workspaceId = (await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
  const people = {} as Record<Person, FixtureUser>;
  for (const role of ["facilitator", "editor", "commenter", "viewer"] as const) {
    people[role] = await createUser(t.themawerk, role);
    await addMember(t.themawerk, workspaceId, people[role], role);
  }
  people.outsider = await createUser(t.themawerk, "outsider");
  const theme: Record<string, string> = {};
  for (const row of await db.selectFrom("themes").select(["id", "name"]).execute()) {
    const key = Object.entries(themeNames).find(([, n]) => n === row.name)?.[0];
    if (key) theme[key] = row.id;
  }
  const lesson: Record<string, string> = {};
  for (const row of await db.selectFrom("lessons").select(["id", "text"]).execute()) {
    const key = Object.entries(texts).find(([, x]) => x === row.text)?.[0];
    if (key) lesson[key] = row.id;
  }
  // Validate every lesson but one, through the API; the don't on the masterplan stays a candidate.
  for (const [key, id] of Object.entries(lesson)) {
    if (key === "masterplanAlone") continue;
    const res = await call(`/api/lessons/${id}/status`, people.facilitator, {
      method: "PATCH",
      json: { status: "validated" },
    });
    expect(res.status).toBe(200);
  }
  const writeDocument = async (kind: string, title: string, build: () => void) => {
    const id = await createDocument(t.themawerk, workspaceId, people.editor, title, kind);
    await t.themawerk.collab.applyServerUpdate(id, encodeDocumentUpdate(build), people.editor.id);
    return id;
  };
  const chapterDoc = await writeDocument("chapter", "Hoofdstuk ontsluiten", () => {
    $getRoot()
      .clear()
      .append(
        $createHeadingNode("h2").append($createTextNode("Waarom dit thema")),
        $createParagraphNode().append($createTextNode("Het lokale aanbod moet vindbaar zijn.")),
      );
  });
  const recommendationDoc = await writeDocument("recommendation", "Een regisseur per gemeente", () => {
    $getRoot()
      .clear()
      .append($createParagraphNode().append($createTextNode("Het decreet voorziet een regisseur.")));
  });
  for (const id of [lesson.neighbours, lesson.weeklyGuide, lesson.minimalGuide]) {
    expect(
      (await call(`/api/documents/${recommendationDoc}/evidence/${id}`, people.editor, { method: "PUT" }))
        .status,
    ).toBe(200);
  }
  return { t, workspaceId, people, theme, lesson, chapterDoc, recommendationDoc, call };
}
