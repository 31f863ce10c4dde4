import { useCallback, useState } from "react";

/** Ticks a reader sets on the checklist, kept in this browser only (they are a personal to-do, not shared data). */
export function usePersonalTicks(
  workspaceId: string,
): [Set<string>, (lessonId: string, done: boolean) => void] {
  const key = `themawerk.minimal.${workspaceId}`;
  const [ticks, setTicks] = useState<Set<string>>(() => {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? "[]");
      return new Set(Array.isArray(stored) ? stored.filter((x): x is string => typeof x === "string") : []);
    } catch {
      return new Set();
    }
  });
  const tick = useCallback(
    (lessonId: string, done: boolean) =>
      setTicks((old) => {
        const next = new Set(old);
        if (done) next.add(lessonId);
        else next.delete(lessonId);
        try {
          localStorage.setItem(key, JSON.stringify([...next]));
        } catch {
          // Private mode or full storage: the ticks still work for this visit.
        }
        return next;
      }),
    [key],
  );
  return [ticks, tick];
}
