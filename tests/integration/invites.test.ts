import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../server/auth/session-token";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import { createUser, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  t = await startTestApp();
  w = await workspaceWithRoles(t.themawerk);
});
afterAll(async () => {
  await t.close();
});

const db = () => t.themawerk.database.db;
const invitesUrl = (workspaceId = w.workspaceId) => `/api/workspaces/${workspaceId}/invites`;

async function invite(role = "editor", by: FixtureUser = w.facilitator) {
  const res = await t.request(invitesUrl(), { cookie: by.cookie, json: { role } });
  expect(res.status).toBe(201);
  return (await res.json()) as { invite: { id: string; role: string }; token: string; url: string };
}
const accept = (token: string, json: unknown, cookie?: string) =>
  t.request(`/api/invites/${token}/accept`, { json, cookie });
const userCount = async () =>
  Number(
    (
      await db()
        .selectFrom("users")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
const sessionCookie = (res: Response) => {
  const token = /themawerk_session=([a-z2-7]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  return token ? `${SESSION_COOKIE}=${token}` : undefined;
};

describe("creating and listing invitations", () => {
  it("gives the facilitator a link with a token that is stored only as its hash", async () => {
    const created = await invite("commenter");
    expect(created.token).toMatch(/^[a-z2-7]{32}$/);
    expect(created.url).toBe(`http://localhost:8080/uitnodiging/${created.token}`);
    expect(created.invite).toMatchObject({ role: "commenter", createdBy: "Fien Facilitator" });
    const days =
      (Date.parse((created.invite as unknown as { expiresAt: string }).expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const row = await db()
      .selectFrom("invites")
      .selectAll()
      .where("id", "=", created.invite.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
  });

  it("lists open invitations without their tokens", async () => {
    const created = await invite("viewer");
    const res = await t.request(invitesUrl(), { cookie: w.facilitator.cookie });
    expect(res.status).toBe(200);
    const { invites } = await res.json();
    expect(invites.map((i: { id: string }) => i.id)).toContain(created.invite.id);
    expect(JSON.stringify(invites)).not.toContain(created.token);
  });

  it("only facilitators manage invitations (403 for other roles, 404 for outsiders)", async () => {
    for (const by of [w.editor, w.commenter, w.viewer]) {
      expect((await t.request(invitesUrl(), { cookie: by.cookie, json: { role: "viewer" } })).status).toBe(
        403,
      );
      expect((await t.request(invitesUrl(), { cookie: by.cookie })).status).toBe(403);
    }
    expect(
      (await t.request(invitesUrl(), { cookie: w.outsider.cookie, json: { role: "viewer" } })).status,
    ).toBe(404);
  });

  it("refuses an unknown role with 400 naming the field", async () => {
    const res = await t.request(invitesUrl(), { cookie: w.facilitator.cookie, json: { role: "admin" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe("role");
  });
});

describe("preview", () => {
  it("shows the workspace and role to anyone holding the token", async () => {
    const created = await invite("editor");
    const res = await t.request(`/api/invites/${created.token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      workspace: { id: w.workspaceId, name: "Testwerkruimte" },
      role: "editor",
      expiresAt: expect.any(String),
    });
  });

  it("answers 404 for an unknown token and 410 for an expired one", async () => {
    expect((await t.request(`/api/invites/${"a".repeat(32)}`)).status).toBe(404);
    expect((await t.request("/api/invites/not-a-token")).status).toBe(404);
    const created = await invite();
    const past = new Date(Date.now() - 1000).toISOString();
    await db().updateTable("invites").set({ expires_at: past }).where("id", "=", created.invite.id).execute();
    const res = await t.request(`/api/invites/${created.token}`);
    expect(res.status).toBe(410);
    expect((await res.json()).error.code).toBe("gone");
    expect(
      (await accept(created.token, { name: "Te laat", email: "late@example.test", password: "password1" }))
        .status,
    ).toBe(410);
    const { invites } = await (await t.request(invitesUrl(), { cookie: w.facilitator.cookie })).json();
    expect(invites.map((i: { id: string }) => i.id)).not.toContain(created.invite.id);
  });
});

describe("accepting as a new person", () => {
  it("creates the account, the membership and a session; the link then is used up", async () => {
    const created = await invite("editor");
    const res = await accept(created.token, {
      name: "Nieuwe Nel",
      email: "Nel@Example.test",
      password: "nel password",
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.workspaceId).toBe(w.workspaceId);
    expect(body.user).toMatchObject({
      email: "nel@example.test",
      name: "Nieuwe Nel",
      canCreateWorkspaces: false,
    });
    const cookie = sessionCookie(res)!;
    expect(cookie).toBeDefined();
    const ws = await (await t.request(`/api/workspaces/${w.workspaceId}`, { cookie })).json();
    expect(ws.workspace.role).toBe("editor");

    expect((await t.request(`/api/invites/${created.token}`)).status).toBe(410);
    expect(
      (await accept(created.token, { name: "Nog een", email: "again@example.test", password: "password1" }))
        .status,
    ).toBe(410);
    const login = await t.request("/api/auth/login", {
      json: { email: "nel@example.test", password: "nel password" },
    });
    expect(login.status).toBe(200);
    const row = await db()
      .selectFrom("invites")
      .select(["used_at", "used_by"])
      .where("id", "=", created.invite.id)
      .executeTakeFirstOrThrow();
    expect(row.used_by).toBe(body.user.id);
    expect(row.used_at).not.toBeNull();
  });

  it("an email that already has an account is refused (409, log in first); nothing is used up", async () => {
    const created = await invite("viewer");
    const before = await userCount();
    const res = await accept(created.token, {
      name: "Dubbel",
      email: w.viewer.email.toUpperCase(),
      password: "password1",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/log in/i);
    expect(sessionCookie(res)).toBeUndefined();
    expect(await userCount()).toBe(before);
    expect((await t.request(`/api/invites/${created.token}`)).status).toBe(200);
  });

  it("names the bad field (400) and stores nothing", async () => {
    const created = await invite("viewer");
    const before = await userCount();
    const cases: Array<[unknown, string]> = [
      [{ email: "x@example.test", password: "password1" }, "name"],
      [{ name: "X", password: "password1" }, "email"],
      [{ name: "X", email: "not-an-email", password: "password1" }, "email"],
      [{ name: "X", email: "x@example.test", password: "short" }, "password"],
      [{ name: "X", email: "x@example.test", password: "p".repeat(257) }, "password"],
      [{ name: ["X"], email: "x@example.test", password: "password1" }, "name"],
    ];
    for (const [json, field] of cases) {
      const res = await accept(created.token, json);
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    expect(await userCount()).toBe(before);
    expect((await t.request(`/api/invites/${created.token}`)).status).toBe(200);
  });

  it("two people accepting one link at once: exactly one gets in", async () => {
    const created = await invite("commenter");
    const before = await userCount();
    const results = await Promise.all([
      accept(created.token, { name: "Een", email: "een@example.test", password: "password1" }),
      accept(created.token, { name: "Twee", email: "twee@example.test", password: "password1" }),
    ]);
    // The other is refused: 409 (the generic refusal) when both got past the link's check, 410 when
    // it came after the link was used up.
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 410]).toContain(statuses[1]);
    expect(await userCount()).toBe(before + 1);
  });
});

describe("accepting when logged in", () => {
  it("joins with one click ({} body) in the invited role, keeping the session", async () => {
    const person = await createUser(t.themawerk, "Karel Klik");
    const created = await invite("commenter");
    const res = await accept(created.token, {}, person.cookie);
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).toBeUndefined();
    expect(await res.json()).toMatchObject({ workspaceId: w.workspaceId, user: { id: person.id } });
    const ws = await (await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: person.cookie })).json();
    expect(ws.workspace.role).toBe("commenter");
  });

  it("needs a session for {} (401) and refuses an existing member (409) without using the link", async () => {
    const created = await invite("editor");
    expect((await accept(created.token, {})).status).toBe(401);
    const res = await accept(created.token, {}, w.viewer.cookie);
    expect(res.status).toBe(409);
    const ws = await (
      await t.request(`/api/workspaces/${w.workspaceId}`, { cookie: w.viewer.cookie })
    ).json();
    expect(ws.workspace.role).toBe("viewer");
    expect((await t.request(`/api/invites/${created.token}`)).status).toBe(200);
  });
});

describe("revoking", () => {
  it("makes the link unusable (410) and removes it from the list", async () => {
    const created = await invite("editor");
    const res = await t.request(`${invitesUrl()}/${created.invite.id}`, {
      method: "DELETE",
      cookie: w.facilitator.cookie,
    });
    expect(res.status).toBe(204);
    expect((await t.request(`/api/invites/${created.token}`)).status).toBe(410);
    const person = await createUser(t.themawerk, "Rita Revoked");
    expect((await accept(created.token, {}, person.cookie)).status).toBe(410);
    const { invites } = await (await t.request(invitesUrl(), { cookie: w.facilitator.cookie })).json();
    expect(invites.map((i: { id: string }) => i.id)).not.toContain(created.invite.id);
    expect(
      (
        await t.request(`${invitesUrl()}/${created.invite.id}`, {
          method: "DELETE",
          cookie: w.facilitator.cookie,
        })
      ).status,
    ).toBe(404);
  });

  it("only the workspace's facilitators may revoke", async () => {
    const created = await invite("viewer");
    for (const by of [w.editor, w.commenter, w.viewer]) {
      expect(
        (await t.request(`${invitesUrl()}/${created.invite.id}`, { method: "DELETE", cookie: by.cookie }))
          .status,
      ).toBe(403);
    }
    // The outsider is facilitator elsewhere: still 404 here, and the invite stays open.
    expect(
      (
        await t.request(`${invitesUrl()}/${created.invite.id}`, {
          method: "DELETE",
          cookie: w.outsider.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await t.request(`/api/invites/${created.token}`)).status).toBe(200);
  });
});
