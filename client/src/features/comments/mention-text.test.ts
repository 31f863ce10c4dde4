import { describe, expect, it } from "vitest";
import { insertMention, mentionQueryAt, mentionsIn, splitMentions } from "./mention-text";

describe("mention completion", () => {
  it("finds the query after an @ at the caret, and nothing elsewhere", () => {
    expect(mentionQueryAt("Vraag aan @Edd", 14)).toBe("Edd");
    expect(mentionQueryAt("@", 1)).toBe("");
    expect(mentionQueryAt("Vraag aan @Edd en meer", 22)).toBeNull();
    expect(mentionQueryAt("mail@example", 12)).toBeNull();
    expect(mentionQueryAt("Vraag aan @Édouard", 18)).toBe("Édouard");
  });

  it("replaces the query by the full name and puts the caret after it", () => {
    expect(insertMention("Vraag aan @Edd! Graag.", 14, "Eddy Editor")).toEqual({
      text: "Vraag aan @Eddy Editor ! Graag.",
      caret: 23,
    });
  });

  it("keeps only the mentions whose name is still in the text", () => {
    const picked = new Map([
      ["u1", "Eddy Editor"],
      ["u2", "Vera Viewer"],
    ]);
    expect(mentionsIn("Hallo @Eddy Editor", picked)).toEqual(["u1"]);
    expect(mentionsIn("Hallo allemaal", picked)).toEqual([]);
  });

  it("splits a message around the mentioned names, longest name first", () => {
    expect(splitMentions("@Ann Smith en @Ann kijken (a+b)", ["Ann", "Ann Smith"])).toEqual([
      { text: "@Ann Smith", mention: true },
      { text: " en ", mention: false },
      { text: "@Ann", mention: true },
      { text: " kijken (a+b)", mention: false },
    ]);
    expect(splitMentions("Geen vermelding", [])).toEqual([{ text: "Geen vermelding", mention: false }]);
  });
});
