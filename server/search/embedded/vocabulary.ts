import { typosAllowed, withinEditDistance, wordMatchesToken } from "../dutch-text";

/**
 * The words of the embedded index, to correct typos in a query. Orama's own tolerance walks its
 * compressed radix tree one character per edge and misses matches depending on the tree's shape
 * ("werkwinkal" did not find "werkwinkel" next to "werkgroep"), so typos are resolved here.
 */
export class Vocabulary {
  private readonly counts = new Map<string, number>();
  private readonly wordsById = new Map<string, string[]>();

  /** Records the words of an entry, replacing what it had before. */
  set(id: string, words: string[]): void {
    this.delete(id);
    const unique = [...new Set(words)];
    this.wordsById.set(id, unique);
    for (const word of unique) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
  }

  /** Forgets the words of an entry. */
  delete(id: string): void {
    const words = this.wordsById.get(id);
    if (!words) return;
    this.wordsById.delete(id);
    for (const word of words) {
      const left = (this.counts.get(word) ?? 1) - 1;
      if (left === 0) this.counts.delete(word);
      else this.counts.set(word, left);
    }
  }

  /**
   * The indexed word a query token most likely means, within the typos its length allows: the
   * closest one, then the most frequent. The token itself when some word starts with it; undefined
   * when nothing is close enough.
   */
  correct(token: string): string | undefined {
    const typos = typosAllowed(token);
    let best: { word: string; distance: number; count: number } | undefined;
    for (const [word, count] of this.counts) {
      if (word.startsWith(token)) return token;
      if (typos === 0 || word.length < token.length - typos || !wordMatchesToken(word, token)) continue;
      const distance = withinEditDistance(word, token, 1) ? 1 : 2;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
        best = { word, distance, count };
      }
    }
    return best?.word;
  }
}
