import type { Db } from "../../db/database";
import type { Logger } from "../../logger";
import type { VersionsService } from "./versions.service";

export interface VersionSettings {
  /** Edits settled this long count as a finished editing session, which gets an automatic version. */
  sessionIdleMs: number;
  /** How often the sweeper looks for finished sessions and thins old versions. */
  sweepEveryMs: number;
  /** Automatic versions older than this are thinned to the last one of each day; named ones are kept. */
  thinAfterMs: number;
  /** Documents given a version per sweep (the rest wait for the next one). */
  batchSize: number;
}

export const defaultVersionSettings: VersionSettings = {
  sessionIdleMs: 5 * 60_000,
  sweepEveryMs: 60_000,
  thinAfterMs: 30 * 24 * 60 * 60_000,
  batchSize: 20,
};

/**
 * Takes the automatic versions: a document edited since its last version whose edits have been still
 * for `sessionIdleMs` gets one. It reads the database, not timers per room, so a session that ended
 * while the process was down still gets its version after a restart. Also thins old automatic versions.
 */
export class VersionSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Documents whose last edits left the text as their latest version has it (so no version), by the edit time seen. */
  private readonly unchanged = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly versions: VersionsService,
    private readonly logger: Logger,
    private readonly settings: VersionSettings = defaultVersionSettings,
    /** Runs a round only when no other instance is running one (scale-out mode); always, with one instance. */
    private readonly exclusive: (work: () => Promise<void>) => Promise<void | undefined> = (work) => work(),
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), this.settings.sweepEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round (never two at once): versions for finished sessions, then thinning. */
  sweep(now = Date.now()): Promise<void> {
    this.running ??= this.exclusive(() => this.round(now))
      .catch((error) => this.logger.error("version sweep failed", { error: (error as Error).message }))
      .then(() => undefined)
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async round(now: number): Promise<void> {
    try {
      const settledBefore = new Date(now - this.settings.sessionIdleMs).toISOString();
      const due = await this.db
        .selectFrom("documents as d")
        .select(["d.id", "d.updated_at"])
        .where("d.deleted_at", "is", null)
        .where("d.updated_at", "<=", settledBefore)
        .where((eb) =>
          eb(
            "d.updated_at",
            ">",
            eb.fn.coalesce(
              eb
                .selectFrom("document_versions as v")
                .select((v) => v.fn.max("v.created_at").as("at"))
                .whereRef("v.document_id", "=", "d.id"),
              eb.val(""),
            ),
          ),
        )
        .orderBy("d.updated_at")
        .limit(this.settings.batchSize + this.unchanged.size)
        .execute();
      for (const { id, updated_at: updatedAt } of due) {
        if (this.unchanged.get(id) === updatedAt) continue;
        try {
          const taken = await this.versions.takeAutomatic(id);
          if (taken) this.unchanged.delete(id);
          else this.unchanged.set(id, updatedAt);
        } catch (error) {
          this.logger.warn("automatic version failed", { documentId: id, error: (error as Error).message });
        }
      }
      await this.versions.thin(new Date(now - this.settings.thinAfterMs).toISOString());
    } catch (error) {
      this.logger.error("version sweep failed", { error: (error as Error).message });
    }
  }
}
