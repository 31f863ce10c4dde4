import type { ComparisonMatrix } from "../../../shared/schemas/comparisons";
import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import { badRequest, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import { caseComparison } from "./case-comparison";
import {
  type ComparisonRecord,
  deleteComparison,
  findCaseLessons,
  findCases,
  findComparison,
  findLiveThemes,
  insertComparison,
  listComparisons,
  parseCaseIds,
} from "./comparisons.repo";

/** A saved comparison with its matrix recomputed from the live lessons. */
export interface ComparisonWithMatrix {
  record: ComparisonRecord;
  caseIds: string[];
  matrix: ComparisonMatrix;
}

/** Comparing cases theme by theme: previews, and saved comparisons shared by link inside the workspace. */
export class ComparisonsService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
  ) {}

  /** Checks access before the request body is read (a stranger learns nothing from validation errors). */
  async authorize(user: SessionUser | undefined, workspaceId: string, action: "comparison.read" | "comparison.save") {
    await this.access.requireWorkspace(user, workspaceId, action);
  }

  /** The matrix for these cases; every id must be a live case document of the workspace. */
  async preview(user: SessionUser | undefined, workspaceId: string, caseIds: string[]): Promise<ComparisonMatrix> {
    await this.access.requireWorkspace(user, workspaceId, "comparison.read");
    await this.requireCases(workspaceId, caseIds);
    return this.matrix(workspaceId, caseIds);
  }

  async create(
    user: SessionUser | undefined,
    workspaceId: string,
    input: { name: string; caseIds: string[] },
  ): Promise<ComparisonWithMatrix> {
    await this.access.requireWorkspace(user, workspaceId, "comparison.save");
    await this.requireCases(workspaceId, input.caseIds);
    // requireWorkspace has thrown without a user.
    const id = await insertComparison(this.db, { workspaceId, ...input, userId: (user as SessionUser).id });
    return this.get(user, workspaceId, id);
  }

  async list(user: SessionUser | undefined, workspaceId: string): Promise<ComparisonRecord[]> {
    await this.access.requireWorkspace(user, workspaceId, "comparison.read");
    return listComparisons(this.db, workspaceId);
  }

  /** A saved comparison; cases trashed since it was saved drop out of its matrix. */
  async get(user: SessionUser | undefined, workspaceId: string, id: string): Promise<ComparisonWithMatrix> {
    await this.access.requireWorkspace(user, workspaceId, "comparison.read");
    const record = await findComparison(this.db, workspaceId, id);
    if (!record) throw notFound("Comparison");
    const caseIds = parseCaseIds(record.case_ids);
    return { record, caseIds, matrix: await this.matrix(workspaceId, caseIds) };
  }

  async remove(user: SessionUser | undefined, workspaceId: string, id: string): Promise<void> {
    await this.access.requireWorkspace(user, workspaceId, "comparison.save");
    if (!(await deleteComparison(this.db, workspaceId, id))) throw notFound("Comparison");
  }

  private async requireCases(workspaceId: string, caseIds: string[]): Promise<void> {
    const found = new Set((await findCases(this.db, workspaceId, caseIds)).map((c) => c.id));
    const missing = caseIds.find((id) => !found.has(id));
    if (missing) throw badRequest(`caseIds: ${missing} is not a case of this workspace`, "caseIds");
  }

  private async matrix(workspaceId: string, caseIds: string[]): Promise<ComparisonMatrix> {
    const cases = caseIds.length ? await findCases(this.db, workspaceId, caseIds) : [];
    const lessons = cases.length ? await findCaseLessons(this.db, cases.map((c) => c.id)) : [];
    const themes = await findLiveThemes(this.db, workspaceId);
    return caseComparison({ caseOrder: caseIds, cases, themes, lessons });
  }
}
