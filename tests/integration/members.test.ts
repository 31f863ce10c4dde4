import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvents } from "../../server/events";
import {
  addMember,
  createUser,
  createWorkspace,
  type FixtureUser,
  workspaceWithRoles,
} from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
const changes: DomainEvents["membershipChanged"][0][] = [];
beforeAll(async () => {
  t = await startTestApp();
  w = await workspaceWithRoles(t.themawerk);
  t.themawerk.deps.events.on("membershipChanged", (e) => changes.push(e));
});
afterAll(async () => {
  await t.close();
});

const membersUrl = (workspaceId = w.workspaceId) => `/api/workspaces/${workspaceId}/members`;
const setRole = (by: FixtureUser, userId: string, role: unknown, workspaceId = w.workspaceId) =>
  t.request(`${membersUrl(workspaceId)}/${userId}`, { method: "PATCH", cookie: by.cookie, json: { role } });
const remove = (by: FixtureUser, userId: string, workspaceId = w.workspaceId) =>
  t.request(`${membersUrl(workspaceId)}/${userId}`, { method: "DELETE", cookie: by.cookie });
const roleOf = async (userId: string, workspaceId = w.workspaceId) => {
  const { members } = await (
    await t.request(membersUrl(workspaceId), { cookie: w.facilitator.cookie })
  ).json();
  return members.find((m: { userId: string }) => m.userId === userId)?.role;
};

describe("members list", () => {
  it("shows every member with name, email, role and join date to any member", async () => {
    const res = await t.request(membersUrl(), { cookie: w.viewer.cookie });
    expect(res.status).toBe(200);
    const { members } = await res.json();
    expect(members).toHaveLength(4);
    expect(members.find((m: { userId: string }) => m.userId === w.editor.id)).toEqual({
      userId: w.editor.id,
      name: "Eddy Editor",
      email: w.editor.email,
      role: "editor",
      joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await t.request(membersUrl(), { cookie: w.outsider.cookie })).status).toBe(404);
  });
});

describe("changing roles", () => {
  it("lets the facilitator change a role, and tells listeners", async () => {
    changes.length = 0;
    const res = await setRole(w.facilitator, w.commenter.id, "editor");
    expect(res.status).toBe(200);
    expect((await res.json()).member).toMatchObject({ userId: w.commenter.id, role: "editor" });
    expect(await roleOf(w.commenter.id)).toBe("editor");
    expect(changes).toEqual([{ workspaceId: w.workspaceId, userId: w.commenter.id, role: "editor" }]);
    await setRole(w.facilitator, w.commenter.id, "commenter");
  });

  it("refuses other roles (403) and outsiders (404)", async () => {
    for (const by of [w.editor, w.commenter, w.viewer]) {
      expect((await setRole(by, w.viewer.id, "editor")).status).toBe(403);
    }
    expect((await setRole(w.outsider, w.viewer.id, "editor")).status).toBe(404);
    expect(await roleOf(w.viewer.id)).toBe("viewer");
  });

  it("answers 404 for someone who is not a member and 400 for an unknown role", async () => {
    expect((await setRole(w.facilitator, w.outsider.id, "viewer")).status).toBe(404);
    const bad = await setRole(w.facilitator, w.viewer.id, "owner");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("role");
  });

  it("never demotes the last facilitator (409), also when they demote themselves", async () => {
    const res = await setRole(w.facilitator, w.facilitator.id, "editor");
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("conflict");
    expect(await roleOf(w.facilitator.id)).toBe("facilitator");
  });

  it("with two facilitators one may step down, then the other is the last", async () => {
    const owner = await createUser(t.themawerk, "Olga Owner");
    const second = await createUser(t.themawerk, "Sam Second");
    const ws = await createWorkspace(t.themawerk, owner);
    await addMember(t.themawerk, ws, second, "facilitator");
    expect((await setRole(owner, owner.id, "viewer", ws)).status).toBe(200);
    expect((await setRole(second, second.id, "editor", ws)).status).toBe(409);
    // The former facilitator may no longer manage members.
    expect((await setRole(owner, owner.id, "facilitator", ws)).status).toBe(403);
  });

  it("two facilitators demoting each other at once: exactly one succeeds", async () => {
    const a = await createUser(t.themawerk, "Anna A");
    const b = await createUser(t.themawerk, "Bram B");
    const ws = await createWorkspace(t.themawerk, a);
    await addMember(t.themawerk, ws, b, "facilitator");
    const statuses = (
      await Promise.all([setRole(a, b.id, "editor", ws), setRole(b, a.id, "editor", ws)])
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200 || s === 403 || s === 409)).toHaveLength(2);
    const { members } = await (
      await t.request(membersUrl(ws), { cookie: statuses[0] === 200 ? a.cookie : b.cookie })
    ).json();
    expect(members.filter((m: { role: string }) => m.role === "facilitator")).toHaveLength(1);
  });
});

describe("removing members", () => {
  it("lets the facilitator remove a member, who then no longer sees the workspace", async () => {
    const leaver = await createUser(t.themawerk, "Lotte Leaver");
    await addMember(t.themawerk, w.workspaceId, leaver, "editor");
    changes.length = 0;
    const res = await remove(w.facilitator, leaver.id);
    expect(res.status).toBe(204);
    expect(changes).toEqual([{ workspaceId: w.workspaceId, userId: leaver.id, role: undefined }]);
    expect((await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: leaver.cookie })).status).toBe(404);
    expect((await remove(w.facilitator, leaver.id)).status).toBe(404);
  });

  it("refuses other roles (403) and outsiders (404)", async () => {
    for (const by of [w.editor, w.commenter, w.viewer])
      expect((await remove(by, w.viewer.id)).status).toBe(403);
    expect((await remove(w.outsider, w.viewer.id)).status).toBe(404);
    expect(await roleOf(w.viewer.id)).toBe("viewer");
  });

  it("never removes the last facilitator (409)", async () => {
    expect((await remove(w.facilitator, w.facilitator.id)).status).toBe(409);
    expect(await roleOf(w.facilitator.id)).toBe("facilitator");
  });
});
