import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { addMember, createUser, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
let admin: string;
let newcomer: FixtureUser;
beforeAll(async () => {
  t = await startTestApp({ ADMIN_EMAIL: "admin@example.test", ADMIN_PASSWORD: "admin password" });
  w = await workspaceWithRoles(t.themawerk);
  newcomer = await createUser(t.themawerk, "Nina Newcomer");
  const res = await t.request("/api/auth/login", {
    json: { email: "admin@example.test", password: "admin password" },
  });
  admin = `${SESSION_COOKIE}=${/themawerk_session=([a-z2-7]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1]}`;
});
afterAll(async () => {
  await t.close();
});

const countWorkspaces = async () =>
  Number(
    (
      await t.themawerk.database.db
        .selectFrom("workspaces")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("creating workspaces", () => {
  it("lets an administrator create one; the creator becomes facilitator", async () => {
    const res = await t.request("/api/workspaces", {
      cookie: admin,
      json: { name: " Werkgroep armoede ", description: "Over armoede", period: "2024" },
    });
    expect(res.status).toBe(201);
    const { workspace } = await res.json();
    expect(workspace).toMatchObject({
      name: "Werkgroep armoede",
      description: "Over armoede",
      period: "2024",
      role: "facilitator",
    });
    expect(workspace.id).toMatch(/^[a-z0-9]{16}$/);
    expect(new Date(workspace.createdAt).toISOString()).toBe(workspace.createdAt);
    const list = await (await t.request("/api/workspaces", { cookie: admin })).json();
    expect(list.workspaces.map((x: { id: string }) => x.id)).toEqual([workspace.id]);
  });

  it("lets a facilitator of another workspace create one (description and period optional)", async () => {
    const res = await t.request("/api/workspaces", {
      cookie: w.facilitator.cookie,
      json: { name: "Tweede" },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).workspace).toMatchObject({ name: "Tweede", description: "", period: "" });
  });

  it("refuses people who are neither admin nor facilitator (403), and says so on /api/me", async () => {
    const before = await countWorkspaces();
    for (const user of [w.editor, w.viewer, newcomer]) {
      const res = await t.request("/api/workspaces", { cookie: user.cookie, json: { name: "Mag niet" } });
      expect(res.status).toBe(403);
      const me = await (await t.request("/api/me", { cookie: user.cookie })).json();
      expect(me.user.canCreateWorkspaces).toBe(false);
    }
    const me = await (await t.request("/api/me", { cookie: w.facilitator.cookie })).json();
    expect(me.user.canCreateWorkspaces).toBe(true);
    expect((await (await t.request("/api/me", { cookie: admin })).json()).user).toMatchObject({
      isAdmin: true,
      canCreateWorkspaces: true,
    });
    expect(await countWorkspaces()).toBe(before);
  });

  it("refuses a missing or too long name with 400 naming the field, storing nothing", async () => {
    const before = await countWorkspaces();
    for (const json of [
      {},
      { name: "" },
      { name: "x".repeat(121) },
      { name: "ok", period: "x".repeat(101) },
    ]) {
      const res = await t.request("/api/workspaces", { cookie: admin, json });
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe("period" in json ? "period" : "name");
    }
    expect(await countWorkspaces()).toBe(before);
  });
});

describe("listing and viewing", () => {
  it("lists only my workspaces, each with my role", async () => {
    const res = await t.request("/api/workspaces", { cookie: w.commenter.cookie });
    expect(res.status).toBe(200);
    const { workspaces } = await res.json();
    expect(workspaces).toHaveLength(1);
    expect(workspaces[0]).toMatchObject({ id: w.workspaceId, role: "commenter" });
    expect(
      (await (await t.request("/api/workspaces", { cookie: newcomer.cookie })).json()).workspaces,
    ).toEqual([]);
  });

  it("shows a workspace to its members and 404 to anyone else", async () => {
    const res = await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: w.viewer.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).workspace).toMatchObject({
      id: w.workspaceId,
      name: "Testwerkruimte",
      role: "viewer",
    });
    const outsider = await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: w.outsider.cookie });
    expect(outsider.status).toBe(404);
    const unknown = await t.request("/api/workspaces/doesnotexist0000", { cookie: w.outsider.cookie });
    expect(unknown.status).toBe(404);
    expect(await outsider.json()).toEqual(await unknown.json());
  });
});

describe("renaming", () => {
  it("lets the facilitator rename and describe the workspace", async () => {
    const res = await t.request(`/api/workspaces/${w.workspaceId}`, {
      method: "PATCH",
      cookie: w.facilitator.cookie,
      json: { name: "Nieuwe naam", description: "Nieuwe omschrijving" },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).workspace).toMatchObject({
      name: "Nieuwe naam",
      description: "Nieuwe omschrijving",
    });
    const seen = await (
      await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: w.editor.cookie })
    ).json();
    expect(seen.workspace.name).toBe("Nieuwe naam");
  });

  it("refuses other roles (403) and outsiders (404), changing nothing", async () => {
    for (const user of [w.editor, w.commenter, w.viewer]) {
      const res = await t.request(`/api/workspaces/${w.workspaceId}`, {
        method: "PATCH",
        cookie: user.cookie,
        json: { name: "Gekaapt" },
      });
      expect(res.status).toBe(403);
    }
    const res = await t.request(`/api/workspaces/${w.workspaceId}`, {
      method: "PATCH",
      cookie: w.outsider.cookie,
      json: { name: "Gekaapt" },
    });
    expect(res.status).toBe(404);
    const seen = await (
      await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: w.viewer.cookie })
    ).json();
    expect(seen.workspace.name).toBe("Nieuwe naam");
  });

  it("refuses unknown fields and an empty name", async () => {
    for (const json of [{ name: "" }, { role: "facilitator" }]) {
      const res = await t.request(`/api/workspaces/${w.workspaceId}`, {
        method: "PATCH",
        cookie: w.facilitator.cookie,
        json,
      });
      expect(res.status).toBe(400);
    }
  });

  it("a member added later sees the workspace in their list", async () => {
    await addMember(t.themawerk, w.workspaceId, newcomer, "viewer");
    const { workspaces } = await (await t.request("/api/workspaces", { cookie: newcomer.cookie })).json();
    expect(workspaces.map((x: { id: string }) => x.id)).toEqual([w.workspaceId]);
  });
});
