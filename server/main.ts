import { ConfigError, loadConfig } from "./config";
import { composeThemawerk } from "./compose";
import { createLogger } from "./logger";

/** Process entry: read config, compose, listen, and shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const themawerk = await composeThemawerk(config, logger);
  const { port } = await themawerk.listen();
  const url = config.publicUrl.includes(`:${config.port}`) ? config.publicUrl : `http://localhost:${port}`;
  logger.info("listening", { port, database: themawerk.database.dialect, dataDir: config.dataDir });
  process.stdout.write(`\nThemawerk is running: open ${url}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await themawerk.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Themawerk failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
