import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DiffBlock, DiffWord, VersionDiff } from "../../../../shared/schemas/versions";
import { Button } from "../../ui/Button";

export type DiffLayout = "inline" | "sideBySide";

/** Unchanged blocks kept in view on either side of a change; longer unchanged runs fold away. */
const CONTEXT = 1;

/** A block with its place in the diff (its key: diff blocks have no identity of their own). */
interface Placed {
  block: DiffBlock;
  key: number;
}

type Row = ({ kind: "block" } & Placed) | { kind: "fold"; items: Placed[]; key: number };

/** Blocks in order, with long runs of unchanged blocks folded into one row. */
function foldUnchanged(blocks: DiffBlock[]): Row[] {
  const rows: Row[] = [];
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i].op !== "same") {
      rows.push({ kind: "block", block: blocks[i], key: i });
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end].op === "same") end++;
    const keepBefore = i === 0 ? 0 : CONTEXT;
    const keepAfter = end === blocks.length ? 0 : CONTEXT;
    if (end - i <= keepBefore + keepAfter + 1) {
      for (let k = i; k < end; k++) rows.push({ kind: "block", block: blocks[k], key: k });
    } else {
      for (let k = i; k < i + keepBefore; k++) rows.push({ kind: "block", block: blocks[k], key: k });
      const items: Placed[] = [];
      for (let k = i + keepBefore; k < end - keepAfter; k++) items.push({ block: blocks[k], key: k });
      rows.push({ kind: "fold", items, key: i + keepBefore });
      for (let k = end - keepAfter; k < end; k++) rows.push({ kind: "block", block: blocks[k], key: k });
    }
    i = end;
  }
  return rows;
}

/** "Alinea", "Kop 2", "Les: Valkuil"… */
function useBlockLabel() {
  const { t } = useTranslation(["history", "lessons"]);
  return (block: DiffBlock) => {
    if (block.type === "heading") return t("blocks.heading", { level: block.level ?? 1 });
    if (block.type === "lesson")
      return t("blocks.lesson", { kind: block.lessonKind ? t(`lessons:kinds.${block.lessonKind}`) : "" });
    return t(`blocks.${block.type}`);
  };
}

function Words({ words, side }: { words: DiffWord[]; side: "before" | "after" | "both" }) {
  return (
    <>
      {words.map((word, place) => {
        const key = `${place}`; // words have no identity beyond their place
        if (word.op === "added") return side === "before" ? null : <ins key={key}>{word.text}</ins>;
        if (word.op === "removed") return side === "after" ? null : <del key={key}>{word.text}</del>;
        return <span key={key}>{word.text}</span>;
      })}
    </>
  );
}

/** A block's text on one side (or both, inline), with its words marked. */
function BlockText({ block, side }: { block: DiffBlock; side: "before" | "after" | "both" }) {
  if (block.op === "changed" && block.words) return <Words words={block.words} side={side} />;
  if (block.op === "added") return side === "before" ? null : <ins>{block.after}</ins>;
  if (block.op === "removed") return side === "after" ? null : <del>{block.before}</del>;
  return <>{block.after ?? block.before}</>;
}

export interface VersionDiffViewProps {
  diff: VersionDiff;
  layout: DiffLayout;
  /** Column headings for side by side: the older and the newer side. */
  fromLabel: string;
  toLabel: string;
  /** Offered on removed and changed blocks when the reader may restore. */
  onRestoreBlock?: (block: DiffBlock) => void;
}

