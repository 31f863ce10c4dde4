import { composeThemawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { createDocument, workspaceWithRoles } from "./fixtures";
import type { TestStorage } from "./test-database";

/**
 * Writes a workspace with one member per role and one document into `storage`, with an app that is closed
 * again before returning, so that a server process of its own can then be started on the same data.
 */
export async function seedWorkspaceDocument(storage: TestStorage) {
  const setup = await composeThemawerk(
    loadConfig({
      DATA_DIR: storage.dataDir,
      DATABASE_URL: storage.databaseUrl,
      DEMO: "0",
      LOG_LEVEL: "silent",
    }),
    createLogger("silent"),
  );
  const people = await workspaceWithRoles(setup);
  const documentId = await createDocument(setup, people.workspaceId, people.facilitator);
  await setup.close();
  return { people, documentId };
}
