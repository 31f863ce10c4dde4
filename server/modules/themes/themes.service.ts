import type { AccessControl } from "../../auth/access";
import type { Db } from "../../db/database";
import type { DomainEventBus } from "../../events";
import { AppError, badRequest, conflict, notFound } from "../../errors";
import type { SessionUser } from "../../http/app-env";
import {
  findTheme,
  findThemeByName,
  insertTheme,
  listThemes,
  mergeTheme,
  type ThemeRow,
  themeAliases,
  updateTheme,
} from "./themes.repo";

/** The workspace's taxonomy: the facilitator adds, renames, reorders, merges and archives themes. */
export class ThemesService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessControl,
    private readonly events: DomainEventBus,
  ) {}

  async list(user: SessionUser, workspaceId: string, includeArchived: boolean) {
    await this.access.requireWorkspace(user, workspaceId, "workspace.read");
    const [themes, aliases] = await Promise.all([
      listThemes(this.db, workspaceId, includeArchived),
      themeAliases(this.db, workspaceId),
    ]);
    return { themes, aliases };
  }

  async create(user: SessionUser, workspaceId: string, input: { name: string; description?: string }) {
    await this.access.requireWorkspace(user, workspaceId, "theme.manage");
    if (await findThemeByName(this.db, workspaceId, input.name)) {
      throw conflict(`A theme named "${input.name}" already exists.`);
    }
    const id = await insertTheme(this.db, workspaceId, input);
    return this.one(workspaceId, id);
  }

  async update(
    user: SessionUser,
    themeId: string,
    change: { name?: string; description?: string; position?: number; archived?: boolean },
  ): Promise<ThemeRow> {
    const theme = await this.manageable(user, themeId);
    if (change.name) {
      const same = await findThemeByName(this.db, theme.workspace_id, change.name);
      if (same && same.id !== themeId) throw conflict(`A theme named "${change.name}" already exists.`);
    }
    await updateTheme(this.db, themeId, change);
    if (change.name) this.events.emit("documentsChanged", { workspaceId: theme.workspace_id });
    return this.one(theme.workspace_id, themeId);
  }

  async merge(user: SessionUser, themeId: string, intoThemeId: string): Promise<ThemeRow> {
    const source = await this.manageable(user, themeId);
    const target = await findTheme(this.db, intoThemeId);
    if (!target || target.workspace_id !== source.workspace_id || target.merged_into_id) {
      throw badRequest("intoThemeId: must be another theme of this workspace", "intoThemeId");
    }
    if (target.id === source.id) throw badRequest("intoThemeId: a theme cannot merge into itself", "intoThemeId");
    await mergeTheme(this.db, source.id, target.id);
    this.events.emit("documentsChanged", { workspaceId: source.workspace_id });
    return this.one(source.workspace_id, target.id);
  }

  private async manageable(user: SessionUser, themeId: string) {
    const theme = await findTheme(this.db, themeId);
    if (!theme) throw notFound("Theme");
    try {
      await this.access.requireWorkspace(user, theme.workspace_id, "theme.manage");
    } catch (error) {
      if (error instanceof AppError && error.status === 404) throw notFound("Theme");
      throw error;
    }
    if (theme.merged_into_id) throw conflict("This theme was merged into another one.");
    return theme;
  }

  private async one(workspaceId: string, themeId: string): Promise<ThemeRow> {
    const rows = await listThemes(this.db, workspaceId, true);
    const row = rows.find((r) => r.id === themeId);
    if (!row) throw notFound("Theme");
    return row;
  }
}
