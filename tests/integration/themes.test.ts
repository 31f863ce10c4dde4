import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let p: Awaited<ReturnType<typeof workspaceWithRoles>>;
const themesOf = (id: string) => `/api/workspaces/${id}/themes`;

beforeAll(async () => {
  t = await startTestApp();
  p = await workspaceWithRoles(t.themawerk);
});
afterAll(async () => {
  await t.close();
});

describe("themes", () => {
  it("are managed by the facilitator only", async () => {
    for (const who of [p.editor, p.commenter, p.viewer]) {
      const res = await t.request(themesOf(p.workspaceId), { cookie: who.cookie, json: { name: "Partnerschap" } });
      expect(res.status).toBe(403);
    }
    expect((await t.request(themesOf(p.workspaceId), { cookie: p.outsider.cookie, json: { name: "X" } })).status).toBe(404);
    expect((await t.request(themesOf(p.workspaceId), { json: { name: "X" } })).status).toBe(401);
    const created = await t.request(themesOf(p.workspaceId), { cookie: p.facilitator.cookie, json: { name: "Partnerschap" } });
    expect(created.status).toBe(201);
    expect((await created.json()).theme).toMatchObject({ name: "Partnerschap", archived: false, lessonCount: 0 });
    const list = await (await t.request(themesOf(p.workspaceId), { cookie: p.viewer.cookie })).json();
    expect(list.themes.map((x: { name: string }) => x.name)).toEqual(["Partnerschap"]);
  });

  it("refuses a duplicate name, an empty name and unknown fields", async () => {
    const dup = await t.request(themesOf(p.workspaceId), { cookie: p.facilitator.cookie, json: { name: "partnerschap" } });
    expect(dup.status).toBe(409);
    const empty = await t.request(themesOf(p.workspaceId), { cookie: p.facilitator.cookie, json: { name: "  " } });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.field).toBe("name");
    const list = await (await t.request(themesOf(p.workspaceId), { cookie: p.viewer.cookie })).json();
    expect(list.themes).toHaveLength(1);
  });

  it("renames, reorders, archives and restores", async () => {
    const a = (await (await t.request(themesOf(p.workspaceId), { cookie: p.facilitator.cookie, json: { name: "Masterplan" } })).json()).theme;
    const renamed = await t.request(`/api/themes/${a.id}`, {
      method: "PATCH",
      cookie: p.facilitator.cookie,
      json: { name: "Masterplan diensteneconomie", position: 0 },
    });
    expect((await renamed.json()).theme.name).toBe("Masterplan diensteneconomie");
    await t.request(`/api/themes/${a.id}`, { method: "PATCH", cookie: p.facilitator.cookie, json: { archived: true } });
    const active = await (await t.request(themesOf(p.workspaceId), { cookie: p.viewer.cookie })).json();
    expect(active.themes.map((x: { id: string }) => x.id)).not.toContain(a.id);
    const all = await (await t.request(`${themesOf(p.workspaceId)}?archived=1`, { cookie: p.viewer.cookie })).json();
    expect(all.themes.find((x: { id: string }) => x.id === a.id).archived).toBe(true);
    expect(
      (await t.request(`/api/themes/${a.id}`, { method: "PATCH", cookie: p.editor.cookie, json: { archived: false } })).status,
    ).toBe(403);
  });

  it("merges only into another live theme of the same workspace", async () => {
    const list = await (await t.request(themesOf(p.workspaceId), { cookie: p.viewer.cookie })).json();
    const [first] = list.themes;
    const self = await t.request(`/api/themes/${first.id}/merge`, { cookie: p.facilitator.cookie, json: { intoThemeId: first.id } });
    expect(self.status).toBe(400);
    const foreignWorkspace = (await (await t.request("/api/workspaces", { cookie: p.outsider.cookie })).json()).workspaces[0].id;
    const foreign = (
      await (await t.request(themesOf(foreignWorkspace), { cookie: p.outsider.cookie, json: { name: "Elders" } })).json()
    ).theme;
    const across = await t.request(`/api/themes/${first.id}/merge`, { cookie: p.facilitator.cookie, json: { intoThemeId: foreign.id } });
    expect(across.status).toBe(400);
    expect((await t.request(`/api/themes/${foreign.id}`, { method: "PATCH", cookie: p.facilitator.cookie, json: { name: "Y" } })).status).toBe(404);
  });
});
