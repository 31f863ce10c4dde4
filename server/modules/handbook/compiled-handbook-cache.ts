import { createHash } from "node:crypto";
import type { Handbook } from "../../../shared/schemas/handbook";

/**
 * The compiled handbook of each workspace, kept under the fingerprint of what it was compiled from.
 * A request whose fingerprint matches gets the kept handbook, also while it is still compiling
 * (single flight); any other fingerprint starts a new compile that replaces it. A failed compile is
 * forgotten, so the next request tries again. It never checks access: callers do, every request.
 */
export class CompiledHandbookCache {
  private readonly entries = new Map<string, { fingerprint: string; handbook: Promise<Handbook> }>();

  /** The handbook for these sources: the kept one, or the result of `compile` (shared by every caller meanwhile). */
  get(workspaceId: string, fingerprint: string, compile: () => Promise<Handbook>): Promise<Handbook> {
    const kept = this.entries.get(workspaceId);
    if (kept?.fingerprint === fingerprint) return kept.handbook;
    const entry = { fingerprint, handbook: compile().then(deepFreeze) };
    this.entries.set(workspaceId, entry);
    entry.handbook.catch(() => {
      if (this.entries.get(workspaceId) === entry) this.entries.delete(workspaceId);
    });
    return entry.handbook;
  }
}

/** A short, stable digest of JSON-serialisable sources. */
export function fingerprintOf(sources: unknown): string {
  return createHash("sha256").update(JSON.stringify(sources)).digest("base64url");
}

// One object goes to many requests: an exporter that changed it would change every later answer.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
