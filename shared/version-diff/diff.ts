import { diffWordsWithSpace } from "diff";
import type { DiffBlock, DiffCounts, DiffWord } from "../schemas/versions";
import { alignedHunks, alignSequences, textSimilarity } from "./align";
import { type DiffLine, documentLines } from "./lines";

/** Lines alike at least this much (textSimilarity) are shown as one changed line, not as removed and added. */
const CHANGED_SIMILARITY = 0.4;
/** How far ahead a removed line looks for its changed counterpart. */
const PAIRING_WINDOW = 50;

export interface DocumentDiff {
  blocks: DiffBlock[];
  counts: DiffCounts;
}

/**
 * What changed from one document state (serialized Lexical JSON) to another, line by line: lines
 * kept, added, removed, and changed with their words marked. A lesson is the same lesson by its id
 * (its text or kind may change); other lines are a changed pair when their words are alike enough.
 */
export function diffDocuments(fromJson: unknown, toJson: unknown): DocumentDiff {
  const older = documentLines(fromJson);
  const newer = documentLines(toJson);
  const blocks: DiffBlock[] = [];
  const counts: DiffCounts = { added: 0, removed: 0, changed: 0, same: 0 };
  const push = (block: DiffBlock) => {
    blocks.push(block);
    counts[block.op]++;
  };
  const runs = alignSequences(
    older.map((l) => l.key),
    newer.map((l) => l.key),
  );
  for (const hunk of alignedHunks(runs)) {
    if (hunk.kind === "same") {
      for (let i = 0; i < hunk.oldCount; i++)
        push(sameBlock(older[hunk.oldStart + i], newer[hunk.newStart + i]));
      continue;
    }
    const removed = older.slice(hunk.oldStart, hunk.oldStart + hunk.oldCount);
    const added = newer.slice(hunk.newStart, hunk.newStart + hunk.newCount);
    const partner = pairLines(removed, added);
    let j = 0;
    removed.forEach((line, i) => {
      const k = partner[i];
      if (k === undefined) {
        push({ ...describe(line), op: "removed", before: line.text, topIndex: line.topIndex });
        return;
      }
      for (; j < k; j++) push({ ...describe(added[j]), op: "added", after: added[j].text });
      push(changedBlock(line, added[k]));
      j = k + 1;
    });
    for (; j < added.length; j++) push({ ...describe(added[j]), op: "added", after: added[j].text });
  }
  return { blocks, counts };
}

/** For each removed line, the index of its changed counterpart among the added ones (in order, never crossing). */
function pairLines(removed: DiffLine[], added: DiffLine[]): Array<number | undefined> {
  const partner: Array<number | undefined> = [];
  let next = 0;
  for (const line of removed) {
    let found: number | undefined;
    for (let k = next; k < Math.min(added.length, next + PAIRING_WINDOW); k++) {
      if (sameThing(line, added[k])) {
        found = k;
        break;
      }
    }
    partner.push(found);
    if (found !== undefined) next = found + 1;
  }
  return partner;
}

function sameThing(a: DiffLine, b: DiffLine): boolean {
  if (a.lessonId || b.lessonId) return a.lessonId === b.lessonId && a.type === b.type;
  return a.type === b.type && textSimilarity(a.text, b.text) >= CHANGED_SIMILARITY;
}

function describe(line: DiffLine): Omit<DiffBlock, "op"> {
  const block: Omit<DiffBlock, "op"> = { type: line.type };
  if (line.level !== undefined) block.level = line.level;
  if (line.lessonKind) block.lessonKind = line.lessonKind;
  if (line.lessonId) block.lessonId = line.lessonId;
  return block;
}

function sameBlock(older: DiffLine, newer: DiffLine): DiffBlock {
  return { ...describe(newer), op: "same", after: newer.text, topIndex: older.topIndex };
}

function changedBlock(older: DiffLine, newer: DiffLine): DiffBlock {
  return {
    ...describe(newer),
    op: "changed",
    before: older.text,
    after: newer.text,
    words: markWords(older.text, newer.text),
    topIndex: older.topIndex,
  };
}

/** The words of a changed line: kept, removed and added runs (spaces belong to the runs they sit in). */
export function markWords(before: string, after: string): DiffWord[] {
  return diffWordsWithSpace(before, after).map((part) => ({
    op: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
