import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/database";
import { createLogger } from "../server/logger";
import { createSearchIndex, type SearchEntrySource } from "../server/search/create-search-index";
import { MeiliSearchIndex } from "../server/search/meilisearch/meili-search-index";
import type { SearchIndex } from "../server/search/search-index";
import { countSearchEntries, sqlSearchEntrySource } from "../server/search/sql-entry-source";

export interface ReindexOptions {
  index: SearchIndex;
  source: SearchEntrySource;
  /** Every workspace in SQL: each is cleared first, so entries of deleted documents disappear. */
  workspaceIds: string[];
  /** Expected entry count, for the progress bar. */
  total: number;
  /** Where the progress bar goes (redrawn with \r). */
  write: (text: string) => void;
}

/** A one-line progress bar: [#####.....]  50%  500/1000 entries. */
export function progressBar(done: number, total: number, width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  const percent = String(Math.round(ratio * 100)).padStart(3);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${percent}%  ${done}/${total} entries`;
}

/**
 * Rebuilds the index from the source: clears every workspace, then indexes batch by batch.
 * Searches see partial results while it runs; run it when the group is not searching.
 */
export async function reindex(options: ReindexOptions): Promise<number> {
  for (const workspaceId of options.workspaceIds) await options.index.clearWorkspace(workspaceId);
  let done = 0;
  options.write(`\r${progressBar(0, options.total)}`);
  for await (const batch of options.source()) {
    await options.index.index(batch);
    done += batch.length;
    options.write(`\r${progressBar(done, Math.max(done, options.total))}`);
  }
  options.write("\n");
  return done;
}

/** `npm run reindex`: rebuilds the Meilisearch index from SQL (the embedded engine does this at every start). */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.meili) {
    process.stdout.write(
      "No MEILI_URL: the embedded search engine is rebuilt from SQL at every start. Nothing to do.\n",
    );
    return;
  }
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const index = await createSearchIndex(config, logger);
  try {
    if (!(await index.health())) throw new Error(`Meilisearch at ${config.meili.url} does not answer.`);
    const workspaces = await database.db.selectFrom("workspaces").select("id").execute();
    const started = performance.now();
    const total = await countSearchEntries(database.db);
    const done = await reindex({
      index,
      source: sqlSearchEntrySource(database.db),
      workspaceIds: workspaces.map((w) => w.id),
      total,
      write: (text) => process.stdout.write(text),
    });
    // Every entry is in the current record format now: the app's next start need not send them again.
    if (index instanceof MeiliSearchIndex) await index.markCurrent();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Reindexed ${done} entries of ${workspaces.length} workspaces in ${seconds} s.\n`);
  } finally {
    await index.close();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`reindex failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
