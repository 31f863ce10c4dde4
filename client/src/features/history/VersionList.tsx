import { type Key, ListBox, ListBoxItem } from "react-aria-components";
import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../../shared/schemas/versions";
import { useFormatDateTime } from "../../i18n/format";

/** A version's name as the list shows it: its own name, or what kind it is. */
export function useVersionName() {
  const { t } = useTranslation("history");
  return (version: VersionSummary) => version.name ?? t(`kinds.${version.kind}`);
}

/** The document's versions, newest first; choosing one shows what changed since (arrow keys move). */
export function VersionList({
  versions,
  selectedId,
  onSelect,
}: {
  versions: VersionSummary[];
  selectedId: string | undefined;
  onSelect: (versionId: string) => void;
}) {
  const { t } = useTranslation("history");
  const formatDateTime = useFormatDateTime();
  const nameOf = useVersionName();
  const byId = new Map(versions.map((v) => [v.id, v]));
  const details = (version: VersionSummary) => {
    const restoredFrom = version.restoredFrom ? byId.get(version.restoredFrom) : undefined;
    if (version.kind === "restore")
      return [
        restoredFrom ? t("restoredFrom", { date: formatDateTime(restoredFrom.createdAt) }) : undefined,
        version.createdBy ? t("by", { name: version.createdBy.name }) : undefined,
      ]
        .filter(Boolean)
        .join(" ");
    if (version.contributors.length > 0)
      return t("contributors", { names: version.contributors.map((p) => p.name).join(", ") });
    return version.createdBy ? t("by", { name: version.createdBy.name }) : t("noContributors");
  };
  return (
    <ListBox
      className="version-list"
      aria-label={t("versions")}
      selectionMode="single"
      // Arrow keys choose (as in a file list), so the diff follows the keyboard.
      selectionBehavior="replace"
      disallowEmptySelection
      selectedKeys={selectedId ? [selectedId] : []}
      onSelectionChange={(keys) => {
        if (keys === "all") return;
        const [key] = [...keys] as Key[];
        if (key !== undefined) onSelect(String(key));
      }}
      items={versions}
    >
      {(version) => (
        <ListBoxItem
          id={version.id}
          textValue={`${nameOf(version)} ${formatDateTime(version.createdAt)}`}
          className={`version-list__item version-list__item--${version.kind}`}
        >
          {/* Plain text, not label and description slots: the option is named by all it shows. */}
          <span className="version-list__name">{nameOf(version)}</span>
          <span className="version-list__meta">
            <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
            <span className="version-list__people">{details(version)}</span>
          </span>
        </ListBoxItem>
      )}
    </ListBox>
  );
}
