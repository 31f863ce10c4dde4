import { searchRequestQuery } from "../../../shared/schemas/search";
import type { ApiModule } from "../../app-deps";
import { requireUser } from "../../auth/require-user";
import { multiQuery, parseWith } from "../../http/validate";
import type { SearchService } from "./search.service";

/** GET /api/workspaces/:id/search — hits with highlights and facet counts, scoped to that workspace. */
export function searchRoutes(search: SearchService): ApiModule {
  return (app) => {
    app.get("/api/workspaces/:id/search", async (c) => {
      const user = requireUser(c.var.user);
      const query = parseWith(searchRequestQuery, multiQuery(c));
      return c.json(await search.search(user, c.req.param("id"), query));
    });
  };
}
