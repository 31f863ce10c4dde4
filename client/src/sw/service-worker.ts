/**
 * The service worker (built to /sw.js by vite.config.ts): the app opens without the server.
 *
 * - The app shell (index.html and every built file) is stored at install, from the build's own file
 *   list; hashed files are served from there, the page network-first.
 * - API reads (GET /api/…) go to the network first; their last JSON answer is kept, and given when
 *   the server does not answer (down, or silent for NETWORK_TIMEOUT_MS), so the documents opened
 *   recently open again offline, with the role the server last gave. Never kept: the live event
 *   stream, anything under /api/auth, downloads. Logging out deletes the kept answers (client/src/offline).
 * - Nothing else is touched: writes go to the network as they are, and the editor keeps its text in
 *   IndexedDB itself (client/src/editor/offline).
 */

// Replaced at build time (vite.config.ts): the build's files, and a name that changes with them.
const PRECACHE_FILES: string[] = JSON.parse("__THEMAWERK_PRECACHE_FILES__");
const BUILD_ID = "__THEMAWERK_BUILD_ID__";

const SHELL_CACHE = `themawerk-shell-${BUILD_ID}`;
/** Also named in client/src/offline/offline-caches.ts, which deletes it on logout. */
const API_CACHE = "themawerk-api";
const NETWORK_TIMEOUT_MS = 4_000;
const MAX_API_ENTRIES = 300;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface Worker {
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const worker = self as unknown as Worker;

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(PRECACHE_FILES.map((file) => `/${file}`));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("themawerk-shell-") && name !== SHELL_CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== worker.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(builtFile(request));
  } else if (url.pathname.startsWith("/api/")) {
    if (url.pathname.startsWith("/api/auth/") || request.headers.get("Accept") === "text/event-stream")
      return;
    event.respondWith(apiRead(request));
  }
});

/** Resolves after `ms` with undefined: the moment a silent server (paused, or a dead network) counts as away. */
const silence = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms));

/** The page is the same file for every path: the network's, or the stored shell when it fails or stays silent. */
async function page(request: Request): Promise<Response> {
  const network = fetch(request);
  network.catch(() => undefined);
  const shell = () => caches.match("/index.html", { cacheName: SHELL_CACHE });
  try {
    const first = await Promise.race([network, silence(NETWORK_TIMEOUT_MS)]);
    if (first) return first;
    return (await shell()) ?? (await network);
  } catch {
    return (await shell()) ?? Response.error();
  }
}

async function builtFile(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request);
}

/**
 * Network first. A JSON answer is kept; when the network fails, or is silent for NETWORK_TIMEOUT_MS
 * while a kept answer exists, the kept one is given, marked. A slow request without a kept answer
 * simply takes its time: nothing is aborted.
 */
async function apiRead(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.status === 200 && response.headers.get("Content-Type")?.startsWith("application/json")) {
      await cache.put(request, response.clone()).then(
        () => trim(cache),
        () => undefined,
      );
    } else if (response.status === 401 || response.status === 403 || response.status === 404) {
      // No longer the user's to read: nothing of it stays here.
      await cache.delete(request);
    }
    return response;
  });
  // Awaited below unless the kept answer wins; its failure then is no one's to handle.
  network.catch(() => undefined);
  const kept = async () => {
    const answer = await cache.match(request);
    if (!answer) return undefined;
    const headers = new Headers(answer.headers);
    headers.set("X-Themawerk-Offline-Copy", "1");
    return new Response(answer.body, { status: answer.status, headers });
  };
  try {
    const first = await Promise.race([network, silence(NETWORK_TIMEOUT_MS)]);
    if (first) return first;
    return (await kept()) ?? (await network);
  } catch {
    return (
      (await kept()) ??
      Response.json(
        {
          error: { code: "offline", message: "The server cannot be reached and this was not opened before." },
        },
        { status: 503 },
      )
    );
  }
}

/** Keeps the most recent answers only (the cache lists its keys in insertion order). */
async function trim(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_API_ENTRIES))) await cache.delete(key);
}
