import type { SearchRequestQuery, SearchResponse } from "../../../shared/schemas/search";
import { searchFacetNames } from "../../../shared/schemas/search";
import { readKindWords } from "../../../shared/search-kind-words";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { SessionUser } from "../../http/app-env";
import type { SearchIndex } from "../../search/search-index";

/** Search within one workspace: the server sets the workspace scope from the access check, never the client. */
export class SearchService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly index: SearchIndex,
  ) {}

  async search(user: SessionUser, workspaceId: string, query: SearchRequestQuery): Promise<SearchResponse> {
    await this.access.requireWorkspace(user, workspaceId, "search.query");
    // Kind words are filters, on either engine; both kinds of filter together mean any of them.
    const understood = query.literal ? { lessonKinds: [], q: query.q } : readKindWords(query.q);
    const lessonKind =
      understood.lessonKinds.length > 0
        ? [...new Set([...(query.lessonKind ?? []), ...understood.lessonKinds])]
        : query.lessonKind;
    const result = await this.index.search({
      workspaceIds: [workspaceId],
      q: understood.q,
      filters: {
        type: query.type,
        lessonKind,
        theme: query.theme,
        case: query.case,
        isCentreCity: query.isCentreCity,
        outcome: query.outcome,
        status: query.status,
        documentKind: query.documentKind,
      },
      facets: query.facets ?? [...searchFacetNames],
      limit: query.limit,
      offset: query.offset,
    });
    const themeFacet = result.facets.theme;
    if (themeFacet?.length) {
      const names = await this.db
        .selectFrom("themes")
        .select(["id", "name"])
        .where("workspace_id", "=", workspaceId)
        .where(
          "id",
          "in",
          themeFacet.map((f) => f.value),
        )
        .execute();
      const byId = new Map(names.map((t) => [t.id, t.name]));
      result.facets.theme = themeFacet.map((f) => ({ ...f, label: byId.get(f.value) ?? f.value }));
    }
    return { ...result, limit: query.limit, offset: query.offset, understood };
  }
}
