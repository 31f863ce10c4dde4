import { afterAll, describe, expect, it } from "vitest";
import { composeThemawerk, type Themawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

// Two replicas of a scale-out deploy (docker compose up) start at the same moment on an empty
// PostgreSQL database. Both run the migrations and the first-start bootstrap; exactly one of them
// may create the administrator and the demo workspace, and neither may fail to start.
describe("two instances starting at once on an empty PostgreSQL database", () => {
  let storage: TestStorage;
  const started: Themawerk[] = [];

  afterAll(async () => {
    for (const instance of started) await instance.close();
    await storage?.cleanup();
  });

  it("both start, and the administrator and the demo workspace exist once", async () => {
    storage = await createTestStorage(
      process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    );
    const announced: string[] = [];
    const start = () =>
      composeThemawerk(
        loadConfig({
          PORT: "3999",
          HOST: "127.0.0.1",
          PUBLIC_URL: "http://127.0.0.1:3000",
          DATA_DIR: storage.dataDir,
          DATABASE_URL: storage.databaseUrl as string,
          LOG_LEVEL: "silent",
          DEMO: "1",
          ADMIN_EMAIL: "beheer@example.org",
          ADMIN_PASSWORD: "een-lang-wachtwoord",
        }),
        createLogger("silent"),
        { announce: (text) => void announced.push(text) },
      );
    const results = await Promise.allSettled([start(), start()]);
    for (const result of results) if (result.status === "fulfilled") started.push(result.value);
    const failures = results.flatMap((result) =>
      result.status === "rejected" ? [String(result.reason)] : [],
    );
    expect(failures).toEqual([]);

    const db = started[0].database.db;
    const workspaces = await db.selectFrom("workspaces").select("name").execute();
    expect(workspaces).toHaveLength(1);
    const admins = await db.selectFrom("users").select("email").where("is_admin", "=", 1).execute();
    expect(admins.map((user) => user.email)).toEqual(["beheer@example.org"]);
    // The one-time demo passwords are printed once, by the instance that created them.
    expect(announced).toHaveLength(1);
    // A later start of either seeds nothing again.
    const again = await start();
    started.push(again);
    expect(await db.selectFrom("workspaces").select("id").execute()).toHaveLength(1);
    expect(announced).toHaveLength(1);
  });
});
