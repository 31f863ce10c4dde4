import type { Theme } from "../../../shared/schemas/themes";
import type { ThemeRow } from "./themes.repo";

export function presentTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    position: row.position,
    archived: row.archived_at !== null,
    lessonCount: row.lesson_count,
  };
}
