import { describe, expect, it } from "vitest";
import type { DocumentEntry } from "../search-index";
import { EmbeddedSearchIndex } from "./embedded-search-index";

const note = (id: string, workspaceId: string, text: string): DocumentEntry => ({
  id,
  workspaceId,
  type: "document",
  documentId: id,
  title: "",
  text,
  documentKind: "note",
});
/** n made-up four-letter words ("a000", "a001", …): too short for typos, and none starts another. */
const words = (letter: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${letter}${String(i).padStart(3, "0")}`);

describe("embedded engine: distinct words per workspace", () => {
  it("leaves out a workspace's new words beyond its cap, keeps words the dictionary has, and spares other workspaces", async () => {
    const capped: string[] = [];
    const index = new EmbeddedSearchIndex({
      maxNewTermsPerWorkspace: 100,
      onCapped: (ws) => capped.push(ws),
    });
    const find = async (workspaceId: string, q: string) =>
      (
        await index.search({ workspaceIds: [workspaceId], q, filters: {}, facets: [], limit: 5, offset: 0 })
      ).hits.map((h) => h.id);
    await index.index([note("b1", "wsb", "gedeeldwoord komt ook elders voor")]);
    await index.index([note("a1", "wsa", words("a", 150).join(" "))]);
    expect(await find("wsa", "a000")).toEqual(["a1"]);
    expect(await find("wsa", "a099")).toEqual(["a1"]);
    expect(await find("wsa", "a100")).toEqual([]);
    expect(capped).toEqual(["wsa"]);

    // Past the cap, a word another workspace brought in is still indexed for this one.
    await index.index([note("a2", "wsa", "gedeeldwoord en a999")]);
    expect(await find("wsa", "gedeeldwoord")).toEqual(["a2"]);
    expect(await find("wsa", "a999")).toEqual([]);
    expect(capped).toEqual(["wsa"]);

    // Another workspace still adds its own new words.
    await index.index([note("b2", "wsb", words("b", 50).join(" "))]);
    expect(await find("wsb", "b049")).toEqual(["b2"]);
  });
});
