import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashPassword as realHashPassword } from "../../server/auth/passwords";
import { createUser, type FixtureUser, workspaceWithRoles } from "../helpers/fixtures";
import { startTestApp, type TestApp } from "../helpers/test-app";

// Whoever holds an invitation link must not learn from accepting it which email addresses have an
// account: that refusal looks and takes like any other, and guessing is throttled.

// Counts argon2 hashes, so a test can tell that a refusal did the same work as an account creation;
// `holdFor` n holds hashing until n acceptances got there (all past the invitation's check).
const hashes = vi.hoisted(() => ({ count: 0, holdFor: 0, held: [] as Array<() => void> }));
vi.mock("../../server/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../server/auth/passwords")>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      hashes.count++;
      if (hashes.holdFor > 0) {
        await new Promise<void>((resolve) => {
          hashes.held.push(resolve);
          if (hashes.held.length < hashes.holdFor) return;
          hashes.holdFor = 0;
          for (const release of hashes.held.splice(0)) release();
        });
      }
      return real.hashPassword(password);
    },
  };
});

/** Refused acceptances allowed per invitation, and per client address, in 15 minutes. */
const PER_INVITE = 5;
const PER_ADDRESS = 20;

let t: TestApp;
let w: Awaited<ReturnType<typeof workspaceWithRoles>>;
let existing: FixtureUser;
beforeEach(() => {
  hashes.count = 0;
});

async function invite(app = t, by = w.facilitator, workspaceId = w.workspaceId): Promise<string> {
  const res = await app.request(`/api/workspaces/${workspaceId}/invites`, {
    cookie: by.cookie,
    json: { role: "viewer" },
  });
  expect(res.status).toBe(201);
  return (await res.json()).token;
}
let n = 0;
const newPerson = () => ({
  name: "Nieuw",
  email: `nieuw${++n}.${Date.now()}@example.test`,
  password: "password1",
});
const asExisting = (email = existing.email) => ({ name: "Wie Dan Ook", email, password: "password1" });
const accept = (token: string, json: unknown, app = t) =>
  app.request(`/api/invites/${token}/accept`, { json });
const answer = async (res: Response) => ({ status: res.status, body: await res.json() });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

beforeAll(async () => {
  t = await startTestApp();
  w = await workspaceWithRoles(t.themawerk);
  existing = await createUser(t.themawerk, "Bestaande Persoon");
});
afterAll(async () => {
  await t.close();
});

describe("accepting an invitation with an email that already has an account", () => {
  it("answers with the same status and body as an invitation taken by someone else meanwhile", async () => {
    // Two new people accept one link at once (both past its check before either takes it): the one
    // who loses gets the other refusal.
    const token = await invite();
    hashes.holdFor = 2;
    const race = await Promise.all([accept(token, newPerson()), accept(token, newPerson())]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const taken = await answer(race.find((r) => r.status !== 200)!);

    const refused = await answer(await accept(await invite(), asExisting()));
    expect(refused).toEqual(taken);
    expect(refused.body.error.code).toBe("conflict");
    // It says what to do without saying that the account exists.
    expect(refused.body.error.message).toMatch(/log in/i);
    expect(refused.body.error.message).not.toMatch(/exists|already has an account/i);
    // Written in any case, the email is the same account.
    expect(await answer(await accept(await invite(), asExisting(existing.email.toUpperCase())))).toEqual(
      taken,
    );
  });

  it("does the same argon2 work as creating the account, so it takes about as long", async () => {
    const token = await invite();
    await accept(token, asExisting()); // warm-up
    hashes.count = 0;
    const refusals: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      expect((await accept(token, asExisting())).status).toBe(409);
      refusals.push(performance.now() - started);
    }
    expect(hashes.count).toBe(3);
    const hashing: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await realHashPassword("password1");
      hashing.push(performance.now() - started);
    }
    expect(median(refusals)).toBeGreaterThan(median(hashing) * 0.5);
  });

  it("uses nothing up: the invitation still works for a new person, and the existing person joins by logging in", async () => {
    const token = await invite();
    expect((await accept(token, asExisting())).status).toBe(409);
    expect((await t.request(`/api/invites/${token}`)).status).toBe(200);
    // The existing account logs in (here: its session) and accepts with an empty body.
    const joined = await t.request(`/api/invites/${token}/accept`, { json: {}, cookie: existing.cookie });
    expect(joined.status).toBe(200);
    expect((await joined.json()).user.id).toBe(existing.id);
  });
});

describe("guessing through one invitation, or from one address", () => {
  let own: TestApp;
  let ws: Awaited<ReturnType<typeof workspaceWithRoles>>;
  beforeAll(async () => {
    own = await startTestApp();
    ws = await workspaceWithRoles(own.themawerk);
  });
  afterAll(async () => {
    await own.close();
  });
  const ownInvite = () => invite(own, ws.facilitator, ws.workspaceId);

  it(`refuses more than ${PER_INVITE} attempts on one invitation with 429, new people included`, async () => {
    const token = await ownInvite();
    hashes.count = 0;
    const burst = await Promise.all(
      Array.from({ length: PER_INVITE + 5 }, () => accept(token, asExisting(ws.viewer.email), own)),
    );
    // The throttle decides before any argon2 work, counting attempts that are still running.
    expect(burst.filter((r) => r.status === 409)).toHaveLength(PER_INVITE);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(5);
    expect(hashes.count).toBe(PER_INVITE);
    const again = await accept(token, newPerson(), own);
    expect(again.status).toBe(429);
    expect(await again.json()).toEqual({
      error: { code: "rate_limited", message: expect.stringMatching(/Try again in \d+ seconds/) },
    });
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another invitation from the same address is still open to a new person.
    expect((await accept(await ownInvite(), newPerson(), own)).status).toBe(200);
  });

  it(`refuses more than ${PER_ADDRESS} refused attempts from one address, across invitations`, async () => {
    const fresh = await startTestApp();
    try {
      const f = await workspaceWithRoles(fresh.themawerk);
      const tokens = await Promise.all(
        Array.from({ length: PER_ADDRESS + 1 }, () => invite(fresh, f.facilitator, f.workspaceId)),
      );
      for (const token of tokens.slice(0, PER_ADDRESS)) {
        expect((await accept(token, asExisting(f.viewer.email), fresh)).status).toBe(409);
      }
      hashes.count = 0;
      const res = await accept(tokens[PER_ADDRESS], newPerson(), fresh);
      expect(res.status).toBe(429);
      expect(hashes.count).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
