import { describe, expect, it } from "vitest";
import { isCrucialElement, type RowCell, sortCrucialFirst } from "./crucial-element";

const succeeded = (...kinds: RowCell["kinds"]): RowCell => ({ outcome: "succeeded", kinds });
const struggled = (...kinds: RowCell["kinds"]): RowCell => ({ outcome: "struggled", kinds });
const ongoing = (...kinds: RowCell["kinds"]): RowCell => ({ outcome: "ongoing", kinds });

describe("the crucial-element rule", () => {
  it.each([
    ["do", "pitfall"],
    ["do", "dont"],
    ["do", "bottleneck"],
    ["success_factor", "pitfall"],
    ["success_factor", "dont"],
    ["success_factor", "bottleneck"],
  ] as const)("marks a succeeded %s against a struggled %s", (good, bad) => {
    expect(isCrucialElement([succeeded(good), struggled(bad)])).toBe(true);
  });

  it("marks a succeeded do against a struggled case with an empty cell", () => {
    expect(isCrucialElement([succeeded("do"), struggled()])).toBe(true);
  });

  it("does not mark a row where the struggled case also has only do's", () => {
    expect(isCrucialElement([succeeded("do"), struggled("do")])).toBe(false);
    expect(isCrucialElement([succeeded("success_factor"), struggled("success_factor")])).toBe(false);
  });

  it("marks a struggled cell that mixes a do with a pitfall", () => {
    expect(isCrucialElement([succeeded("do"), struggled("do", "pitfall")])).toBe(true);
  });

  it("does not mark a row where the succeeded case has only negative lessons or nothing", () => {
    expect(isCrucialElement([succeeded("pitfall"), struggled("pitfall")])).toBe(false);
    expect(isCrucialElement([succeeded(), struggled("bottleneck")])).toBe(false);
    expect(isCrucialElement([succeeded(), struggled()])).toBe(false);
  });

  it("never lets an ongoing case decide, on either side", () => {
    expect(isCrucialElement([ongoing("do"), struggled("pitfall")])).toBe(false);
    expect(isCrucialElement([succeeded("do"), ongoing("pitfall")])).toBe(false);
    expect(isCrucialElement([succeeded("do"), ongoing()])).toBe(false);
    expect(isCrucialElement([ongoing("do"), ongoing()])).toBe(false);
  });

  it("ignores cases without an outcome", () => {
    expect(isCrucialElement([{ outcome: null, kinds: ["do"] }, struggled("pitfall")])).toBe(false);
  });

  it("needs both sides: two succeeded cases or two struggled cases are never enough", () => {
    expect(isCrucialElement([succeeded("do"), succeeded()])).toBe(false);
    expect(isCrucialElement([struggled("pitfall"), struggled()])).toBe(false);
  });

  it("finds the pair among more cases", () => {
    expect(isCrucialElement([ongoing("pitfall"), succeeded("pitfall"), succeeded("do"), struggled("do"), struggled()])).toBe(
      true,
    );
  });

  it("sorts crucial rows first and keeps the order otherwise", () => {
    const rows = [
      { id: "a", crucial: false },
      { id: "b", crucial: true },
      { id: "c", crucial: false },
      { id: "d", crucial: true },
    ];
    expect(sortCrucialFirst(rows).map((r) => r.id)).toEqual(["b", "d", "a", "c"]);
  });
});
