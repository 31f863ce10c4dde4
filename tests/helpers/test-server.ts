import type { CollabSettings } from "../../server/collab";
import { composeThemawerk, type Themawerk } from "../../server/compose";
import { loadConfig } from "../../server/config";
import { createLogger, type Logger } from "../../server/logger";
import type { MailSettings } from "../../server/mail/mail-outbox";
import type { NoticeSettings } from "../../server/modules/notifications/comment-mail-sweeper";
import type { DigestSettings } from "../../server/modules/notifications/digest-sweeper";
import type { VersionSettings } from "../../server/modules/versions/version-sweeper";
import { createTestStorage, type TestStorage } from "./test-database";

export interface TestServer {
  url: string;
  port: number;
  themawerk: Themawerk;
  close(): Promise<void>;
}

/**
 * The whole app listening on a free port with the real client build, on fresh storage; silent
 * unless a test passes a logger, on the default collaboration limits unless it passes others.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: {
    logger?: Logger;
    collabSettings?: Partial<CollabSettings>;
    versionSettings?: Partial<VersionSettings>;
    mailSettings?: Partial<MailSettings>;
    noticeSettings?: Partial<NoticeSettings>;
    digestSettings?: Partial<DigestSettings>;
    /** An existing data folder and database to start on (a restart), instead of fresh storage. */
    storage?: TestStorage;
  } = {},
): Promise<TestServer> {
  const storage = options.storage ?? (await createTestStorage());
  // PUBLIC_URL must name the real port for the Origin check, so bind first on a free port.
  const probe = await import("node:net").then(
    (net) =>
      new Promise<number>((resolve, reject) => {
        const srv = net.createServer();
        srv.once("error", reject);
        srv.listen(0, "127.0.0.1", () => {
          const port = (srv.address() as import("node:net").AddressInfo).port;
          srv.close(() => resolve(port));
        });
      }),
  );
  const config = loadConfig({
    PORT: String(probe),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${probe}`,
    DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl,
    LOG_LEVEL: "silent",
    DEMO: "0",
    ...env,
  });
  const themawerk = await composeThemawerk(config, options.logger ?? createLogger("silent"), {
    collabSettings: options.collabSettings,
    versionSettings: options.versionSettings,
    mailSettings: options.mailSettings,
    noticeSettings: options.noticeSettings,
    digestSettings: options.digestSettings,
  });
  const { port } = await themawerk.listen();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    themawerk,
    async close() {
      await themawerk.close();
      // Storage passed in is the caller's to clean up (it may start the app on it again).
      if (!options.storage) await storage.cleanup();
    },
  };
}
