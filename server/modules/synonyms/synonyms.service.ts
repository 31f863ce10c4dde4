import { SYNONYM_LIMITS, synonymKey } from "../../../shared/schemas/synonyms";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { AppError, conflict, notFound } from "../../errors";
import type { DomainEventBus } from "../../events";
import type { SessionUser } from "../../http/app-env";
import {
  deleteSynonym,
  findSynonym,
  insertSynonym,
  listSynonyms,
  type SynonymRow,
  updateSynonym,
} from "./synonyms.repo";

/**
 * Synonyms per workspace ("LDE" ↔ "lokale diensteneconomie"): every member reads them, facilitators keep
 * them. A change re-indexes the workspace (through the search outbox), since both engines apply them when
 * an entry is indexed.
 */
export class SynonymsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly events: DomainEventBus,
  ) {}

  async list(user: SessionUser, workspaceId: string): Promise<SynonymRow[]> {
    await this.access.requireWorkspace(user, workspaceId, "workspace.read");
    return listSynonyms(this.db, workspaceId);
  }

  async create(user: SessionUser, workspaceId: string, terms: string[]): Promise<SynonymRow> {
    await this.access.requireWorkspace(user, workspaceId, "theme.manage");
    const existing = await listSynonyms(this.db, workspaceId);
    if (existing.length >= SYNONYM_LIMITS.groupsPerWorkspace) {
      throw conflict(`A workspace keeps at most ${SYNONYM_LIMITS.groupsPerWorkspace} synonym groups.`);
    }
    refuseTakenTerms(terms, existing);
    const id = await insertSynonym(this.db, workspaceId, terms, user.id);
    this.events.emit("documentsChanged", { workspaceId });
    return (await findSynonym(this.db, id))!;
  }

  async update(user: SessionUser, id: string, terms: string[]): Promise<SynonymRow> {
    const group = await this.manageable(user, id);
    refuseTakenTerms(
      terms,
      (await listSynonyms(this.db, group.workspaceId)).filter((g) => g.id !== id),
    );
    await updateSynonym(this.db, id, terms);
    this.events.emit("documentsChanged", { workspaceId: group.workspaceId });
    return (await findSynonym(this.db, id))!;
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    const group = await this.manageable(user, id);
    await deleteSynonym(this.db, id);
    this.events.emit("documentsChanged", { workspaceId: group.workspaceId });
  }

  /** The group, when the user may keep its workspace's synonyms; 404 for anyone who may not see it. */
  private async manageable(user: SessionUser, id: string): Promise<SynonymRow> {
    const group = await findSynonym(this.db, id);
    if (!group) throw notFound("Synonym group");
    try {
      await this.access.requireWorkspace(user, group.workspaceId, "theme.manage");
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Synonym group");
      throw error;
    }
    return group;
  }
}

/** A word or phrase belongs to one group of a workspace: in two, it would be unclear what it means. */
function refuseTakenTerms(terms: string[], others: SynonymRow[]): void {
  const taken = new Map<string, string>();
  for (const group of others) for (const term of group.terms) taken.set(synonymKey(term), term);
  const clash = terms.find((term) => taken.has(synonymKey(term)));
  if (clash) throw conflict(`"${clash}" is already in another synonym group of this workspace.`);
}
