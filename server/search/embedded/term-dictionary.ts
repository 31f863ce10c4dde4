import { dutchStem, isCompoundTail, MIN_PART_LENGTH } from "../dutch-forms";
import { typosAllowed, typosToMatch } from "../dutch-text";

/** A term of the dictionary that answers a query word, with the typos it took. */
export interface TermMatch {
  term: string;
  /** Typos taken; a compound found by its last part counts as one (it ranks below the word itself). */
  typos: number;
  /** The term is the query word itself, not a longer word it starts nor another form of it. */
  exact: boolean;
}

/** New words wait in a small sorted list; past this many they are merged into the main one. */
const RECENT_MAX = 4_096;

/**
 * Words in two sorted lists: a new one is inserted into the small list (a short move), and that list is
 * merged into the big one in one linear pass every RECENT_MAX words, so adding n words costs about
 * n²/RECENT_MAX moves, not n²/2: one document of 200,000 new words does not stop the event loop.
 */
class SortedTerms {
  main: string[] = [];
  recent: string[] = [];

  /** Adds a word; false when it was there already. */
  add(term: string): boolean {
    if (this.main[lowerBound(this.main, term)] === term) return false;
    const at = lowerBound(this.recent, term);
    if (this.recent[at] === term) return false;
    this.recent.splice(at, 0, term);
    if (this.recent.length >= RECENT_MAX) {
      this.main = mergeSorted(this.main, this.recent);
      this.recent = [];
    }
    return true;
  }

  get size(): number {
    return this.main.length + this.recent.length;
  }

  /** Every word starting with `prefix`, from both lists. */
  *startingWith(prefix: string): Generator<string> {
    for (const list of [this.main, this.recent]) {
      for (let i = lowerBound(list, prefix); i < list.length && list[i].startsWith(prefix); i++)
        yield list[i];
    }
  }
}

const reversed = (word: string) => Array.from(word).reverse().join("");

/**
 * Every indexed word: sorted (words starting with a query word are one range — search as you type),
 * by stem (singular and plural), and the stems reversed and sorted (stems ending with a query word's
 * stem are one range — the last part of a compound, in any of its forms: "ateliers" finds
 * "strijkatelier", "werknemer" finds "doelgroepwerknemers"). Typo candidates are looked for among words with the same first letter
 * (like Meilisearch, a typo on the first letter is not tolerated).
 */
export class TermDictionary {
  private forward = new SortedTerms();
  private backward = new SortedTerms();
  private byStem = new Map<string, string[]>();

  /** Adds a word if it is new. */
  add(term: string): void {
    if (!this.forward.add(term)) return;
    const stem = dutchStem(term);
    const forms = this.byStem.get(stem);
    if (forms) forms.push(term);
    else {
      this.byStem.set(stem, [term]);
      this.backward.add(reversed(stem));
    }
  }

  get size(): number {
    return this.forward.size;
  }

  /** Forgets every word (before a rebuild). */
  clear(): void {
    this.forward = new SortedTerms();
    this.backward = new SortedTerms();
    this.byStem = new Map();
  }

  /**
   * The words a query word stands for: itself and the words it starts (0 typos), its other forms
   * ("gemeenten" for "gemeente", 0 typos, not exact), words within its allowed typos, and compounds
   * it ends ("diensteneconomie" for "economie", counted as 1 typo). Each word once, at its best.
   */
  matches(token: string): TermMatch[] {
    const best = new Map<string, TermMatch>();
    const offer = (match: TermMatch) => {
      const known = best.get(match.term);
      if (!known || match.typos < known.typos || (match.typos === known.typos && match.exact && !known.exact))
        best.set(match.term, match);
    };
    for (const term of this.forward.startingWith(token)) offer({ term, typos: 0, exact: term === token });
    for (const term of this.byStem.get(dutchStem(token)) ?? [])
      offer({ term, typos: 0, exact: term === token });
    const tokenStem = dutchStem(token);
    if (tokenStem.length >= MIN_PART_LENGTH) {
      for (const back of this.backward.startingWith(reversed(tokenStem))) {
        const stem = reversed(back);
        if (!isCompoundTail(stem, tokenStem)) continue;
        for (const term of this.byStem.get(stem) ?? []) offer({ term, typos: 1, exact: false });
      }
    }
    const typos = typosAllowed(token);
    // A word long enough to lose an ending is complete: its typos are counted against whole words only,
    // so "economie" does not find "economisch" (as Meilisearch, which gets the stem "economi" as a word).
    const wholeWord = tokenStem !== token;
    if (typos > 0) {
      const first = token[0];
      for (const list of [this.forward.main, this.forward.recent]) {
        for (let i = lowerBound(list, first); i < list.length && list[i][0] === first; i++) {
          const term = list[i];
          if (best.has(term) || term.length < token.length - typos) continue;
          const needed = typosToMatch(term, token, wholeWord);
          if (needed !== undefined) offer({ term, typos: needed, exact: false });
        }
      }
    }
    const byTerm = (a: TermMatch, b: TermMatch) =>
      a.typos - b.typos ||
      Number(b.exact) - Number(a.exact) ||
      (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
    return Array.from(best.values()).sort(byTerm);
  }
}

function lowerBound(terms: string[], value: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two sorted lists without common words as one sorted list. */
function mergeSorted(a: string[], b: string[]): string[] {
  const merged = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}
