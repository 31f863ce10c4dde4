import { describe, expect, it } from "vitest";
import { catalogue as namespaces } from "./catalogue";

/** Every message of a catalogue as "path.to.key" → text. */
function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

/**
 * English words, and Dutch words the group replaced, that must not show in the Dutch interface: one term per
 * concept ("handboek", "uitkomst", "casussen", "gesprek", "expert", "mogelijk cruciaal element").
 */
const notInDutch = [
  /\bcases\b/i,
  /\bhandleiding\b/i,
  /\bdo's\b/i,
  /\bdon'ts\b/i,
  /\bdraad\b/i,
  /\bcommentator\b/i,
  /\bverloop\b/i,
  /\bkandidaat cruciale?\b/i,
  /\bthe\b/i,
  /\b(save|cancel|delete|search|loading|edit|remove|submit|settings|close)\b/i,
];

describe("message catalogue", () => {
  for (const [name, { nl, en }] of Object.entries(namespaces)) {
    it(`${name}: every message exists in Dutch and English, and none is empty`, () => {
      const dutch = flatten(nl);
      const english = flatten(en);
      expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort());
      for (const [key, text] of [...dutch, ...english]) expect(text.trim(), key).not.toBe("");
    });

    it(`${name}: the Dutch texts use the group's words and no English`, () => {
      const offending = [...flatten(nl)].filter(([, text]) =>
        notInDutch.some((word) => word.test(text.replace(/\{\{[^}]*\}\}/g, ""))),
      );
      expect(offending).toEqual([]);
    });
  }
});
