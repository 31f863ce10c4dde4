/** The kinds of lesson a block can hold, in the order the handbook lists them. */
export const lessonKinds = ["do", "dont", "pitfall", "bottleneck", "success_factor"] as const;
export type LessonKind = (typeof lessonKinds)[number];

/** How far a lesson has come on its way into the handbook. */
export const lessonStatuses = ["candidate", "validated", "in_handbook"] as const;
export type LessonStatus = (typeof lessonStatuses)[number];

export const lessonStances = ["endorse", "object"] as const;
export type LessonStance = (typeof lessonStances)[number];

/** Slash-command words (Dutch first, then English) that insert a lesson block of each kind. */
export const lessonSlashWords: Record<LessonKind, readonly string[]> = {
  do: ["doe", "do"],
  dont: ["niet", "dont"],
  pitfall: ["valkuil", "pitfall"],
  bottleneck: ["knelpunt", "bottleneck"],
  success_factor: ["succesfactor", "success"],
};

/** Finds the kind a slash word stands for ("valkuil" → pitfall), case-insensitively. */
export function lessonKindForWord(word: string): LessonKind | undefined {
  const w = word.trim().toLowerCase();
  return lessonKinds.find((k) => lessonSlashWords[k].includes(w));
}
