/**
 * A document's copy in this browser (IndexedDB), one database per user and document: the state the
 * page last knew (`base`), and each own change the server has not confirmed (`pending`). Opening
 * the document again applies both, so nothing typed offline is lost by leaving, reloading or closing
 * the tab. A confirmed change is folded into the base in the same transaction that deletes it.
 */

const PREFIX = "themawerk-doc";
const REGISTRY_KEY = "themawerk:local-copies";
const BASE = "base";
const PENDING = "pending";

export function localCopyName(userId: string, documentId: string): string {
  return `${PREFIX}:${userId}:${documentId}`;
}

export interface StoredCopy {
  base: Uint8Array | undefined;
  pending: Array<{ key: number; update: Uint8Array }>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("local copy transaction aborted"));
  });
}

/** Copies open in this page, so forgetting them is not blocked by our own connection. */
const openCopies = new Map<LocalCopy, string>();

export class LocalCopy {
  private constructor(private readonly db: IDBDatabase) {}

  /** Opens (or creates) the copy; null where the browser keeps nothing (no IndexedDB, private mode). */
  static async open(userId: string, documentId: string): Promise<LocalCopy | null> {
    if (typeof indexedDB === "undefined") return null;
    const name = localCopyName(userId, documentId);
    try {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore(BASE);
        open.result.createObjectStore(PENDING, { autoIncrement: true });
      };
      const db = await request(open);
      remember(name);
      const copy = new LocalCopy(db);
      openCopies.set(copy, name);
      return copy;
    } catch {
      return null;
    }
  }

  async read(): Promise<StoredCopy> {
    const tx = this.db.transaction([BASE, PENDING], "readonly");
    const base = await request(tx.objectStore(BASE).get("state"));
    const store = tx.objectStore(PENDING);
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    return {
      base: base instanceof Uint8Array ? base : undefined,
      pending: keys.map((key, i) => ({ key: Number(key), update: values[i] as Uint8Array })),
    };
  }

  /** Keeps one own change; resolves with its key once it is on disk. */
  async keep(update: Uint8Array): Promise<number> {
    const tx = this.db.transaction(PENDING, "readwrite");
    const key = await request(tx.objectStore(PENDING).add(update));
    await done(tx);
    return Number(key);
  }

  /** Writes the whole state as the new base and drops the confirmed changes it now holds, at once. */
  async fold(state: Uint8Array, confirmedKeys: number[]): Promise<void> {
    const tx = this.db.transaction([BASE, PENDING], "readwrite");
    tx.objectStore(BASE).put(state, "state");
    const pending = tx.objectStore(PENDING);
    for (const key of confirmedKeys) pending.delete(key);
    await done(tx);
  }

  /** Drops every change waiting for the server (the user discarded what it refused). */
  async dropPending(state: Uint8Array | undefined): Promise<void> {
    const tx = this.db.transaction([BASE, PENDING], "readwrite");
    tx.objectStore(PENDING).clear();
    if (state) tx.objectStore(BASE).put(state, "state");
    else tx.objectStore(BASE).delete("state");
    await done(tx);
  }

  close(): void {
    openCopies.delete(this);
    this.db.close();
  }
}

function registry(): string[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? "[]");
    return Array.isArray(list) ? list.filter((n): n is string => typeof n === "string") : [];
  } catch {
    return [];
  }
}

function remember(name: string): void {
  try {
    const list = registry();
    if (!list.includes(name)) localStorage.setItem(REGISTRY_KEY, JSON.stringify([...list, name]));
  } catch {
    // Without localStorage, forgetting falls back to indexedDB.databases().
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Deletes the local copies of `userId` (every one when `documentId` is not given): on logout. */
export async function forgetLocalCopies(userId: string, documentId?: string): Promise<void> {
  if (typeof indexedDB === "undefined") return;
  const prefix = documentId ? localCopyName(userId, documentId) : `${PREFIX}:${userId}:`;
  for (const [copy, name] of openCopies) if (name.startsWith(prefix)) copy.close();
  const names = new Set(registry().filter((n) => n.startsWith(prefix)));
  try {
    for (const db of await indexedDB.databases()) if (db.name?.startsWith(prefix)) names.add(db.name);
  } catch {
    // Older browsers cannot list databases; the registry names what this app made.
  }
  await Promise.all(Array.from(names, deleteDatabase));
  try {
    localStorage.setItem(REGISTRY_KEY, JSON.stringify(registry().filter((n) => !names.has(n))));
  } catch {
    // Nothing more to forget.
  }
}

/** How many own changes of `userId` wait in this browser's local copies for the server. */
export async function countWaitingChanges(userId: string): Promise<number> {
  if (typeof indexedDB === "undefined") return 0;
  const prefix = `${PREFIX}:${userId}:`;
  let waiting = 0;
  for (const name of registry().filter((n) => n.startsWith(prefix))) {
    try {
      const db = await request(indexedDB.open(name));
      try {
        if (db.objectStoreNames.contains(PENDING))
          waiting += await request(db.transaction(PENDING, "readonly").objectStore(PENDING).count());
      } finally {
        db.close();
      }
    } catch {
      // A copy that cannot be opened holds nothing we could send.
    }
  }
  return waiting;
}
