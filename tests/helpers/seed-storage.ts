import { composeThemawerk, type Themawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { createDocument, workspaceWithRoles } from "./fixtures";
import type { TestStorage } from "./test-database";

type WorkspacePeople = Awaited<ReturnType<typeof workspaceWithRoles>>;

/**
 * Writes a workspace with one member per role and one document into `storage`, with an app that is closed
 * again before returning, so that a server process of its own can then be started on the same data.
 * `prepare` adds more with the same app (content, people, sessions); what it returns is handed back.
 */
export async function seedWorkspaceDocument<T = undefined>(
  storage: TestStorage,
  prepare?: (setup: Themawerk, seeded: { people: WorkspacePeople; documentId: string }) => Promise<T>,
) {
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
  const prepared = (await prepare?.(setup, { people, documentId })) as T;
  // Closing stores the content and runs the settle work (lessons, text) before the server process starts.
  await setup.close();
  return { people, documentId, prepared };
}
