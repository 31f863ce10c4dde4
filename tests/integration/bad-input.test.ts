import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

/** Malformed, mistyped, missing and oversized input on the accounts routes: 400 (or 413/415), nothing stored. */
let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
let inviteToken: string;
beforeAll(async () => {
  t = await startTestApp();
  w = await workspaceWithRoles(t.themawerk);
  const res = await t.request(`/api/workspaces/${w.workspaceId}/invites`, {
    cookie: w.facilitator.cookie,
    json: { role: "viewer" },
  });
  inviteToken = (await res.json()).token;
});
afterAll(async () => {
  await t.close();
});

/** Row counts of every table these routes write, to prove nothing was stored. */
async function snapshot() {
  const db = t.themawerk.database.db;
  const count = async (table: "users" | "sessions" | "workspaces" | "memberships" | "invites") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const names = await db.selectFrom("workspaces").select("name").orderBy("id").execute();
  const people = await db
    .selectFrom("users")
    .select(["name", "locale", "password_hash"])
    .orderBy("id")
    .execute();
  const roles = await db.selectFrom("memberships").select(["user_id", "role"]).orderBy("user_id").execute();
  return {
    users: await count("users"),
    sessions: await count("sessions"),
    workspaces: await count("workspaces"),
    memberships: await count("memberships"),
    invites: await count("invites"),
    names,
    people,
    roles,
  };
}

type Target = { method: string; path: () => string; cookie: () => string | undefined };
const targets: Record<string, Target> = {
  login: { method: "POST", path: () => "/api/auth/login", cookie: () => undefined },
  profile: { method: "PATCH", path: () => "/api/me", cookie: () => w.viewer.cookie },
  password: { method: "POST", path: () => "/api/me/password", cookie: () => w.viewer.cookie },
  createWorkspace: { method: "POST", path: () => "/api/workspaces", cookie: () => w.facilitator.cookie },
  renameWorkspace: {
    method: "PATCH",
    path: () => `/api/workspaces/${w.workspaceId}`,
    cookie: () => w.facilitator.cookie,
  },
  setRole: {
    method: "PATCH",
    path: () => `/api/workspaces/${w.workspaceId}/members/${w.viewer.id}`,
    cookie: () => w.facilitator.cookie,
  },
  invite: {
    method: "POST",
    path: () => `/api/workspaces/${w.workspaceId}/invites`,
    cookie: () => w.facilitator.cookie,
  },
  accept: { method: "POST", path: () => `/api/invites/${inviteToken}/accept`, cookie: () => undefined },
};

async function send(
  name: keyof typeof targets,
  body: string | ReadableStream,
  contentType = "application/json",
) {
  const target = targets[name];
  return t.request(target.path(), {
    method: target.method,
    cookie: target.cookie(),
    headers: { "Content-Type": contentType },
    body,
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);
}

/** [route, JSON body, field the error must name] */
const fieldCases: Array<[keyof typeof targets, unknown, string]> = [
  ["login", {}, "email"],
  ["login", { email: "a@example.test" }, "password"],
  ["login", { email: 42, password: "x" }, "email"],
  ["login", { email: "a@example.test", password: ["x"] }, "password"],
  ["login", { email: "a@example.test", password: "x".repeat(257) }, "password"],
  ["login", { email: `${"a".repeat(300)}@example.test`, password: "password1" }, "email"],
  ["profile", { name: null }, "name"],
  ["profile", { locale: 1 }, "locale"],
  ["password", { newPassword: "password2" }, "currentPassword"],
  ["password", { currentPassword: "x", newPassword: 12345678 }, "newPassword"],
  ["createWorkspace", { name: { nl: "x" } }, "name"],
  ["createWorkspace", { name: "ok", description: "d".repeat(2001) }, "description"],
  ["createWorkspace", { name: "x".repeat(500_000) }, "name"],
  ["renameWorkspace", { name: 7 }, "name"],
  ["setRole", {}, "role"],
  ["setRole", { role: "FACILITATOR" }, "role"],
  ["invite", { role: null }, "role"],
  ["accept", { name: "N", email: "n@example.test", password: 123456789 }, "password"],
  ["accept", { name: "x".repeat(121), email: "n@example.test", password: "password1" }, "name"],
];

describe("bad input", () => {
  it("names the field of a missing, mistyped or too long value (400) and stores nothing", async () => {
    const before = await snapshot();
    for (const [name, json, field] of fieldCases) {
      const res = await send(name, JSON.stringify(json));
      const body = await res.json();
      expect({
        name,
        json: JSON.stringify(json).slice(0, 60),
        status: res.status,
        field: body.error?.field,
      }).toEqual({
        name,
        json: JSON.stringify(json).slice(0, 60),
        status: 400,
        field,
      });
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers malformed JSON, a JSON array or null with 400 on every route", async () => {
    const before = await snapshot();
    for (const name of Object.keys(targets) as Array<keyof typeof targets>) {
      for (const body of ['{"email": "a@', "[]", "null", ""]) {
        const res = await send(name, body);
        expect({ name, body, status: res.status }).toEqual({ name, body, status: 400 });
        expect((await res.json()).error.code).toBe("validation_failed");
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers a body that is not JSON with 415", async () => {
    const res = await send("login", "email=a@example.test&password=x", "application/x-www-form-urlencoded");
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("unsupported_media_type");
  });

  it("refuses a 10 MB string with 413 (with and without Content-Length), storing nothing", async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ name: "x".repeat(10 * 1024 * 1024) });
    for (const name of ["createWorkspace", "accept", "profile"] as const) {
      expect((await send(name, huge)).status).toBe(413);
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(huge));
          controller.close();
        },
      });
      const res = await send(name, stream);
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("payload_too_large");
    }
    expect(await snapshot()).toEqual(before);
    expect((await t.request("/healthz")).status).toBe(200);
  });

  it("keeps working afterwards: a valid request still succeeds", async () => {
    const res = await t.request("/api/workspaces", {
      cookie: w.facilitator.cookie,
      json: { name: "Nog altijd" },
    });
    expect(res.status).toBe(201);
  });
});
