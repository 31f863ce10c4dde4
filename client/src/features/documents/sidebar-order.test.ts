import { describe, expect, it } from "vitest";
import type { DocumentSummary } from "../../../../shared/schemas/documents";
import { groupByKind, recentlyEdited } from "./sidebar-order";

const doc = (id: string, kind: DocumentSummary["kind"], title: string, updatedAt: string) =>
  ({ id, kind, title, updatedAt }) as DocumentSummary;

describe("sidebar order", () => {
  const docs = [
    doc("a", "case", "Casus Zele", "2026-12-03T10:00:00Z"),
    doc("b", "case", "Casus Aalst", "2026-12-01T10:00:00Z"),
    doc("c", "note", "Notitie 10", "2026-12-02T10:00:00Z"),
    doc("d", "note", "Notitie 9", "2026-12-03T11:00:00Z"),
    doc("e", "case", "casus Beveren", "2026-11-30T10:00:00Z"),
  ];

  it("groups by kind and orders each group by title, whatever was edited last", () => {
    expect(groupByKind(docs).map(([kind, list]) => [kind, list.map((d) => d.title)])).toEqual([
      ["case", ["Casus Aalst", "casus Beveren", "Casus Zele"]],
      ["note", ["Notitie 9", "Notitie 10"]],
    ]);
    // An edit changes updatedAt, never the grouped order.
    const edited = docs.map((d) => (d.id === "b" ? { ...d, updatedAt: "2026-12-04T00:00:00Z" } : d));
    const ids = (list: typeof docs) => groupByKind(list).map(([kind, group]) => [kind, group.map((d) => d.id)]);
    expect(ids(edited)).toEqual(ids(docs));
  });

  it("lists the documents edited last apart, newest first", () => {
    expect(recentlyEdited(docs).map((d) => d.id)).toEqual(["d", "a", "c"]);
  });
});
