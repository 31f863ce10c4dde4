/** The answer of a test API call: status and parsed JSON body (null when empty, e.g. 204). */
// biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
export type ApiAnswer = { status: number; body: any };

/** One JSON call against a listening test server: session cookie, the app's Origin on writes. */
export async function apiCall(
  baseUrl: string,
  path: string,
  cookie: string,
  init: RequestInit & { json?: unknown; origin?: string } = {},
): Promise<ApiAnswer> {
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  // The app's own origin: the base URL, unless the app answers under another (behind a load balancer).
  if (init.method && init.method !== "GET") headers.set("Origin", init.origin ?? baseUrl);
  if (init.json !== undefined) headers.set("Content-Type", "application/json");
  const res = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** apiCall bound to one server. */
export function apiClient(baseUrl: string) {
  return (path: string, cookie: string, init: RequestInit & { json?: unknown } = {}) =>
    apiCall(baseUrl, path, cookie, init);
}
