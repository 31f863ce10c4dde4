import { streamSSE } from "hono/streaming";
import { LIVE_HEARTBEAT_MS, type LiveEvent } from "../../shared/schemas/live";
import type { ApiModule } from "../app-deps";
import type { AccessControl } from "../auth/access";
import { can } from "../auth/policy";
import { requireUser } from "../auth/require-user";
import { AppError } from "../errors";
import type { LiveHub } from "./live-hub";

const tooManyStreams = () =>
  new AppError(429, "rate_limited", "Too many event streams are open for this session; close a tab first.", {
    retryAfterSeconds: 10,
  });

/** GET /api/workspaces/:id/events — the workspace event stream (SSE) for members who may read comments. */
export function liveRoutes(hub: LiveHub, access: AccessControl, heartbeatMs = LIVE_HEARTBEAT_MS): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/events", async (c) => {
      const user = requireUser(c.var.user);
      const workspaceId = c.req.param("id");
      // Refused before the stream opens, so the caller gets the usual JSON error and status.
      await access.requireWorkspace(user, workspaceId, "comment.read");
      // One of the session's slots, given back when the stream ends however it ends.
      const slot = hub.reserve(c.var.sessionId ?? user.id);
      if (!slot) throw tooManyStreams();
      c.header("Cache-Control", "no-store");
      c.header("X-Accel-Buffering", "no");
      return streamSSE(c, async (stream) => {
        let finish = () => {};
        const finished = new Promise<void>((resolve) => {
          finish = resolve;
        });
        // Writes are chained so events keep their order on the wire.
        let chain = Promise.resolve();
        const write = (fn: () => Promise<void>) => {
          chain = chain.then(fn).catch(() => finish());
        };
        const send = (event: LiveEvent) =>
          write(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event) }));
        const unsubscribe = hub.subscribe({
          workspaceId,
          userId: user.id,
          sessionId: c.var.sessionId,
          send,
          close: () => finish(),
        });
        stream.onAbort(() => finish());
        const heartbeat = setInterval(
          () => write(() => stream.write(": heartbeat\n\n").then(() => {})),
          heartbeatMs,
        );
        try {
          // Access may have changed between the check above and the subscription.
          if (can(await access.roleIn(workspaceId, user.id), "comment.read")) {
            send({ type: "ready", workspaceId });
            await finished;
          }
        } finally {
          clearInterval(heartbeat);
          unsubscribe();
          slot.release();
          await chain;
        }
      });
    });
  };
}
