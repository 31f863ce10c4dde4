import { describe, expect, it } from "vitest";
import { filterExpression, quoted } from "./filter-expression";

describe("meilisearch filter expression", () => {
  it("always starts with the workspaces and OR-s values of one key", () => {
    const clauses = filterExpression({
      workspaceIds: ["ws1aaaaaaaa", "ws2bbbbbbbb"],
      q: "",
      filters: { lessonKind: ["do", "pitfall"], isCentreCity: [false], case: ['Sint-"Niklaas'] },
      facets: [],
      limit: 10,
      offset: 0,
    });
    expect(clauses).toEqual([
      'workspaceId IN ["ws1aaaaaaaa", "ws2bbbbbbbb"]',
      'lessonKind IN ["do", "pitfall"]',
      "isCentreCity IN [false]",
      'caseName IN ["Sint-\\"Niklaas"]',
    ]);
  });

  it("escapes quotes and backslashes so a value cannot end the literal", () => {
    expect(quoted('a" OR workspaceId EXISTS \\')).toBe('"a\\" OR workspaceId EXISTS \\\\"');
  });
});
