import { describe, expect, it } from "vitest";
import { Vocabulary } from "./vocabulary";

describe("vocabulary", () => {
  it("corrects one typo to the closest, most frequent word", () => {
    const vocabulary = new Vocabulary();
    vocabulary.set("a", ["werkwinkel", "werkgroep", "werkt"]);
    vocabulary.set("b", ["werkwinkel", "werkwinkels"]);
    expect(vocabulary.correct("werkwinkal")).toBe("werkwinkel");
    expect(vocabulary.correct("werkgr")).toBe("werkgr");
    expect(vocabulary.correct("plan")).toBeUndefined();
    expect(vocabulary.correct("klaverblad")).toBeUndefined();
  });

  it("forgets the words of removed and replaced entries", () => {
    const vocabulary = new Vocabulary();
    vocabulary.set("a", ["dienstenwijzer"]);
    vocabulary.set("a", ["masterplan"]);
    expect(vocabulary.correct("dienstenwijzr")).toBeUndefined();
    expect(vocabulary.correct("masterplam")).toBe("masterplan");
    vocabulary.delete("a");
    expect(vocabulary.correct("masterplam")).toBeUndefined();
  });
});
