import type { Handler } from "hono";

/** A part of the system that /healthz asks about (database, search index …). */
export interface HealthCheck {
  name: string;
  check(): Promise<boolean>;
}

/** GET /healthz: 200 {"ok":true} when every part answers, else 503 naming the parts that are down. */
export function healthRoute(checks: HealthCheck[]): Handler {
  return async function health(c) {
    const results = await Promise.all(
      checks.map(async (h) => ({ name: h.name, ok: await h.check().catch(() => false) })),
    );
    const down = results.filter((r) => !r.ok).map((r) => r.name);
    if (down.length === 0) return c.json({ ok: true });
    return c.json({ ok: false, down, error: { code: "service_unavailable", message: `Down: ${down.join(", ")}` } }, 503);
  };
}
