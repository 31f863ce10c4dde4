import { describe, expect, it } from "vitest";
import { requiredSingleLineText, singleLineText } from "./common";

const name = requiredSingleLineText(40);

describe("one-line names and titles", () => {
  it("refuses every C0 control character, DEL, C1 and the Unicode line separators inside the text", () => {
    const refused = [
      ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
      ...Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)),
      "\u2028",
      "\u2029",
    ];
    for (const ch of refused) {
      const result = name.safeParse(`Gent${ch}=HYPERLINK("x")`);
      expect(result.success, `U+${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).toBe(false);
      expect(result.error?.issues[0].message).toBe(
        "must not contain control characters (such as a tab or line break)",
      );
    }
    expect(name.safeParse('\u0007=HYPERLINK("x")').success).toBe(false);
  });

  it("accepts ordinary text, accents and symbols, and trims surrounding white space", () => {
    expect(name.parse("  Sint-Niklaas — régie ✓ \r\n")).toBe("Sint-Niklaas — régie ✓");
    expect(name.parse("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(singleLineText(10).parse("")).toBe("");
  });

  it("keeps its other rules", () => {
    expect(name.safeParse("   ").error?.issues[0].message).toBe("is required");
    expect(name.safeParse("x".repeat(41)).error?.issues[0].message).toBe("at most 40 characters");
  });
});
