import { typosAllowed, typosToMatch } from "../dutch-text";

/** A term of the dictionary that answers a query word, with the typos it took. */
export interface TermMatch {
  term: string;
  typos: number;
  /** The term is the query word itself, not a longer word it starts. */
  exact: boolean;
}

/**
 * Every indexed word, kept sorted: words starting with a query word form one contiguous range
 * (search as you type), and typo candidates are looked for among words with the same first letter
 * (like Meilisearch, a typo on the first letter is not tolerated).
 */
export class TermDictionary {
  private readonly terms: string[] = [];

  /** Adds a word if it is new (binary search and insert keep the order). */
  add(term: string): void {
    const at = this.lowerBound(term);
    if (this.terms[at] !== term) this.terms.splice(at, 0, term);
  }

  get size(): number {
    return this.terms.length;
  }

  /** Forgets every word (before a rebuild). */
  clear(): void {
    this.terms.length = 0;
  }

  /** The words a query word stands for: as typed or as a prefix, and within its allowed typos. */
  matches(token: string): TermMatch[] {
    const found: TermMatch[] = [];
    const start = this.lowerBound(token);
    let end = start;
    for (; end < this.terms.length && this.terms[end].startsWith(token); end++) {
      found.push({ term: this.terms[end], typos: 0, exact: this.terms[end] === token });
    }
    const typos = typosAllowed(token);
    if (typos === 0) return found;
    const first = token[0];
    const from = this.lowerBound(first);
    for (let i = from; i < this.terms.length && this.terms[i][0] === first; i++) {
      if (i >= start && i < end) continue;
      const term = this.terms[i];
      if (term.length < token.length - typos) continue;
      const needed = typosToMatch(term, token);
      if (needed !== undefined) found.push({ term, typos: needed, exact: false });
    }
    return found;
  }

  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid] < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
