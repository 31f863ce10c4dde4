import type { TermMatch } from "./term-dictionary";

/** Searchable fields in rank order: a match in an earlier field ranks higher (title above text). */
export const searchableFields = [
  "title",
  "text",
  "themeNames",
  "caseName",
  "documentTitle",
  "synonyms",
] as const;
const fieldWeight = [4, 1, 1, 1, 0.5, 0.5];
/** A posting packs the term's count and one bit per searchable field: count × FIELD_UNIT + field bits. */
export const FIELD_UNIT = 64;

/** What the matcher needs to know about the index. */
export interface MatchSource {
  /** Entry count including tombstones (entry numbers are below it). */
  capacity(): number;
  live(): number;
  averageLength(): number;
  /** [entry, tf × FIELD_UNIT + field bits] pairs of a word. */
  postings(term: string): ArrayLike<number> | undefined;
  /** Token count of a live entry, or -1 for a tombstone. */
  lengthOf(n: number): number;
}

/**
 * Finds the entries that answer every query word and ranks them like Meilisearch's rules (fewer
 * typos, then the better field, then exact words, then a BM25-like score). Works in typed arrays
 * indexed by entry number, reused across searches, so a search allocates almost nothing.
 */
export class Matcher {
  private stamp = new Uint32Array(0);
  private roundStamp = new Uint32Array(0);
  private typos = new Uint8Array(0);
  private attribute = new Uint8Array(0);
  private exact = new Uint8Array(0);
  private score = new Float64Array(0);
  private bestTypos = new Uint8Array(0);
  private bestAttribute = new Uint8Array(0);
  private bestExact = new Uint8Array(0);
  private bestScore = new Float64Array(0);
  private clock = 0;

  /** Entry numbers answering every token's terms and admitted by `admit` (workspace and filters). */
  match(source: MatchSource, termsPerToken: TermMatch[][], admit: (n: number) => boolean): number[] {
    this.ensure(source.capacity());
    const live = source.live();
    const averageLength = source.averageLength();
    // Narrow from the rarest word: later words only look at entries still in the running.
    const order = termsPerToken
      .map((terms) => ({
        terms,
        size: terms.reduce((s, t) => s + (source.postings(t.term)?.length ?? 0), 0),
      }))
      .sort((a, b) => a.size - b.size);
    let alive: number[] = [];
    let previous = 0;
    for (let round = 0; round < order.length; round++) {
      const current = ++this.clock;
      const touched: number[] = [];
      for (const term of order[round].terms) {
        const list = source.postings(term.term);
        if (!list) continue;
        const idf = Math.log(1 + live / (list.length / 2));
        for (let p = 0; p < list.length; p += 2) {
          const n = list[p];
          const length = source.lengthOf(n);
          if (length < 0) continue;
          if (round > 0 ? this.stamp[n] !== previous : this.roundStamp[n] !== current && !admit(n)) continue;
          const packed = list[p + 1];
          const bits = packed & (FIELD_UNIT - 1);
          const tf = packed >>> 6;
          const attribute = 31 - Math.clz32(bits & -bits);
          const norm = tf + 1.2 * (0.25 + (0.75 * length) / averageLength);
          const score = ((idf * tf * 2.2) / norm) * fieldWeight[attribute];
          if (this.roundStamp[n] !== current) {
            this.roundStamp[n] = current;
            touched.push(n);
          } else if (!this.isBetter(n, term.typos, attribute, score)) {
            continue;
          }
          this.bestTypos[n] = term.typos;
          this.bestAttribute[n] = attribute;
          this.bestExact[n] = term.exact ? 1 : 0;
          this.bestScore[n] = score;
        }
      }
      for (const n of touched) {
        if (round === 0) {
          this.typos[n] = this.bestTypos[n];
          this.attribute[n] = this.bestAttribute[n];
          this.exact[n] = this.bestExact[n];
          this.score[n] = this.bestScore[n];
        } else {
          this.typos[n] = Math.min(255, this.typos[n] + this.bestTypos[n]);
          this.attribute[n] = Math.min(this.attribute[n], this.bestAttribute[n]);
          this.exact[n] += this.bestExact[n];
          this.score[n] += this.bestScore[n];
        }
        this.stamp[n] = current;
      }
      alive = touched;
      previous = current;
      if (alive.length === 0) break;
    }
    return alive;
  }

  /** Negative when entry a ranks above entry b (valid for the entries of the last match). */
  compare = (a: number, b: number): number =>
    this.typos[a] - this.typos[b] ||
    this.attribute[a] - this.attribute[b] ||
    this.exact[b] - this.exact[a] ||
    this.score[b] - this.score[a] ||
    a - b;

  private isBetter(n: number, typos: number, attribute: number, score: number): boolean {
    const t = this.bestTypos[n];
    if (typos !== t) return typos < t;
    const a = this.bestAttribute[n];
    if (attribute !== a) return attribute < a;
    return score > this.bestScore[n];
  }

  private ensure(capacity: number): void {
    if (this.stamp.length >= capacity) return;
    const size = Math.max(capacity, this.stamp.length * 2, 1024);
    const grow = <T extends Uint8Array | Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old as never);
      return next;
    };
    this.stamp = grow(this.stamp, (n) => new Uint32Array(n));
    this.roundStamp = grow(this.roundStamp, (n) => new Uint32Array(n));
    this.typos = new Uint8Array(size);
    this.attribute = new Uint8Array(size);
    this.exact = new Uint8Array(size);
    this.score = new Float64Array(size);
    this.bestTypos = new Uint8Array(size);
    this.bestAttribute = new Uint8Array(size);
    this.bestExact = new Uint8Array(size);
    this.bestScore = new Float64Array(size);
  }
}

/** The first `count` items of `items` in `compare` order, without sorting them all (a bounded heap). */
export function topK(items: number[], count: number, compare: (a: number, b: number) => number): number[] {
  if (items.length <= count * 4) return [...items].sort(compare).slice(0, count);
  // Max-heap of the best `count` seen so far; its root is the worst of them.
  const heap: number[] = [];
  const worse = (i: number, j: number) => compare(heap[i], heap[j]) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (count > 0 && compare(item, heap[0]) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < heap.length && worse(l, top)) top = l;
        if (r < heap.length && worse(r, top)) top = r;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort(compare);
}
