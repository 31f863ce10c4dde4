import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Role } from "../../shared/roles";
import { type Browser, launchBrowser } from "./browser";
import { logInBrowser } from "./e2e-setup";
import { addMember, createUser, type FixtureUser } from "./fixtures";
import { startTestServer, type TestServer } from "./test-server";

/** What a browser test on the demo workspace works with; set before all tests. */
export interface DemoScenario<R extends Role> {
  server: TestServer;
  workspaceId: string;
  /** The first demo case. */
  caseId: string;
  /** One member per role asked for, named as asked. */
  users: Record<R, FixtureUser>;
  /** A new tab in a Chromium of its own, logged in as `user` (or not at all); its errors fail the test. */
  pageAs(
    user: FixtureUser | null,
    options?: { viewport?: { width: number; height: number }; mobile?: boolean },
  ): Promise<Page>;
}

/**
 * Registers the hooks of a browser test on the demo workspace: before all, a server with the demo and one member per
 * role in `people` (role → name); after each test, its browsers close and no page may have thrown; after all, the
 * server stops.
 */
export function demoScenario<R extends Role>(people: Record<R, string>): DemoScenario<R> {
  const browsers: Browser[] = [];
  const pageErrors: string[] = [];
  const scenario = {
    users: {} as Record<R, FixtureUser>,
    async pageAs(user: FixtureUser | null, options = {}) {
      const browser = await launchBrowser(options);
      browsers.push(browser);
      if (user) await logInBrowser(browser, scenario.server, user);
      const page = await browser.context.newPage();
      page.on("pageerror", (e) => pageErrors.push(e.message));
      return page;
    },
  } as DemoScenario<R>;
  beforeAll(async () => {
    scenario.server = await startTestServer({ DEMO: "1" });
    const db = scenario.server.themawerk.database.db;
    scenario.workspaceId = (await db.selectFrom("workspaces").select("id").executeTakeFirstOrThrow()).id;
    scenario.caseId = (
      await db.selectFrom("documents").select("id").where("kind", "=", "case").executeTakeFirstOrThrow()
    ).id;
    for (const [role, name] of Object.entries(people) as Array<[R, string]>) {
      scenario.users[role] = await createUser(scenario.server.themawerk, name);
      await addMember(scenario.server.themawerk, scenario.workspaceId, scenario.users[role], role);
    }
  });
  afterEach(async () => {
    // One test's browsers at a time on a 2-core machine.
    for (const browser of browsers.splice(0)) await browser.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await scenario.server?.close();
  });
  return scenario;
}

/** Every main screen of a workspace member, by name. */
export function memberScreens(workspaceId: string, caseId: string): Record<string, string> {
  return {
    workspaces: "/",
    home: `/w/${workspaceId}`,
    document: `/w/${workspaceId}/d/${caseId}`,
    geschiedenis: `/w/${workspaceId}/d/${caseId}/geschiedenis`,
    veranderd: `/w/${workspaceId}/veranderd`,
    nieuw: `/w/${workspaceId}/nieuw`,
    vergelijken: `/w/${workspaceId}/vergelijken`,
    handboek: `/w/${workspaceId}/handboek`,
    minimaal: `/w/${workspaceId}/minimaal`,
    lessen: `/w/${workspaceId}/lessen`,
    themas: `/w/${workspaceId}/themas`,
    zoeken: `/w/${workspaceId}/zoeken?q=regie`,
    account: "/account",
  };
}
