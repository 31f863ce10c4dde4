import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import type { AppEnv } from "../../server/http/app-env";
import { createAccountModules } from "../../server/modules/auth";
import { addMember, createUser, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

/**
 * Every accounts route × every kind of caller: the four roles, a member of another workspace
 * (who is facilitator there) and no session. Each cell is the expected HTTP status.
 */
const actors = ["facilitator", "editor", "commenter", "viewer", "outsider", "none"] as const;
type Actor = (typeof actors)[number];
type Row = [
  facilitator: number,
  editor: number,
  commenter: number,
  viewer: number,
  outsider: number,
  none: number,
];

const PASSWORD = "matrix password";
let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await workspaceWithRoles(t.themawerk);
  // Real password hashes, so login and password change can run for every actor.
  const passwordHash = await hashPassword(PASSWORD);
  await t.themawerk.database.db.updateTable("users").set({ password_hash: passwordHash }).execute();
});
afterAll(async () => {
  await t.close();
});

const user = (actor: Actor): FixtureUser | undefined => (actor === "none" ? undefined : w[actor]);
const cookieOf = (actor: Actor) => user(actor)?.cookie;
/** A session of its own, for routes that end it. */
async function freshCookie(actor: Actor): Promise<string | undefined> {
  const u = user(actor);
  if (!u) return undefined;
  const s = await t.themawerk.deps.sessions.create(u.id);
  return `${SESSION_COOKIE}=${s.token}`;
}
const ws = () => `/api/workspaces/${w.workspaceId}`;
async function newTarget(): Promise<string> {
  const target = await createUser(t.themawerk, "Tina Target");
  await addMember(t.themawerk, w.workspaceId, target, "viewer");
  return target.id;
}
async function newInvite(): Promise<{ id: string; token: string }> {
  const res = await t.request(`${ws()}/invites`, { cookie: w.facilitator.cookie, json: { role: "viewer" } });
  const body = await res.json();
  return { id: body.invite.id, token: body.token };
}

const matrix: Array<{ route: string; call: (a: Actor) => Promise<Response>; expected: Row }> = [
  {
    route: "POST /api/auth/login",
    call: (a) =>
      t.request("/api/auth/login", { json: { email: (user(a) ?? w.viewer).email, password: PASSWORD } }),
    expected: [200, 200, 200, 200, 200, 200],
  },
  {
    route: "POST /api/auth/logout",
    call: async (a) => t.request("/api/auth/logout", { method: "POST", cookie: await freshCookie(a) }),
    expected: [204, 204, 204, 204, 204, 204],
  },
  {
    route: "GET /api/me",
    call: (a) => t.request("/api/me", { cookie: cookieOf(a) }),
    expected: [200, 200, 200, 200, 200, 401],
  },
  {
    route: "PATCH /api/me",
    call: (a) => t.request("/api/me", { method: "PATCH", cookie: cookieOf(a), json: { locale: "nl" } }),
    expected: [200, 200, 200, 200, 200, 401],
  },
  {
    route: "POST /api/me/password",
    call: (a) =>
      t.request("/api/me/password", {
        cookie: cookieOf(a),
        json: { currentPassword: PASSWORD, newPassword: PASSWORD },
      }),
    expected: [204, 204, 204, 204, 204, 401],
  },
  {
    route: "GET /api/workspaces",
    call: (a) => t.request("/api/workspaces", { cookie: cookieOf(a) }),
    expected: [200, 200, 200, 200, 200, 401],
  },
  {
    route: "POST /api/workspaces",
    call: (a) => t.request("/api/workspaces", { cookie: cookieOf(a), json: { name: "Nieuw" } }),
    // The outsider is facilitator of their own workspace, so may create one.
    expected: [201, 403, 403, 403, 201, 401],
  },
  {
    route: "GET /api/workspaces/:id",
    call: (a) => t.request(ws(), { cookie: cookieOf(a) }),
    expected: [200, 200, 200, 200, 404, 401],
  },
  {
    route: "PATCH /api/workspaces/:id",
    call: (a) => t.request(ws(), { method: "PATCH", cookie: cookieOf(a), json: { name: "Testwerkruimte" } }),
    expected: [200, 403, 403, 403, 404, 401],
  },
  {
    route: "GET /api/workspaces/:id/members",
    call: (a) => t.request(`${ws()}/members`, { cookie: cookieOf(a) }),
    expected: [200, 200, 200, 200, 404, 401],
  },
  {
    route: "PATCH /api/workspaces/:id/members/:userId",
    call: async (a) =>
      t.request(`${ws()}/members/${await newTarget()}`, {
        method: "PATCH",
        cookie: cookieOf(a),
        json: { role: "commenter" },
      }),
    expected: [200, 403, 403, 403, 404, 401],
  },
  {
    route: "DELETE /api/workspaces/:id/members/:userId",
    call: async (a) =>
      t.request(`${ws()}/members/${await newTarget()}`, { method: "DELETE", cookie: cookieOf(a) }),
    expected: [204, 403, 403, 403, 404, 401],
  },
  {
    route: "GET /api/workspaces/:id/invites",
    call: (a) => t.request(`${ws()}/invites`, { cookie: cookieOf(a) }),
    expected: [200, 403, 403, 403, 404, 401],
  },
  {
    route: "POST /api/workspaces/:id/invites",
    call: (a) => t.request(`${ws()}/invites`, { cookie: cookieOf(a), json: { role: "viewer" } }),
    expected: [201, 403, 403, 403, 404, 401],
  },
  {
    route: "DELETE /api/workspaces/:id/invites/:inviteId",
    call: async (a) =>
      t.request(`${ws()}/invites/${(await newInvite()).id}`, { method: "DELETE", cookie: cookieOf(a) }),
    expected: [204, 403, 403, 403, 404, 401],
  },
  {
    route: "GET /api/invites/:token",
    call: async (a) => t.request(`/api/invites/${(await newInvite()).token}`, { cookie: cookieOf(a) }),
    expected: [200, 200, 200, 200, 200, 200],
  },
  {
    // Last: the outsider joins the workspace here. Members already in it get 409.
    route: "POST /api/invites/:token/accept",
    call: async (a) =>
      t.request(`/api/invites/${(await newInvite()).token}/accept`, { cookie: cookieOf(a), json: {} }),
    expected: [409, 409, 409, 409, 200, 401],
  },
];

describe("role matrix", () => {
  it("covers every route the accounts modules register", () => {
    const probe = new Hono<AppEnv>();
    for (const mount of createAccountModules(t.themawerk.deps)) mount(probe);
    const registered = probe.routes.map((r) => `${r.method} ${r.path}`).sort();
    expect(matrix.map((m) => m.route).sort()).toEqual(registered);
  });

  for (const { route, call, expected } of matrix) {
    it(route, async () => {
      const got: Record<string, number> = {};
      for (const actor of actors) got[actor] = (await call(actor)).status;
      expect(got).toEqual(Object.fromEntries(actors.map((a, i) => [a, expected[i]])));
    });
  }
});
