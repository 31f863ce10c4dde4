import { forgetLocalCopies } from "../editor/offline/local-copy";

/** The service worker's store of API answers (client/src/sw/service-worker.ts). */
const API_CACHE = "themawerk-api";
const LAST_USER_KEY = "themawerk:last-user";

/** Deletes what this browser kept for offline use of `userId`: document copies and API answers. */
export async function forgetOfflineData(userId: string | undefined): Promise<void> {
  await Promise.all([
    userId ? forgetLocalCopies(userId) : Promise.resolve(),
    typeof caches === "undefined" ? Promise.resolve() : caches.delete(API_CACHE).catch(() => false),
  ]);
  try {
    localStorage.removeItem(LAST_USER_KEY);
  } catch {
    // Nothing kept.
  }
}

/**
 * Called with the logged-in user: when another user logged in here than last time, the kept API
 * answers (which are the previous user's) go, so nobody opens someone else's copy offline.
 */
export function noteSessionUser(userId: string): void {
  try {
    const last = localStorage.getItem(LAST_USER_KEY);
    if (last === userId) return;
    localStorage.setItem(LAST_USER_KEY, userId);
    if (last !== null && typeof caches !== "undefined") void caches.delete(API_CACHE).catch(() => false);
  } catch {
    // Without localStorage there is nothing to compare with.
  }
}
