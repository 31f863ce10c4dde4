/** A tiny fetch wrapper for tests against a listening server: session cookie, Origin on writes, JSON. */
export function apiClient(baseUrl: string) {
  return async function api(
    path: string,
    cookie: string,
    init: RequestInit & { json?: unknown } = {},
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON came back
  ): Promise<{ status: number; body: any }> {
    const headers = new Headers(init.headers);
    if (cookie) headers.set("Cookie", cookie);
    if (init.method && init.method !== "GET") headers.set("Origin", baseUrl);
    if (init.json !== undefined) headers.set("Content-Type", "application/json");
    const res = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}
