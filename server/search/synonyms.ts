import { dutchStem } from "./dutch-forms";
import { tokenizeDutch } from "./dutch-text";

/** Tokens scanned between two looks at the caller's slice budget. */
const SCAN_STEP = 4_096;

interface CompiledTerm {
  stems: string[];
  group: number;
}

/**
 * A workspace's synonym groups, ready to look for in text. A term is matched as its sequence of word stems
 * (stop words left out, as both engines do), so "Lokale Diensteneconomieën" matches "lokale diensteneconomie".
 */
export class SynonymMatcher {
  private readonly byFirstStem = new Map<string, CompiledTerm[]>();

  constructor(private readonly groups: readonly (readonly string[])[]) {
    groups.forEach((terms, group) => {
      for (const term of terms) {
        const stems = tokenizeDutch(term).map(dutchStem);
        if (stems.length === 0) continue;
        const list = this.byFirstStem.get(stems[0]) ?? [];
        list.push({ stems, group });
        this.byFirstStem.set(stems[0], list);
      }
    });
  }

  get empty(): boolean {
    return this.byFirstStem.size === 0;
  }

  /**
   * Every term of each group that one of the texts mentions, joined: the words an entry is also found by.
   * `pause` lets the event loop run during a long text.
   */
  async expansionOf(texts: readonly string[], pause: () => Promise<void> = async () => {}): Promise<string> {
    if (this.empty) return "";
    const found = new Set<number>();
    for (const text of texts) {
      const stems = tokenizeDutch(text).map(dutchStem);
      for (let i = 0; i < stems.length; i++) {
        if (i % SCAN_STEP === 0) await pause();
        const candidates = this.byFirstStem.get(stems[i]);
        if (!candidates) continue;
        for (const candidate of candidates) {
          if (found.has(candidate.group)) continue;
          if (candidate.stems.every((stem, k) => stems[i + k] === stem)) found.add(candidate.group);
        }
      }
    }
    return [...found]
      .sort((a, b) => a - b)
      .flatMap((group) => this.groups[group])
      .join(" · ");
  }
}
