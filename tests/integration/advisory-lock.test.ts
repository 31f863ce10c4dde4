import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../server/db/database";
import { exclusively } from "../../server/scale/advisory-lock";
import { createTestStorage, type TestStorage } from "../helpers/test-database";

// Scale-out mode runs the version sweep on one instance at a time; two handles on one PostgreSQL
// database stand in for two instances. Always PostgreSQL: advisory locks are its own.
describe("exclusive work across instances (PostgreSQL advisory lock)", () => {
  let storage: TestStorage;
  let a: DatabaseHandle;
  let b: DatabaseHandle;

  beforeAll(async () => {
    storage = await createTestStorage(
      process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    );
    a = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir });
    b = await openDatabase({ databaseUrl: storage.databaseUrl, dataDir: storage.dataDir });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await storage?.cleanup();
  });

  it("skips the work on one instance while the other does it, and lets it run once the other is done", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    const first = exclusively(
      a.db,
      99_001,
    )(async () => {
      started = true;
      await held;
      return "first";
    });
    await expect.poll(() => started).toBe(true);
    expect(await exclusively(b.db, 99_001)(async () => "second")).toBeUndefined();
    release();
    expect(await first).toBe("first");
    expect(await exclusively(b.db, 99_001)(async () => "second")).toBe("second");
    // A failing work releases the lock too.
    await expect(exclusively(a.db, 99_001)(() => Promise.reject(new Error("kapot")))).rejects.toThrow(
      "kapot",
    );
    expect(await exclusively(b.db, 99_001)(async () => "again")).toBe("again");
  });
});
