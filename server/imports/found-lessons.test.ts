import { describe, expect, it } from "vitest";
import { lessonPrefix } from "./found-lessons";

describe("lesson words at the start of a line", () => {
  it.each([
    ["Valkuil: te laat beginnen", "pitfall", "Valkuil: ".length],
    ["  KNELPUNT : geen budget", "bottleneck", "  KNELPUNT : ".length],
    ["Doe: samen beginnen", "do", "Doe: ".length],
    ["Do: start together", "do", "Do: ".length],
    ["Don't: decide alone", "dont", "Don't: ".length],
    ["Don’t: decide alone", "dont", "Don’t: ".length],
    ["Niet doen: alleen beslissen", "dont", "Niet doen: ".length],
    ["succesfactor:een trekker", "success_factor", "succesfactor:".length],
    ["Success factor: a lead", "success_factor", "Success factor: ".length],
    ["Pitfall: too late", "pitfall", "Pitfall: ".length],
  ])("%s → %s", (line, kind, length) => {
    expect(lessonPrefix(line)).toEqual({ kind, length });
  });

  it.each([
    "Doel: de regie versterken",
    "Document: zie bijlage",
    "Valkuilen zijn er genoeg",
    "Een valkuil: te laat",
    "Doe het zelf",
  ])("%s is no lesson", (line) => {
    expect(lessonPrefix(line)).toBeUndefined();
  });
});
