import { synonymGroupRequest } from "../../../shared/schemas/synonyms";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { jsonBody } from "../../http/validate";
import type { SynonymRow } from "./synonyms.repo";
import type { SynonymsService } from "./synonyms.service";

const present = (g: SynonymRow) => ({ id: g.id, terms: g.terms, updatedAt: g.updatedAt });

/** GET/POST /api/workspaces/:id/synonyms, PUT/DELETE /api/synonyms/:id. */
export function synonymsRoutes(synonyms: SynonymsService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/synonyms", async (c) => {
      const list = await synonyms.list(requireUser(c.var.user), c.req.param("id"));
      return c.json({ synonyms: list.map(present) });
    });

    app.post("/api/workspaces/:id/synonyms", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, synonymGroupRequest);
      return c.json({ synonym: present(await synonyms.create(user, c.req.param("id"), body.terms)) }, 201);
    });

    app.put("/api/synonyms/:id", async (c) => {
      const user = requireUser(c.var.user);
      const body = await jsonBody(c, synonymGroupRequest);
      return c.json({ synonym: present(await synonyms.update(user, c.req.param("id"), body.terms)) });
    });

    app.delete("/api/synonyms/:id", async (c) => {
      await synonyms.remove(requireUser(c.var.user), c.req.param("id"));
      return c.body(null, 204);
    });
  };
}