/** What changed between two versions, block by block, inline or side by side, unchanged runs folded. */
export function VersionDiffView({ diff, layout, fromLabel, toLabel, onRestoreBlock }: VersionDiffViewProps) {
  const { t } = useTranslation("history");
  const label = useBlockLabel();
  const rows = foldUnchanged(diff.blocks);
  const { added, removed, changed } = diff.counts;

  const restoreButton = (block: DiffBlock) =>
    onRestoreBlock && block.op !== "added" && block.op !== "same" && block.topIndex !== undefined ? (
      <Button
        size="small"
        variant="quiet"
        aria-label={t("restore.blockLabel", { text: snippet(block.before ?? "") })}
        onPress={() => onRestoreBlock(block)}
      >
        {t("restore.block")}
      </Button>
    ) : null;
  const blockLabel = (block: DiffBlock) => (
    <span className="diff__label">
      <span className={`diff__op diff__op--${block.op}`}>{t(`ops.${block.op}`)}</span> · {label(block)}
    </span>
  );

  return (
    <div className={`diff diff--${layout}`}>
      <p className="diff__counts" aria-live="polite">
        {added + removed + changed === 0
          ? t("compare.noChanges")
          : t("compare.counts", { added, removed, changed })}
      </p>
      {layout === "inline" ? (
        <ol className="diff__blocks">
          {rows.map((row) =>
            row.kind === "fold" ? (
              <li key={row.key} className="diff__fold-item">
                <Fold items={row.items}>
                  {(items) =>
                    items.map(({ block, key }) => (
                      <div key={key} className="diff__block diff__block--same">
                        {blockLabel(block)}
                        <div className="diff__text">
                          <BlockText block={block} side="both" />
                        </div>
                      </div>
                    ))
                  }
                </Fold>
              </li>
            ) : (
              <li key={row.key} className={`diff__block diff__block--${row.block.op}`}>
                <div className="diff__head">
                  {blockLabel(row.block)}
                  {restoreButton(row.block)}
                </div>
                <div className="diff__text">
                  <BlockText block={row.block} side="both" />
                </div>
              </li>
            ),
          )}
        </ol>
      ) : (
        <table className="diff__table">
          <thead>
            <tr>
              <th scope="col">{fromLabel}</th>
              <th scope="col">{toLabel}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              row.kind === "fold" ? (
                <tr key={row.key} className="diff__fold-row">
                  <td colSpan={2}>
                    <Fold items={row.items}>
                      {(items) => (
                        <table className="diff__table diff__table--nested">
                          <tbody>
                            {items.map(({ block, key }) => (
                              <SideBySideRow key={key} block={block} label={blockLabel(block)} />
                            ))}
                          </tbody>
                        </table>
                      )}
                    </Fold>
                  </td>
                </tr>
              ) : (
                <SideBySideRow
                  key={row.key}
                  block={row.block}
                  label={blockLabel(row.block)}
                  action={restoreButton(row.block)}
                />
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}

function SideBySideRow({ block, label, action }: { block: DiffBlock; label: ReactNode; action?: ReactNode }) {
  return (
    <tr className={`diff__block diff__block--${block.op}`}>
      <td className="diff__cell">
        {block.op !== "added" && (
          <>
            <div className="diff__head">
              {label}
              {action}
            </div>
            <div className="diff__text">
              <BlockText block={block} side="before" />
            </div>
          </>
        )}
      </td>
      <td className="diff__cell">
        {block.op !== "removed" && (
          <>
            {block.op === "added" && <div className="diff__head">{label}</div>}
            <div className="diff__text">
              <BlockText block={block} side="after" />
            </div>
          </>
        )}
      </td>
    </tr>
  );
}

/** "12 ongewijzigde blokken [Tonen]": unchanged blocks out of the way until asked for. */
function Fold({ items, children }: { items: Placed[]; children: (items: Placed[]) => ReactNode }) {
  const { t } = useTranslation("history");
  const [open, setOpen] = useState(false);
  return (
    <div className="diff__fold">
      <div className="diff__fold-bar">
        <span>{t("compare.unchanged", { count: items.length })}</span>
        <Button size="small" variant="quiet" aria-expanded={open} onPress={() => setOpen(!open)}>
          {open ? t("compare.hideUnchanged") : t("compare.showUnchanged")}
        </Button>
      </div>
      {open && children(items)}
    </div>
  );
}

function snippet(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
