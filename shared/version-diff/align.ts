import { diffArrays } from "diff";

/** A run of a two-sequence alignment: `count` items kept, only in the older (removed) or only in the newer (added). */
export interface AlignedRun {
  op: "same" | "removed" | "added";
  /** Position of the run's first item in the older sequence (for added: where it would go). */
  oldStart: number;
  /** Position of the run's first item in the newer sequence (for removed: where it was). */
  newStart: number;
  count: number;
}

/**
 * Beyond this many edits the exact alignment costs more than it tells (a text rewritten from top to
 * bottom): the common start and end are kept and the middle is one removed and one added run.
 */
const MAX_EDIT_LENGTH = 2_000;

/** Aligns two sequences of keys (Myers' diff, equal keys are the same item). */
export function alignSequences(older: readonly string[], newer: readonly string[]): AlignedRun[] {
  const exact = diffArrays(older as string[], newer as string[], { maxEditLength: MAX_EDIT_LENGTH });
  return exact ? toRuns(exact) : roughAlignment(older, newer);
}

function toRuns(changes: Array<{ added: boolean; removed: boolean; count: number }>): AlignedRun[] {
  const runs: AlignedRun[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const change of changes) {
    const op = change.added ? "added" : change.removed ? "removed" : "same";
    runs.push({ op, oldStart: oldAt, newStart: newAt, count: change.count });
    if (op !== "added") oldAt += change.count;
    if (op !== "removed") newAt += change.count;
  }
  return runs;
}

function roughAlignment(older: readonly string[], newer: readonly string[]): AlignedRun[] {
  let head = 0;
  while (head < older.length && head < newer.length && older[head] === newer[head]) head++;
  let tail = 0;
  while (
    tail < older.length - head &&
    tail < newer.length - head &&
    older[older.length - 1 - tail] === newer[newer.length - 1 - tail]
  )
    tail++;
  const runs: AlignedRun[] = [];
  if (head) runs.push({ op: "same", oldStart: 0, newStart: 0, count: head });
  const removed = older.length - head - tail;
  const added = newer.length - head - tail;
  if (removed) runs.push({ op: "removed", oldStart: head, newStart: head, count: removed });
  if (added) runs.push({ op: "added", oldStart: head + removed, newStart: head, count: added });
  if (tail)
    runs.push({ op: "same", oldStart: older.length - tail, newStart: newer.length - tail, count: tail });
  return runs;
}

/** A stretch between two kept runs: what the older side lost and the newer side gained there. */
export interface AlignedHunk {
  kind: "same" | "change";
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** The runs grouped: kept stretches, and the changed stretches between them (removed and added together). */
export function alignedHunks(runs: readonly AlignedRun[]): AlignedHunk[] {
  const hunks: AlignedHunk[] = [];
  for (const run of runs) {
    if (run.op === "same") {
      hunks.push({
        kind: "same",
        oldStart: run.oldStart,
        oldCount: run.count,
        newStart: run.newStart,
        newCount: run.count,
      });
      continue;
    }
    let last = hunks[hunks.length - 1];
    if (!last || last.kind === "same") {
      last = { kind: "change", oldStart: run.oldStart, oldCount: 0, newStart: run.newStart, newCount: 0 };
      hunks.push(last);
    }
    if (run.op === "removed") last.oldCount += run.count;
    else last.newCount += run.count;
  }
  return hunks;
}

/** How alike two texts are, 0–1: the share of words they have in common (Dice over word multisets). */
export function textSimilarity(a: string, b: string): number {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const left = words(a);
  const right = words(b);
  if (left.length === 0 && right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of right) {
    const n = counts.get(word) ?? 0;
    if (n > 0) {
      common++;
      counts.set(word, n - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}
