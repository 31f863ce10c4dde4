import { monitorEventLoopDelay } from "node:perf_hooks";
import * as Y from "yjs";
import { composeThemawerk } from "../server/compose";
import { loadConfig } from "../server/config";
import { createLogger } from "../server/logger";
import { createDocument, workspaceWithRoles } from "../tests/helpers/fixtures";
import { blockText, seedRealisticDocument, typeAtBlockEnd } from "../tests/helpers/realistic-document";
import { createTestStorage } from "../tests/helpers/test-database";
import { ms } from "./stats";

const ROUNDS = 12;

export interface SettleWorkResult {
  /** Longest event-loop stall while nothing is edited (GC, timers): the floor. */
  idleMaxMs: number;
  /** Longest event-loop stall per settle round (one keystroke, then the settle work it causes). */
  settleMaxMs: number[];
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1_000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("settle work did not finish");
}

/**
 * How long settle work (text extraction, lesson sync, search indexing) blocks the server's event loop
 * after one keystroke in a realistic document (≈300 paragraphs, 50 lessons), with production settle
 * timings and the embedded search engine, in this process: the longest stall per round.
 */
export async function runSettleWork(log: (line: string) => void): Promise<SettleWorkResult> {
  const storage = await createTestStorage();
  const themawerk = await composeThemawerk(
    loadConfig({ DATA_DIR: storage.dataDir, DATABASE_URL: storage.databaseUrl, DEMO: "0", LOG_LEVEL: "silent" }),
    createLogger("silent"),
  );
  const delay = monitorEventLoopDelay({ resolution: 1 });
  try {
    const db = themawerk.database.db;
    const people = await workspaceWithRoles(themawerk);
    const documentId = await createDocument(themawerk, people.workspaceId, people.facilitator);
    const seeded = await seedRealisticDocument(themawerk, {
      workspaceId: people.workspaceId,
      documentId,
      authorId: people.facilitator.id,
    });
    const lessonCount = async () =>
      Number(
        (
          await db
            .selectFrom("lessons")
            .select((eb) => eb.fn.countAll<string>().as("n"))
            .where("document_id", "=", documentId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    await until(async () => (await lessonCount()) === seeded.lessonIds.length);
    const plainText = async () =>
      (await db.selectFrom("documents").select("plain_text").where("id", "=", documentId).executeTakeFirstOrThrow())
        .plain_text;
    const mirror = new Y.Doc();
    Y.applyUpdate(mirror, await themawerk.collab.readDocumentState(documentId));
    delay.enable();
    await new Promise((r) => setTimeout(r, 1_500));
    const idleMaxMs = delay.max / 1e6;
    const settleMaxMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Half the rounds type into a lesson, so lesson sync and its search entry change too.
      const block = blockText(mirror, round % 2 === 0 ? "paragraph" : "lesson", 3 + round);
      const marker = ` kz${round}q`;
      const before = Y.encodeStateVector(mirror);
      typeAtBlockEnd(block, marker);
      delay.reset();
      await themawerk.collab.applyServerUpdate(documentId, Y.encodeStateAsUpdate(mirror, before), people.editor.id);
      await until(async () => (await plainText()).includes(marker.trim()));
      // Lessons and the search index come after the plain text; give them time to finish.
      await new Promise((r) => setTimeout(r, 1_000));
      settleMaxMs.push(delay.max / 1e6);
    }
    const sorted = [...settleMaxMs].sort((a, b) => a - b);
    log(
      `settle work, 1 keystroke → extraction + lesson sync + search indexing, ${seeded.lessonIds.length} lessons, ${ROUNDS} rounds (${storage.databaseUrl ? "PostgreSQL" : "SQLite"})`,
    );
    log(`  longest event-loop stall, idle          ${ms(idleMaxMs)}`);
    log(
      `  longest event-loop stall per settle     median ${ms(sorted[Math.floor(sorted.length / 2)])}   max ${ms(sorted[sorted.length - 1])}`,
    );
    return { idleMaxMs, settleMaxMs };
  } finally {
    delay.disable();
    await themawerk.close();
    await storage.cleanup();
  }
}
