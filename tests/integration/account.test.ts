import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords";
import { SESSION_COOKIE } from "../../server/auth/sessions";
import type { DomainEvents } from "../../server/events";
import { insertUser } from "../../server/modules/account/users.repo";
import { startTestApp, type TestApp } from "../helpers/test-app";

const EMAIL = "bert@example.test";
const PASSWORD = "first password";

let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = await startTestApp();
  userId = await insertUser(t.themawerk.database.db, {
    email: EMAIL,
    name: "Bert",
    passwordHash: await hashPassword(PASSWORD),
  });
});
afterAll(async () => {
  await t.close();
});

async function login(password = PASSWORD): Promise<{ status: number; cookie: string }> {
  const res = await t.request("/api/auth/login", { json: { email: EMAIL, password } });
  const token = new RegExp(`${SESSION_COOKIE}=([a-z2-7]+)`).exec(res.headers.get("set-cookie") ?? "")?.[1];
  return { status: res.status, cookie: `${SESSION_COOKIE}=${token}` };
}

describe("profile", () => {
  it("changes name and language and shows them on /api/me", async () => {
    const { cookie } = await login();
    const res = await t.request("/api/me", {
      method: "PATCH",
      cookie,
      json: { name: "  Bert Bos ", locale: "en" },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ id: userId, name: "Bert Bos", locale: "en" });
    const me = await (await t.request("/api/me", { cookie })).json();
    expect(me.user).toMatchObject({ name: "Bert Bos", locale: "en" });
  });

  it("changes only what is sent", async () => {
    const { cookie } = await login();
    const res = await t.request("/api/me", { method: "PATCH", cookie, json: { locale: "nl" } });
    expect((await res.json()).user).toMatchObject({ name: "Bert Bos", locale: "nl" });
  });

  it("refuses a bad name, an unknown language or unknown fields with 400 naming the field", async () => {
    const { cookie } = await login();
    const cases: Array<[unknown, string | undefined]> = [
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(121) }, "name"],
      [{ locale: "fr" }, "locale"],
      [{ name: 42 }, "name"],
    ];
    for (const [json, field] of cases) {
      const res = await t.request("/api/me", { method: "PATCH", cookie, json });
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe(field);
    }
    const extra = await t.request("/api/me", { method: "PATCH", cookie, json: { isAdmin: true } });
    expect(extra.status).toBe(400);
    const me = await (await t.request("/api/me", { cookie })).json();
    expect(me.user).toMatchObject({ name: "Bert Bos", locale: "nl", isAdmin: false });
  });

  it("needs a session", async () => {
    expect((await t.request("/api/me", { method: "PATCH", json: { name: "X" } })).status).toBe(401);
    expect(
      (await t.request("/api/me/password", { json: { currentPassword: PASSWORD, newPassword: "abcdefgh" } }))
        .status,
    ).toBe(401);
  });
});

describe("password change", () => {
  it("refuses a wrong current password with 400 on currentPassword and changes nothing", async () => {
    const { cookie } = await login();
    const res = await t.request("/api/me/password", {
      cookie,
      json: { currentPassword: "not the password", newPassword: "another password" },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "invalid_credentials", field: "currentPassword" });
    expect((await login()).status).toBe(200);
  });

  it("refuses a new password shorter than 8 or longer than 256 characters", async () => {
    const { cookie } = await login();
    for (const newPassword of ["short", "x".repeat(257)]) {
      const res = await t.request("/api/me/password", {
        cookie,
        json: { currentPassword: PASSWORD, newPassword },
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.field).toBe("newPassword");
    }
  });

  it("sets the new password and ends every other session of the user, keeping this one", async () => {
    const keep = await login();
    const other1 = await login();
    const other2 = await login();
    const ended: DomainEvents["sessionsEnded"][0][] = [];
    const off = t.themawerk.deps.events.on("sessionsEnded", (e) => ended.push(e));
    try {
      const res = await t.request("/api/me/password", {
        cookie: keep.cookie,
        json: { currentPassword: PASSWORD, newPassword: "second password" },
      });
      expect(res.status).toBe(204);
    } finally {
      off();
    }
    expect((await t.request("/api/me", { cookie: keep.cookie })).status).toBe(200);
    expect((await t.request("/api/me", { cookie: other1.cookie })).status).toBe(401);
    expect((await t.request("/api/me", { cookie: other2.cookie })).status).toBe(401);
    const sessions = await t.themawerk.database.db
      .selectFrom("sessions")
      .select("id")
      .where("user_id", "=", userId)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(ended).toEqual([{ userId, exceptSessionId: sessions[0].id }]);
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login("second password")).status).toBe(200);
  });
});
