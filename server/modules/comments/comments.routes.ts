import {
  createThreadRequest,
  editMessageRequest,
  openThreadsQuery,
  postMessageRequest,
  threadListQuery,
} from "../../../shared/schemas/comments";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { jsonBody, queryParams } from "../../http/validate";
import type { CommentsService } from "./comments.service";

/** Comment threads, messages, resolution and unread (routes listed in shared/schemas/comments.ts). */
export function commentsRoutes(comments: CommentsService): ApiModule {
  return (app) => {
    app.get("/api/documents/:id/threads", async (c) => {
      const user = requireUser(c.var.user);
      const { status } = queryParams(c, threadListQuery);
      return c.json({ threads: await comments.list(user, c.req.param("id"), status) });
    });

    app.post("/api/documents/:id/threads", async (c) => {
      const user = requireUser(c.var.user);
      const input = await jsonBody(c, createThreadRequest);
      return c.json({ thread: await comments.create(user, c.req.param("id"), input) }, 201);
    });

    app.get("/api/threads/:id", async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ thread: await comments.get(user, c.req.param("id")) });
    });

    app.post("/api/threads/:id/messages", async (c) => {
      const user = requireUser(c.var.user);
      const input = await jsonBody(c, postMessageRequest);
      return c.json(await comments.reply(user, c.req.param("id"), input), 201);
    });

    app.patch("/api/messages/:id", async (c) => {
      const user = requireUser(c.var.user);
      const input = await jsonBody(c, editMessageRequest);
      return c.json(await comments.edit(user, c.req.param("id"), input));
    });

    app.delete("/api/messages/:id", async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ thread: await comments.remove(user, c.req.param("id")) });
    });

    app.post("/api/threads/:id/resolve", async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ thread: await comments.setResolved(user, c.req.param("id"), true) });
    });

    app.post("/api/threads/:id/reopen", async (c) => {
      const user = requireUser(c.var.user);
      return c.json({ thread: await comments.setResolved(user, c.req.param("id"), false) });
    });

    app.post("/api/threads/:id/read", async (c) => {
      const user = requireUser(c.var.user);
      await comments.markRead(user, c.req.param("id"));
      return c.body(null, 204);
    });

    app.get("/api/workspaces/:id/threads", async (c) => {
      const user = requireUser(c.var.user);
      const { limit } = queryParams(c, openThreadsQuery);
      return c.json(await comments.openThreads(user, c.req.param("id"), limit));
    });

    app.get("/api/workspaces/:id/unread", async (c) => {
      const user = requireUser(c.var.user);
      return c.json(await comments.unread(user, c.req.param("id")));
    });

    app.post("/api/workspaces/:id/unread/read-all", async (c) => {
      const user = requireUser(c.var.user);
      await comments.markAllRead(user, c.req.param("id"));
      return c.body(null, 204);
    });
  };
}
