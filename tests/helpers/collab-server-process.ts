import type { CollabSettings } from "../../server/collab";
import { composeThemawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";

/**
 * The app as its own process, configured by the environment (like server/main.ts, minus the
 * client build and signal handling): used by the crash, convergence and hostile-frame tests and the
 * benchmark, which kill it. COLLAB_SETTINGS_JSON overrides collaboration limits (a test that must
 * push more than one user may). Prints `READY <port>` once it listens.
 */
async function run(): Promise<void> {
  const config = loadConfig();
  const collabSettings = JSON.parse(process.env.COLLAB_SETTINGS_JSON ?? "{}") as Partial<CollabSettings>;
  const themawerk = await composeThemawerk(config, createLogger(config.logLevel), {
    announce: () => {},
    collabSettings,
  });
  const { port } = await themawerk.listen();
  process.stdout.write(`READY ${port}\n`);
  process.on("SIGTERM", () => {
    void themawerk.close().then(() => process.exit(0));
  });
}

run().catch((error: unknown) => {
  process.stderr.write(
    `collab server process failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
